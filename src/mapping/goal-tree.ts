/**
 * Which of a plan's Goals are goals and which are their objectives. An objective is named by its goal with a
 * `milestone` relationship, or names its goal with `part-of`; goals keep the order of CarePlan.goal, objectives
 * the order of their goal's relationships (then of CarePlan.goal for `part-of` children).
 */
import type * as fhir from 'fhir/r4';
import type { PlanGoal } from '../plan/treatment-plan.ts';
import { goalFromFhir, objectiveFromFhir } from './goal-from-fhir.ts';
import type { GoalReading } from './goal-from-fhir.ts';
import { isMilestone, partOfTarget, relationshipTarget } from './goal-relationship.ts';
import { idOf } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

export interface GoalTree {
  readonly goals: PlanGoal[];
  /** The id of a goal or objective of the plan that `reference` points at. */
  readonly goalIdOf: (reference: fhir.Reference, from: Located) => string | undefined;
  /** The plan's goals and objectives as records. */
  readonly located: readonly Located<fhir.Goal>[];
}

function asGoal(located: Located | undefined): Located<fhir.Goal> | undefined {
  return located?.resource.resourceType === 'Goal' ? (located as Located<fhir.Goal>) : undefined;
}

export function readGoalTree(listed: readonly Located<fhir.Goal>[], ctx: ReadContext, reading: GoalReading): GoalTree {
  const childrenOf = new Map<Located<fhir.Goal>, Located<fhir.Goal>[]>();
  const parentOf = new Map<Located<fhir.Goal>, Located<fhir.Goal>>();
  const adopt = (parent: Located<fhir.Goal>, child: Located<fhir.Goal>): void => {
    if (parent === child || parentOf.has(child) || parentOf.has(parent)) return;
    parentOf.set(child, parent);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
  };
  for (const parent of listed) {
    for (const extension of parent.resource.extension ?? []) {
      const child = isMilestone(extension)
        ? asGoal(ctx.index.resolve(relationshipTarget(extension)?.reference, parent))
        : undefined;
      if (child) adopt(parent, child);
    }
  }
  for (const child of listed) {
    for (const extension of child.resource.extension ?? []) {
      const parent = asGoal(ctx.index.resolve(partOfTarget(extension)?.reference, child));
      if (parent && listed.includes(parent)) adopt(parent, child);
    }
  }
  const all = [...listed, ...[...parentOf.keys()].filter((c) => !listed.includes(c))];
  const ids = new Map(all.map((l) => [l.address, idOf(l)]));
  all.forEach((l) => {
    ctx.use(l);
  });
  const goals = listed
    .filter((l) => !parentOf.has(l))
    .map((l) => {
      const objectives = (childrenOf.get(l) ?? []).map((o) => objectiveFromFhir(o, ctx, reading));
      return goalFromFhir(l, objectives, ctx, reading);
    });
  return {
    goals,
    goalIdOf: (reference, from) => {
      const found = ctx.index.resolve(reference.reference, from);
      return found ? ids.get(found.address) : undefined;
    },
    located: all,
  };
}
