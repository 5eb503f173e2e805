/** Building blocks every section uses: dates, codes, concepts, amounts, people, frequencies. */

export type IsoDate = string;
export type IsoDateTime = string;

/** A code from a terminology (ICD-10-CM, SNOMED CT, LOINC, CMS place of service, our own code systems). */
export interface Code {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** A clinical concept: the words a clinician reads, and the codes that say the same (may be none). */
export interface Concept {
  readonly text: string;
  readonly codes: readonly Code[];
}

/** A quantity as a score or a measure: `9 {score}`, `50 %`, `3 /wk`. */
export interface Amount {
  readonly value: number;
  /** UCUM unit code: `{score}`, `%`, `d`, `/wk` ... */
  readonly unit: string;
}

/** Who a person is in the plan, and a reference to their record on the server when there is one. */
export interface PersonRef {
  /** `Patient/123`, `Practitioner/abc`, `RelatedPerson/x`; absent for a person known only by name. */
  readonly reference?: string;
  readonly name: string;
}

export type Party = 'client' | 'clinician' | 'family' | 'other';

/** How often something happens: `1 per 1 wk`, `2 per 1 mo`. */
export interface Frequency {
  readonly count: number;
  readonly per: number;
  readonly unit: 'd' | 'wk' | 'mo';
}
