/**
 * One interface for every way the app can save a plan (issue 5 §2), chosen per server from its profile
 * (`choose-strategy.ts`): one transaction, ordered requests with conditional create, a clinical note, or the
 * structured plan in a companion store with the note in the EHR.
 * The workspace only talks to a `WriteStrategy`; which one it holds, and why, is shown to the clinician.
 */
import type * as fhir from 'fhir/r4';
import type { SaveResult } from '../../fhir/save-result.ts';
import type { TreatmentPlan } from '../../plan/index.ts';

export type StrategyKind = 'transaction' | 'sequential' | 'note' | 'companion';

export interface StrategyInput {
  readonly plan: TreatmentPlan;
  /** The records as loaded (or last saved): updates start from them, so nothing the app does not model is lost. */
  readonly loaded: readonly fhir.FhirResource[];
  readonly now: Date;
}

export type StrategyOutcome =
  | { readonly kind: 'nothing-to-save' }
  | {
      readonly kind: 'sent';
      readonly result: SaveResult;
      /** How many HTTP requests the save made (1 for a transaction). */
      readonly requests: number;
      /**
       * What the save sent, as a Bundle whose entry indexes place the server's issues: the transaction Bundle (sent
       * whole, or step by step), or for a note the requests listed as a `batch` Bundle (note-writes.ts).
       */
      readonly request?: fhir.Bundle;
    };

export interface WriteStrategy {
  readonly kind: StrategyKind;
  /** One or two sentences for the clinician: what Save does on this server and why. */
  readonly explanation: string;
  /**
   * 'plan': the whole plan is editable; 'note': the plan is read-only, and record keeping (new problems, new
   * scores, the note itself) is what saves.
   */
  readonly edits: 'plan' | 'note';
  save(input: StrategyInput): Promise<StrategyOutcome>;
}
