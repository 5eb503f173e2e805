/** Progress and outcomes, signatures, the review schedule, and the factors that shape the plan. */

import type { Amount, Concept, IsoDate, IsoDateTime, PersonRef } from './basics.ts';

export interface Measurement {
  readonly id: string;
  /** The scale or measure (LOINC for PHQ-9 total 44261-6, GAD-7 total 70274-6 ...). */
  readonly measure: Concept;
  readonly value: Amount;
  readonly date: IsoDateTime;
  /** The goal or objective this measurement tracks. */
  readonly goalId?: string;
  readonly note?: string;
}

export interface ProgressNote {
  readonly id: string;
  readonly date: IsoDateTime;
  readonly author?: PersonRef;
  readonly text: string;
  /** The goal or objective the note is about; absent for a note on the whole plan. */
  readonly goalId?: string;
}

export interface ProgressAndOutcomes {
  readonly measurements: readonly Measurement[];
  readonly notes: readonly ProgressNote[];
  /** The outcome summary written at review or discharge. */
  readonly outcomeSummary?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Signatures and review

export type SignerRole = 'client' | 'guardian' | 'clinician' | 'supervisor';

export interface Signature {
  readonly id: string;
  readonly role: SignerRole;
  readonly signer: PersonRef;
  readonly signedAt: IsoDateTime;
  /** The plan version signed (the server's version id of the plan record), when known. */
  readonly planVersion?: string;
  /** The signature as captured: a typed name, and a drawn image (PNG, base64) when there is one. */
  readonly typedName: string;
  readonly image?: string;
  /**
   * Why the clinician signed although the completeness check did not pass (issue 4 §4: signing is allowed only
   * when the check passes or the clinician records why not). Only on a clinician's signature.
   */
  readonly incompleteReason?: string;
}

export interface ReviewSchedule {
  /** The period the plan covers; its end is the next review. */
  readonly periodStart?: IsoDate;
  readonly nextReviewDate?: IsoDate;
  /** The plan this one revises (its id). */
  readonly replaces?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Factors that shape the plan

export interface PlanConsiderations {
  readonly clientPreferences: readonly string[];
  readonly culturalConsiderations: readonly string[];
  /** People who take part in couples and family plans. */
  readonly participants: readonly Participant[];
}

export interface Participant {
  readonly id: string;
  readonly person: PersonRef;
  /** Their relationship to the client (mother, partner ...). */
  readonly relationship: string;
}
