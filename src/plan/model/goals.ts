/** Measurable goals, the objectives that break them into steps, and the interventions that serve them. */

import type { Amount, Concept, Frequency, IsoDate, Party, PersonRef } from './basics.ts';

/** Every lifecycle status of a goal (HL7 goal-status, without `entered-in-error` and `rejected`), in form order. */
export const LIFECYCLES = ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled'] as const;

export type GoalLifecycle = (typeof LIFECYCLES)[number];

/** Every achievement value (HL7 goal-achievement), in the order forms offer them. */
export const ACHIEVEMENTS = [
  'in-progress',
  'improving',
  'worsening',
  'no-change',
  'achieved',
  'sustaining',
  'not-achieved',
  'no-progress',
  'not-attainable',
] as const;

export type Achievement = (typeof ACHIEVEMENTS)[number];

export type Comparator = '<' | '<=' | '>=' | '>' | '=';

/** A measurable target: "PHQ-9 total below 10 by 2026-06-01", "drinking days per week at most 1". */
export interface MeasurableTarget {
  /** What is measured: a scale (LOINC) or a described measure. */
  readonly measure: Concept;
  readonly comparator: Comparator;
  readonly value: Amount;
  readonly dueDate?: IsoDate;
}

/** Fields shared by goals and their objectives. */
export interface GoalLike {
  readonly id: string;
  /** The goal in words ("Reduce depressive symptoms to the mild range"). */
  readonly description: Concept;
  readonly lifecycle: GoalLifecycle;
  readonly achievement?: Achievement;
  /** When lifecycle or achievement last changed. */
  readonly statusDate?: IsoDate;
  readonly startDate?: IsoDate;
  readonly targets: readonly MeasurableTarget[];
  /** Who expressed the goal. */
  readonly expressedBy?: Party;
  /** Ids of the diagnoses and concerns the goal addresses. */
  readonly addresses: readonly string[];
  readonly notes: readonly string[];
}

export interface PlanGoal extends GoalLike {
  /** Priority, highest first. */
  readonly priority?: 'high' | 'medium' | 'low';
  /** The steps toward the goal, in order. */
  readonly objectives: readonly Objective[];
  /** When this goal continues from an earlier plan: that plan's id. */
  readonly carriedFrom?: string;
}

export type Objective = GoalLike;

export interface Intervention {
  readonly id: string;
  /** The technique or service (e.g. cognitive restructuring, CBT, motivational interviewing). */
  readonly technique: Concept;
  /** How it is applied for this client. */
  readonly application?: string;
  readonly frequency?: Frequency;
  readonly performer?: Party;
  /** The named performer, when known. */
  readonly performerRef?: PersonRef;
  /** Ids of the goals or objectives it serves. */
  readonly goalIds: readonly string[];
  readonly status: 'draft' | 'active' | 'on-hold' | 'completed' | 'revoked';
  readonly start?: IsoDate;
  readonly end?: IsoDate;
}
