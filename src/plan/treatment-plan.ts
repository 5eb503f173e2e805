/**
 * A treatment plan in clinical words: the therapy roadmap that clinician and client write together.
 *
 * This module is the domain model: it knows nothing of FHIR, HTTP or React (DESIGN.md §2). `src/mapping/` turns it
 * into FHIR R4 and back; `src/ui/` edits it through the functions in this folder.
 *
 * Identity: every part that becomes its own record (goal, objective, diagnosis, intervention, ...) has an `id`
 * that is a stable business identifier, not a server id. The mapping writes it as an identifier on the record, so
 * a plan read back from any server has the same ids, a retry never duplicates, and a plan moved to another server
 * keeps them. Records written by other systems, which carry no such identifier, get an id derived from their
 * server address (e.g. `Condition/123`).
 *
 * Times: `IsoDate` is `YYYY-MM-DD`; `IsoDateTime` always carries a zone offset (`2026-03-02T10:00:00-05:00`).
 */

import type { IsoDateTime, PersonRef } from './model/basics.ts';
import type { CareSchedule, Strength, TreatmentContract } from './model/contract.ts';
import type { Intervention, PlanGoal } from './model/goals.ts';
import type { Diagnosis, HistoryAndAssessment, PresentingConcern } from './model/history.ts';
import type { PlanConsiderations, ProgressAndOutcomes, ReviewSchedule, Signature } from './model/progress.ts';
import type { ClientIdentification, SessionDetails } from './model/session.ts';

export type * from './model/basics.ts';
export type * from './model/session.ts';
export type * from './model/history.ts';
export type * from './model/contract.ts';
export type * from './model/goals.ts';
export { ACHIEVEMENTS } from './model/goals.ts';
export type * from './model/progress.ts';

export type PlanStatus = 'draft' | 'active' | 'on-hold' | 'completed' | 'revoked' | 'entered-in-error' | 'unknown';

export interface TreatmentPlan {
  /** The plan's business identifier (a UUID for plans this app started). */
  readonly id: string;
  readonly status: PlanStatus;
  /** `proposal` for plans an EHR suggests; the app writes `plan`. */
  readonly intent: 'plan' | 'proposal';
  readonly title: string;
  /** A short summary of the plan in the clinician's words. */
  readonly summary?: string;
  /** When the plan was first written. */
  readonly created?: IsoDateTime;
  /** The clinician who owns the plan (CarePlan author). */
  readonly author?: PersonRef;
  /** Others who contributed: supervisor, client, family. */
  readonly contributors: readonly PersonRef[];

  readonly client: ClientIdentification;
  readonly session: SessionDetails;
  readonly history: HistoryAndAssessment;
  readonly presentingConcerns: readonly PresentingConcern[];
  readonly diagnoses: readonly Diagnosis[];
  readonly contract: TreatmentContract;
  readonly strengths: readonly Strength[];
  readonly schedule: CareSchedule;
  readonly goals: readonly PlanGoal[];
  readonly interventions: readonly Intervention[];
  readonly progress: ProgressAndOutcomes;
  readonly signatures: readonly Signature[];
  readonly review: ReviewSchedule;
  readonly considerations: PlanConsiderations;
}
