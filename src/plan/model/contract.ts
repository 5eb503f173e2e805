/** Treatment contract, strengths, and the schedule of care (modality, frequency, target dates). */

import type { Concept, Frequency, IsoDate, IsoDateTime, Party, PersonRef } from './basics.ts';

export interface TreatmentContract {
  /** What the client wants to change, in their words. */
  readonly goalsForChange: readonly string[];
  /** Who does what: client, clinician, family. */
  readonly responsibilities: readonly Responsibility[];
  readonly consent?: ConsentToTreatment;
}

export interface Responsibility {
  readonly id: string;
  readonly party: Party;
  /** The person, when a specific one is named (e.g. the parent). */
  readonly person?: PersonRef;
  readonly description: string;
}

export interface ConsentToTreatment {
  readonly id: string;
  readonly status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive';
  /** When consent was given or refused. */
  readonly dateTime?: IsoDateTime;
  readonly decision: 'permit' | 'deny';
  /** Who gave consent: the client, or a guardian for a minor. */
  readonly grantor?: PersonRef;
  /** The period the consent covers. */
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** The modalities consented to. */
  readonly modalities: readonly Concept[];
  /** The signed document (PDF), when attached. */
  readonly document?: AttachedDocument;
}

export interface AttachedDocument {
  readonly contentType: string;
  readonly title?: string;
  /** Where the document can be fetched, or absent when `data` is inline. */
  readonly url?: string;
  /** Base64 content, for small documents. */
  readonly data?: string;
  readonly creation?: IsoDateTime;
}

// ---------------------------------------------------------------------------------------------------------------
// Strengths

export interface Strength {
  readonly id: string;
  /** The strength ("supportive sister", "keeps a regular job"). */
  readonly description: string;
  /** How the plan will use it. */
  readonly use?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Modality, frequency and target dates

export interface CareSchedule {
  /** The main modality of treatment. */
  readonly modality?: Concept;
  /** Individual, group, family, couples. */
  readonly format?: Concept;
  readonly sessionFrequency?: Frequency;
  /** Length of a session in minutes. */
  readonly sessionMinutes?: number;
  readonly startDate?: IsoDate;
  /** When treatment is expected to end. */
  readonly targetEndDate?: IsoDate;
}
