/**
 * What an import will do, shown before anything is written (issue 6 §2): validation issues with their FHIRPath
 * location, the planned creates, updates and matches on the target server, the patient the records attach to,
 * and what in the input the treatment-plan model cannot represent. `applyImport` writes only from a report.
 */
import type * as fhir from 'fhir/r4';
import type { TreatmentPlan } from '../plan/treatment-plan.ts';

export type ImportIssueSeverity = 'error' | 'warning' | 'information';

export interface ImportIssue {
  readonly severity: ImportIssueSeverity;
  /** FHIRPath of the element, from the input's root (`Bundle.entry[3].resource.target[0]`). */
  readonly location: string;
  readonly message: string;
  /**
   * What raised it: a conformance rule (`structure`, `binding`, `reference`, an invariant key such as `gol-1`,
   * see src/conformance/issue.ts), `dangling-reference`, `patient`, `input` or `validation-skipped`.
   */
  readonly rule: string;
}

export type PlannedActionKind = 'create' | 'update' | 'match';

export interface PlannedAction {
  /**
   * `create`: new on the target; `match`: the target already holds a record with the same business identifier,
   * which is kept as it is (conditional create); `update`: the input's record replaces one the target holds.
   */
  readonly action: PlannedActionKind;
  readonly resourceType: string;
  /** The entry's full URL in the transaction that `applyImport` sends (`urn:uuid:...`). */
  readonly fullUrl: string;
  /** Where the record was in the input (`Bundle.entry[3].resource`, `[2]`, `CarePlan/1#goal`). */
  readonly source: string;
  /** The business identifier it is matched on (`system|value`), when it has one. */
  readonly identifier?: string;
  /** The record on the target it matched or updates (`Goal/123`). */
  readonly existing?: string;
  /** What it is, in words (a goal's description, a patient's name). */
  readonly description: string;
}

export interface PatientCandidate {
  /** `Patient/123` on the target. */
  readonly reference: string;
  readonly name: string;
  readonly birthDate?: string;
  /** The identifiers it matched on, `system|value`. */
  readonly matchedOn: readonly string[];
}

/**
 * The patient on the target server the records attach to. `matched`: one patient holds the input patient's
 * identifiers (or the one asked for with `options.patient`); `ambiguous`: several do, choose one with
 * `options.patient`; `absent`: none does, and the input's Patient will be created (`willCreate`), or the input
 * has no Patient to create and one must be given.
 */
export type PatientMatch =
  | {
      readonly kind: 'matched';
      readonly reference: string;
      readonly name: string;
      /** `identifier system|value` or `id` or `asked` (given with `options.patient`). */
      readonly by: string;
    }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly PatientCandidate[] }
  | { readonly kind: 'absent'; readonly willCreate: boolean; readonly message: string };

export interface NotUnderstoodItem {
  /** The record (`Type/id`, full URL or input position). */
  readonly resource: string;
  /** FHIRPath of the element within it. */
  readonly path: string;
  readonly reason: string;
}

export interface ImportReport {
  /** No errors: `applyImport` may write (after confirmation when there are warnings). */
  readonly ok: boolean;
  readonly issues: readonly ImportIssue[];
  readonly actions: readonly PlannedAction[];
  readonly patient: PatientMatch;
  /** What the treatment-plan model cannot represent, one sentence each (`Goal/7: Goal.target[1]: reason`). */
  readonly notUnderstood: readonly string[];
  /** The same, structured. */
  readonly notUnderstoodItems: readonly NotUnderstoodItem[];
  /** The plan as read from the input, when it holds one (or records a plan could be assembled from). */
  readonly plan?: TreatmentPlan;
  /** What was checked: base R4 and our profiles (`profiles`), or only the structure the reader needs (`structure`). */
  readonly validation: 'profiles' | 'structure';
  /** The FHIR base URL of the target server the report was prepared against. */
  readonly target: string;
  /** The transaction `applyImport` sends: conditional creates, `urn:uuid:` references, the patient resolved. */
  readonly transaction: fhir.Bundle;
}

/** A not-understood item as the report's sentence: `Goal/7: Goal.target[1]: reason`. */
export function notUnderstoodSentence(item: NotUnderstoodItem): string {
  return `${item.resource}: ${item.path}: ${item.reason}`;
}

/**
 * The report with more the plan cannot represent, found before the FHIR import read the input (what a C-CDA
 * document held that the plan has no place for, say).
 */
export function withNotUnderstood(report: ImportReport, more: readonly NotUnderstoodItem[]): ImportReport {
  if (more.length === 0) return report;
  return {
    ...report,
    notUnderstood: [...report.notUnderstood, ...more.map(notUnderstoodSentence)],
    notUnderstoodItems: [...report.notUnderstoodItems, ...more],
  };
}
