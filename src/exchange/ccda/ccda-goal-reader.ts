/**
 * A Goal Observation read back: the description (value, else code), lifecycle, start, targets (component goals
 * with a measure and an amount or range, or the goal itself when it is a measure), milestones (objectives),
 * concerns addressed, priority, achievement and its date, who expressed it, and notes.
 */
import { ACHIEVEMENTS } from '../../plan/treatment-plan.ts';
import type {
  Achievement,
  Comparator,
  Concept,
  GoalLifecycle,
  Objective,
  PlanGoal,
  MeasurableTarget,
  Party,
} from '../../plan/treatment-plan.ts';
import { CODE } from './ccda-codes.ts';
import { GOAL_STATUS } from './ccda-entry-parts.ts';
import {
  commentsOf,
  highOf,
  lowOf,
  priorityOf,
  referencedIds,
  relations,
  reverse,
  type SystemOf,
} from './ccda-entry-relations.ts';
import { isoDate } from './cda-values.ts';
import { at, attr, child, children, conceptOf, entryId, idsOf, words, type CdaNode } from './ccda-nodes.ts';

const GOAL_LIFECYCLE = reverse<GoalLifecycle>(GOAL_STATUS);

function targetFromObservation(observation: CdaNode, systemOf: SystemOf): MeasurableTarget | undefined {
  const measure = conceptOf(child(observation, 'code'), systemOf);
  const value = child(observation, 'value');
  const type = attr(value, 'xsi:type');
  const amountOf = (node: CdaNode | undefined): { value: number; unit: string } | undefined => {
    const number = Number(attr(node, 'value'));
    return node === undefined || !Number.isFinite(number) || attr(node, 'value') === undefined
      ? undefined
      : { value: number, unit: attr(node, 'unit') ?? '1' };
  };
  let comparator: Comparator = '=';
  let amount = type === 'PQ' ? amountOf(value) : undefined;
  if (type === 'IVL_PQ') {
    const high = child(value, 'high');
    const low = child(value, 'low');
    const side = high ?? low;
    amount = amountOf(side);
    const inclusive = attr(side, 'inclusive') !== 'false';
    comparator = high !== undefined ? (inclusive ? '<=' : '<') : inclusive ? '>=' : '>';
  }
  if (measure === undefined || amount === undefined) return undefined;
  const due = isoDate(highOf(child(observation, 'effectiveTime')));
  return { measure, comparator, value: amount, ...(due !== undefined ? { dueDate: due } : {}) };
}

export interface GoalEntryReading {
  readonly id: string;
  readonly description: Concept;
  readonly lifecycle: GoalLifecycle;
  readonly achievement?: Achievement;
  readonly statusDate?: string;
  readonly startDate?: string;
  readonly targets: readonly MeasurableTarget[];
  readonly expressedBy?: Party;
  readonly addresses: readonly string[];
  readonly notes: readonly string[];
  readonly priority?: 'high' | 'medium' | 'low';
  /** Ids of the goals that are its milestones (objectives). */
  readonly milestones: readonly string[];
}

function expressedByOf(observation: CdaNode, clientIds: ReadonlySet<string>): Party | undefined {
  const assigned = at(observation, 'author', 'assignedAuthor');
  if (assigned === undefined) return undefined;
  if (idsOf(assigned).some((id) => clientIds.has(`${id.root}|${id.extension ?? ''}`))) return 'client';
  if (attr(child(assigned, 'code'), 'code') === CODE.familyMember.code) return 'family';
  return 'clinician';
}

export function goalFromEntry(
  observation: CdaNode,
  fallbackId: string,
  systemOf: SystemOf,
  clientIds: ReadonlySet<string>
): GoalEntryReading {
  const value = child(observation, 'value');
  const description =
    attr(value, 'xsi:type') === 'CD' || attr(value, 'xsi:type') === 'CE'
      ? conceptOf(value, systemOf)
      : words(value) !== ''
        ? { text: words(value), codes: [] }
        : (conceptOf(child(observation, 'code'), systemOf) ?? { text: words(child(observation, 'text')), codes: [] });
  const components = relations(observation, 'COMP');
  // A goal that is itself a measure (code = the scale, value = an amount or a range) is its own target.
  const own = ['PQ', 'IVL_PQ'].includes(attr(value, 'xsi:type') ?? '')
    ? targetFromObservation(observation, systemOf)
    : undefined;
  const targets = [
    ...(own === undefined ? [] : [own]),
    ...components.flatMap((r) => children(r, 'observation')).flatMap((o) => targetFromObservation(o, systemOf) ?? []),
  ];
  const progress = relations(observation, 'REFR')
    .flatMap((r) => children(r, 'observation'))
    .find((o) => attr(child(o, 'code'), 'code') === CODE.achievement.code);
  const achievementCode = attr(child(progress, 'value'), 'code');
  const achievement = ACHIEVEMENTS.find((a) => a === achievementCode);
  const statusDate = isoDate(attr(child(progress, 'effectiveTime'), 'value'));
  const start = isoDate(
    attr(child(observation, 'effectiveTime'), 'value') ?? lowOf(child(observation, 'effectiveTime'))
  );
  const expressedBy = expressedByOf(observation, clientIds);
  const priority = priorityOf(observation);
  return {
    id: entryId(observation) ?? fallbackId,
    description: description ?? { text: 'Goal without a description', codes: [] },
    lifecycle: GOAL_LIFECYCLE.get(attr(child(observation, 'statusCode'), 'code') ?? '') ?? 'active',
    ...(achievement !== undefined ? { achievement } : {}),
    ...(statusDate !== undefined ? { statusDate } : {}),
    ...(start !== undefined ? { startDate: start } : {}),
    targets,
    ...(expressedBy !== undefined ? { expressedBy } : {}),
    addresses: referencedIds(observation, 'RSON'),
    notes: commentsOf(observation),
    ...(priority !== undefined ? { priority: priority } : {}),
    milestones: components.flatMap((r) => children(r, 'act').flatMap((act) => entryId(act) ?? [])),
  };
}

/**
 * Goals with their objectives: a goal another goal lists as a milestone is that goal's objective. References to
 * concerns the document does not hold are dropped.
 */
export function goalsFromReadings(
  goalReadings: readonly GoalEntryReading[],
  conditionIds: ReadonlySet<string>
): PlanGoal[] {
  const goalIds = new Set(goalReadings.map((g) => g.id));
  const milestoneIds = new Set(goalReadings.flatMap((g) => g.milestones).filter((id) => goalIds.has(id)));
  const goalLike = (g: GoalEntryReading): Objective => ({
    id: g.id,
    description: g.description,
    lifecycle: g.lifecycle,
    ...(g.achievement !== undefined ? { achievement: g.achievement } : {}),
    ...(g.statusDate !== undefined ? { statusDate: g.statusDate } : {}),
    ...(g.startDate !== undefined ? { startDate: g.startDate } : {}),
    targets: g.targets,
    ...(g.expressedBy !== undefined ? { expressedBy: g.expressedBy } : {}),
    addresses: g.addresses.filter((id) => conditionIds.has(id)),
    notes: g.notes,
  });
  const byId = new Map(goalReadings.map((g) => [g.id, g]));
  const goals: PlanGoal[] = goalReadings
    .filter((g) => !milestoneIds.has(g.id))
    .map((g) => ({
      ...goalLike(g),
      ...(g.priority !== undefined ? { priority: g.priority } : {}),
      objectives: g.milestones.flatMap((id) => {
        const objective = byId.get(id);
        return objective === undefined ? [] : [goalLike(objective)];
      }),
    }));

  return goals;
}
