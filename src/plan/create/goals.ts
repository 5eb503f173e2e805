/**
 * New goals, objectives and interventions, with ids from the caller's `IdFactory`. A goal from the goal library is
 * built the same way: `newGoal({ description, targets, objectives: [...] }, newId)` gives every part a fresh id.
 */
import { withoutUndefined } from '../changes.ts';
import type { IdFactory } from '../ids.ts';
import type {
  Achievement,
  Concept,
  Frequency,
  GoalLifecycle,
  Intervention,
  IsoDate,
  MeasurableTarget,
  Objective,
  Party,
  PersonRef,
  PlanGoal,
} from '../treatment-plan.ts';

/** Words, or words with codes. */
export type Wording = string | Concept;

export function conceptOf(wording: Wording): Concept {
  return typeof wording === 'string' ? { text: wording, codes: [] } : wording;
}

export interface ObjectiveInput {
  readonly description: Wording;
  /** Defaults to `active`: a goal written into the plan is being worked on. */
  readonly lifecycle?: GoalLifecycle;
  readonly achievement?: Achievement;
  readonly statusDate?: IsoDate;
  readonly startDate?: IsoDate;
  readonly targets?: readonly MeasurableTarget[];
  readonly expressedBy?: Party;
  /** Ids of the diagnoses and concerns addressed. */
  readonly addresses?: readonly string[];
  readonly notes?: readonly string[];
}

export interface GoalInput extends ObjectiveInput {
  readonly priority?: PlanGoal['priority'];
  readonly objectives?: readonly ObjectiveInput[];
  readonly carriedFrom?: string;
}

export function newObjective(input: ObjectiveInput, newId: IdFactory): Objective {
  return withoutUndefined({
    id: newId(),
    description: conceptOf(input.description),
    lifecycle: input.lifecycle ?? 'active',
    achievement: input.achievement,
    statusDate: input.statusDate,
    startDate: input.startDate,
    targets: input.targets ?? [],
    expressedBy: input.expressedBy,
    addresses: input.addresses ?? [],
    notes: input.notes ?? [],
  });
}

export function newGoal(input: GoalInput, newId: IdFactory): PlanGoal {
  const { objectives = [], priority, carriedFrom, ...rest } = input;
  const goal = newObjective(rest, newId);
  return withoutUndefined({
    ...goal,
    priority,
    objectives: objectives.map((objective) => newObjective(objective, newId)),
    carriedFrom,
  });
}

export interface InterventionInput {
  readonly technique: Wording;
  readonly application?: string;
  readonly frequency?: Frequency;
  readonly performer?: Party;
  readonly performerRef?: PersonRef;
  /** Ids of the goals or objectives served. */
  readonly goalIds?: readonly string[];
  /** Defaults to `active`. */
  readonly status?: Intervention['status'];
  readonly start?: IsoDate;
  readonly end?: IsoDate;
}

export function newIntervention(input: InterventionInput, newId: IdFactory): Intervention {
  return withoutUndefined({
    id: newId(),
    technique: conceptOf(input.technique),
    application: input.application,
    frequency: input.frequency,
    performer: input.performer,
    performerRef: input.performerRef,
    goalIds: input.goalIds ?? [],
    status: input.status ?? 'active',
    start: input.start,
    end: input.end,
  });
}
