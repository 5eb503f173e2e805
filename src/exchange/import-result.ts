/** What `applyImport` came to, as a union the caller (app or command line) handles exhaustively. */
import type { SaveResult } from '../fhir/save-result.ts';

export interface WrittenRecord {
  readonly resourceType: string;
  /** Where the record now is on the target (`Goal/123/_history/1`). */
  readonly location: string;
  /** `201 Created` (new), `200 OK` (matched an existing record by its identifier). */
  readonly status: string;
}

export type ImportResult =
  | {
      readonly kind: 'written';
      readonly created: number;
      /** Records the target held and the import replaced (PUT with If-Match). */
      readonly updated: number;
      /** Records the target already held (conditional create matched), left as they were. */
      readonly matched: number;
      readonly records: readonly WrittenRecord[];
      /** The imported CarePlan on the target (`CarePlan/123`), when the input held one. */
      readonly plan?: string;
      /**
       * How the import was filed when the target takes no plans (issue 6 §2): e.g. "as a clinical note, with 1
       * new problem". Absent for a structured import.
       */
      readonly filedAs?: string;
    }
  /** Nothing was sent: the report has errors, or warnings that were not confirmed, or the patient is undecided. */
  | {
      readonly kind: 'refused';
      readonly reason: 'errors' | 'unconfirmed-warnings' | 'patient' | 'empty';
      readonly message: string;
    }
  /** The target answered the transaction with a failure (see SaveResult): conflict, rejection, no answer. */
  | { readonly kind: 'failed'; readonly message: string; readonly save: Exclude<SaveResult, { kind: 'saved' }> };
