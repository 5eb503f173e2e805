/**
 * Goals and objectives as Goal resources (DESIGN.md §4): each objective is its own Goal, and its parent goal
 * carries R4's goal-relationship extension with type `milestone` pointing at it
 * (https://hl7.org/fhir/R4/extension-goal-relationship.html). All of them are listed in CarePlan.goal.
 */
import type * as fhir from 'fhir/r4';
import type { GoalLike, PlanGoal, TreatmentPlan } from '../plan/treatment-plan.ts';
import { notesToFhir } from './annotations.ts';
import { CODING, EXTENSION, PROFILE, SYSTEM } from './codes.ts';
import { codedAs, codingIn, conceptToFhir, mergeCategories } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft, Owned, WriteContext } from './draft.ts';
import { isMilestone, milestoneExtension, relationshipTarget } from './goal-relationship.ts';
import { targetsToFhir } from './goal-target.ts';
import { keepIfSame } from './json.ts';
import { partyFromReference, partyToReference } from './party.ts';
import { mergeInPlace, mergeReferences, planReference } from './references.ts';
import { idOfPlanReference } from './plan-reference.ts';

const PRIORITY_CODES = { high: 'high-priority', medium: 'medium-priority', low: 'low-priority' } as const;

function extensionsOf(goal: GoalLike, ctx: WriteContext, loaded: fhir.Goal | undefined): fhir.Extension[] {
  const old = loaded?.extension ?? [];
  const objectives = 'objectives' in goal ? (goal as PlanGoal).objectives : [];
  const milestones = objectives.flatMap((objective) => {
    const target = ctx.ref('Goal', objective.id);
    if (target === undefined) return [];
    return [
      old.find((e) => isMilestone(e) && relationshipTarget(e)?.reference === target) ?? milestoneExtension(target),
    ];
  });
  const carriedFrom = 'carriedFrom' in goal ? (goal as PlanGoal).carriedFrom : undefined;
  const carried = keepIfSame(
    old.find((e) => e.url === EXTENSION.carriedFrom),
    carriedFrom,
    (e) => idOfPlanReference(e.valueReference, ctx.loaded),
    (id): fhir.Extension => ({ url: EXTENSION.carriedFrom, valueReference: planReference(id, ctx.loaded) })
  );
  const ours = [...milestones, ...(carried ? [carried] : [])];
  return mergeInPlace(old, ours, (e) => {
    if (e.url === EXTENSION.carriedFrom) return true;
    if (!isMilestone(e)) return false;
    const target = relationshipTarget(e);
    return (
      target === undefined ||
      ctx.placed(target) ||
      milestones.includes(e) ||
      milestones.some((m) => relationshipTarget(m)?.reference === target.reference)
    );
  });
}

function goalOwned(goal: GoalLike, ctx: WriteContext, loaded: fhir.Goal | undefined): Owned<fhir.Goal> {
  const plan = ctx.plan;
  const priority = 'priority' in goal ? (goal as PlanGoal).priority : undefined;
  const measurements = plan.progress.measurements.filter((m) => m.goalId === goal.id).map((m) => m.id);
  return {
    extension: extensionsOf(goal, ctx, loaded),
    lifecycleStatus: goal.lifecycle,
    achievementStatus: keepIfSame(
      loaded?.achievementStatus,
      goal.achievement,
      (c) => codingIn(c, SYSTEM.goalAchievement)?.code,
      (code) => ({ coding: [{ system: SYSTEM.goalAchievement, code }] })
    ),
    category: mergeCategories(loaded?.category, [codedAs(CODING.behavioral)], [SYSTEM.goalCategory]),
    priority: keepIfSame(
      loaded?.priority,
      priority,
      (c) =>
        (Object.keys(PRIORITY_CODES) as (keyof typeof PRIORITY_CODES)[]).find(
          (p) => codingIn(c, SYSTEM.goalPriority)?.code === PRIORITY_CODES[p]
        ),
      (p) => ({ coding: [{ system: SYSTEM.goalPriority, code: PRIORITY_CODES[p] }] })
    ),
    description: conceptToFhir(goal.description, loaded?.description),
    subject:
      loaded?.subject.reference === plan.client.reference ? loaded.subject : { reference: plan.client.reference },
    startDate: goal.startDate,
    statusDate: goal.statusDate,
    target: targetsToFhir(goal.targets, loaded?.target),
    expressedBy: keepIfSame(
      loaded?.expressedBy,
      goal.expressedBy,
      (r) => partyFromReference(r, ctx.loaded),
      (p) => partyToReference(p, plan.client.reference)
    ),
    addresses: mergeReferences(ctx.refs('Condition', goal.addresses), loaded?.addresses, (r) => ctx.placed(r)),
    note: notesToFhir(goal.notes, loaded?.note),
    outcomeReference: mergeReferences(ctx.refs('Observation', measurements), loaded?.outcomeReference, (r) =>
      ctx.placed(r)
    ),
  };
}

function goalDraft(goal: GoalLike): Draft {
  return draft<fhir.Goal>({
    type: 'Goal',
    key: goal.id,
    profile: PROFILE.goal,
    owned: (loaded, ctx) => goalOwned(goal, ctx, loaded),
  });
}

/** One draft per goal and per objective, goals first in the plan's order, each followed by its objectives. */
export function goalDrafts(plan: TreatmentPlan): Draft[] {
  return plan.goals.flatMap((goal) => [goalDraft(goal), ...goal.objectives.map((o) => goalDraft(o))]);
}
