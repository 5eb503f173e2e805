/**
 * Goals and objectives from Goal resources. An objective is a Goal that another goal of the plan names with a
 * goal-relationship of type `milestone` (R4), or that names its goal with a relationship of type `part-of` (as
 * some R5-era systems write it on the child).
 */
import type * as fhir from 'fhir/r4';
import { LIFECYCLES } from '../plan/model/goals.ts';
import { ACHIEVEMENTS, type GoalLike, type PlanGoal } from '../plan/treatment-plan.ts';
import { notesFromFhir } from './annotations.ts';
import { CODING, EXTENSION, SYSTEM } from './codes.ts';
import { codingIn, conceptFromFhir, hasCoding } from './concept.ts';
import { isMilestone, partOfTarget } from './goal-relationship.ts';
import { targetsFromFhir } from './goal-target.ts';
import { partyFromReference } from './party.ts';
import { idOfPlanReference } from './plan-reference.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext, Report } from './read-context.ts';
import type { Located } from './resource-index.ts';

const PRIORITIES = { 'high-priority': 'high', 'medium-priority': 'medium', 'low-priority': 'low' } as const;
const UNDERSTOOD = [
  'text',
  'lifecycleStatus',
  'achievementStatus',
  'category',
  'priority',
  'description',
  'subject',
  'startDate',
  'statusDate',
  'target',
  'expressedBy',
  'addresses',
  'note',
  'outcomeReference',
];

function relationshipUnderstood(extension: fhir.Extension): boolean {
  return isMilestone(extension) || partOfTarget(extension) !== undefined;
}

export interface GoalReading {
  /** The plan being read: a goal carried over from it into a revision says so, which is no news to this plan. */
  readonly planId: string;
  /** Ids of the diagnoses and concerns placed in the plan, which a goal may address. */
  readonly conditionIdOf: (reference: fhir.Reference, from: Located) => string | undefined;
}

function goalLikeFromFhir(at: Located<fhir.Goal>, ctx: ReadContext, reading: GoalReading, report: Report): GoalLike {
  const goal = at.resource;
  reportUnread(report, goal, UNDERSTOOD, [EXTENSION.goalRelationship, EXTENSION.carriedFrom]);
  (goal.extension ?? []).forEach((e, i) => {
    if (e.url === EXTENSION.goalRelationship && !relationshipUnderstood(e)) {
      report(`Goal.extension[${i}]`, 'a goal relationship other than milestone or part-of has no place in the plan');
    }
  });
  (goal.category ?? []).forEach((c, i) => {
    if (!hasCoding(c, CODING.behavioral))
      report(`Goal.category[${i}]`, 'a category other than behavioral has no place in the plan');
  });
  const lifecycle = LIFECYCLES.find((l) => l === goal.lifecycleStatus);
  if (!lifecycle) report('Goal.lifecycleStatus', `lifecycle status ${goal.lifecycleStatus} is shown as cancelled`);
  const achievementCode = codingIn(goal.achievementStatus, SYSTEM.goalAchievement)?.code;
  const achievement = ACHIEVEMENTS.find((a) => a === achievementCode);
  if (goal.achievementStatus && !achievement)
    report('Goal.achievementStatus', 'an achievement status the plan does not know');
  if (goal.startCodeableConcept)
    report('Goal.startCodeableConcept', 'a start given as an event has no place in the plan');
  const targets = (goal.target ?? []).flatMap((t, i) => targetsFromFhir(t, report, `Goal.target[${i}]`));
  const addresses = (goal.addresses ?? []).flatMap((r, i) => {
    const id = reading.conditionIdOf(r, at);
    if (id === undefined) report(`Goal.addresses[${i}]`, 'addresses a condition that is not part of the plan');
    return id === undefined ? [] : [id];
  });
  return {
    id: idOf(at),
    description: conceptFromFhir(goal.description, report, 'Goal.description'),
    lifecycle: lifecycle ?? 'cancelled',
    ...(achievement ? { achievement } : {}),
    ...(goal.statusDate !== undefined ? { statusDate: goal.statusDate } : {}),
    ...(goal.startDate !== undefined ? { startDate: goal.startDate } : {}),
    targets,
    ...(goal.expressedBy ? { expressedBy: partyFromReference(goal.expressedBy, ctx.index) } : {}),
    addresses,
    notes: notesFromFhir(goal.note),
  };
}

export function objectiveFromFhir(at: Located<fhir.Goal>, ctx: ReadContext, reading: GoalReading): GoalLike {
  const report = ctx.reporter(at);
  if (at.resource.priority) report('Goal.priority', 'an objective has no priority in the plan');
  (at.resource.extension ?? []).forEach((e, i) => {
    if (isMilestone(e)) report(`Goal.extension[${i}]`, 'an objective of an objective has no place in the plan');
    if (e.url === EXTENSION.carriedFrom) report(`Goal.extension[${i}]`, 'an objective is carried over with its goal');
  });
  return goalLikeFromFhir(at, ctx, reading, report);
}

export function goalFromFhir(
  at: Located<fhir.Goal>,
  objectives: readonly GoalLike[],
  ctx: ReadContext,
  reading: GoalReading
): PlanGoal {
  const report = ctx.reporter(at);
  const goal = at.resource;
  const priorityCode = codingIn(goal.priority, SYSTEM.goalPriority)?.code as keyof typeof PRIORITIES | undefined;
  const priority = priorityCode === undefined ? undefined : PRIORITIES[priorityCode];
  if (goal.priority && !priority) report('Goal.priority', 'a priority the plan does not know');
  const carried = goal.extension?.find((e) => e.url === EXTENSION.carriedFrom)?.valueReference;
  const from = idOfPlanReference(carried, ctx.index);
  const carriedFrom = from === reading.planId ? undefined : from;
  return {
    ...goalLikeFromFhir(at, ctx, reading, report),
    ...(priority ? { priority } : {}),
    objectives,
    ...(carriedFrom !== undefined ? { carriedFrom } : {}),
  };
}
