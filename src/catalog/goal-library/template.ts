/**
 * The shape of the goal library: starting goals per presenting problem, each with objectives and interventions,
 * written with due dates relative to the day the goal is picked. `instantiateGoal` turns one into plan parts.
 */
import type { Amount, Comparator, Concept, Frequency, Party, PlanGoal } from '../../plan/index.ts';

export type ProblemId = 'depression' | 'anxiety' | 'trauma' | 'substance-use' | 'relationship-conflict' | 'adhd-youth';

/** A measurable target due a number of weeks after the goal is picked. */
export interface TargetTemplate {
  readonly measure: Concept;
  readonly comparator: Comparator;
  readonly value: Amount;
  readonly dueInWeeks: number;
}

export interface ObjectiveTemplate {
  readonly description: string;
  readonly targets: readonly TargetTemplate[];
}

/** What an intervention serves: the goal itself, or one of its objectives by position. */
export type Serves = 'goal' | number;

export interface InterventionTemplate {
  readonly technique: Concept;
  /** How it is applied, in words the clinician tailors. */
  readonly application: string;
  readonly frequency?: Frequency;
  readonly performer: Party;
  /** Defaults to the goal. */
  readonly serves?: readonly Serves[];
}

export interface GoalTemplate {
  /** Stable within the library, e.g. `depression/mood`. */
  readonly id: string;
  readonly description: string;
  readonly priority?: PlanGoal['priority'];
  readonly targets: readonly TargetTemplate[];
  readonly objectives: readonly ObjectiveTemplate[];
  readonly interventions: readonly InterventionTemplate[];
}

export interface LibraryEntry {
  readonly id: ProblemId;
  readonly title: string;
  /** One sentence on when to pick it. */
  readonly summary: string;
  /** ICD-10-CM codes (all in the shipped diagnosis list) this problem usually goes with. */
  readonly suggestedDiagnoses: readonly string[];
  readonly goals: readonly GoalTemplate[];
}

export function target(
  measure: Concept,
  comparator: Comparator,
  value: number,
  unit: string,
  dueInWeeks: number
): TargetTemplate {
  return { measure, comparator, value: { value, unit }, dueInWeeks };
}

export const DAILY: Frequency = { count: 1, per: 1, unit: 'd' };
export const WEEKLY: Frequency = { count: 1, per: 1, unit: 'wk' };
export const EVERY_TWO_WEEKS: Frequency = { count: 1, per: 2, unit: 'wk' };
export const MONTHLY: Frequency = { count: 1, per: 1, unit: 'mo' };

/** UCUM units the library's targets use. */
export const UNIT = {
  score: '{score}',
  percent: '%',
  daysPerWeek: 'd/wk',
  timesPerWeek: '/wk',
  timesPerDay: '/d',
  drinks: '{drinks}',
} as const;
