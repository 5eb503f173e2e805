/** History, assessment and demographics; presenting concerns and diagnoses. */

import type { Concept, IsoDate } from './basics.ts';

export interface HistoryAndAssessment {
  readonly occupation?: string;
  /** Family, social, developmental and relationship history, in the clinician's words. */
  readonly psychosocialHistory?: string;
  /** Past therapy and other treatment. */
  readonly treatmentHistory: readonly PastTreatment[];
  /** Assessment results recorded at intake or review (PHQ-9, GAD-7 ...): ids of `progress.measurements`. */
  readonly assessmentIds: readonly string[];
}

export interface PastTreatment {
  readonly id: string;
  /** What the treatment was: a modality or a free description. */
  readonly treatment: Concept;
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** Where or by whom. */
  readonly provider?: string;
  /** How it went, in a sentence. */
  readonly outcome?: string;
}

/** When symptoms started: a date, or words ("since the divorce, about 2019"). */
export interface Onset {
  readonly date?: IsoDate;
  readonly text?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Presenting concerns and diagnoses

export interface PresentingConcern {
  readonly id: string;
  /** The concern in the client's or clinician's words; codes are optional. */
  readonly concern: Concept;
  readonly onset?: Onset;
  readonly status: 'active' | 'resolved';
  readonly note?: string;
}

export type DiagnosisStatus = 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';

export interface Diagnosis {
  readonly id: string;
  /** ICD-10-CM and SNOMED CT together where both are known; text alone is allowed. */
  readonly condition: Concept;
  /** `problem-list-item` (the chart's problem list) or `encounter-diagnosis` (this session). */
  readonly category: 'problem-list-item' | 'encounter-diagnosis';
  readonly clinicalStatus: DiagnosisStatus;
  readonly verificationStatus?: 'provisional' | 'differential' | 'confirmed' | 'refuted';
  readonly onset?: Onset;
  /** When a past diagnosis ended. */
  readonly abatement?: IsoDate;
  /** `focus`: the plan treats it; `comorbidity`: it shapes the plan but is treated elsewhere. */
  readonly role: 'focus' | 'comorbidity';
  readonly note?: string;
}
