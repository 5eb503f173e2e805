/**
 * A failed request of a sequential save as a SaveResult, the same union a transaction's failure gives, so the
 * workspace shows both alike; `written` says whether the server holds part of the save.
 * @see https://hl7.org/fhir/R4/http.html#concurrency (409 and 412 on a stale `If-Match`)
 * @see https://hl7.org/fhir/R4/http.html#ccreate (412 when a conditional create matches several records)
 */
import type * as fhir from 'fhir/r4';
import type { FhirError } from './fhir-error.ts';
import { saveIssues, type SaveIssue, type SaveResult, type Written } from './save-result.ts';
import { refusalSentence, THE_EHR, writeRefusal, type RefusingServer } from './write-refusal.ts';

export interface FailedStep {
  /** The transaction entry whose request failed; undefined for a request that wrote nothing (a search first). */
  readonly entryIndex: number | undefined;
  /** True when an update met a newer version than it was based on (not an identifier matching several records). */
  readonly conflict: boolean;
}

export function sequentialFailure(
  error: FhirError,
  request: fhir.Bundle,
  failed: FailedStep,
  someWritten: boolean,
  server: RefusingServer = THE_EHR
): SaveResult {
  const { status, outcome } = error;
  const written: Written = someWritten ? 'some' : 'nothing';
  const at = failed.entryIndex === undefined ? {} : { entryIndex: failed.entryIndex };
  if (status === 401) {
    return { kind: 'unauthorized', outcome };
  }
  if (status < 400) {
    // No answer, or one that could not be read: whether that request applied is unknown. A retry is safe.
    return { kind: 'unreachable', error };
  }
  if (failed.conflict && (status === 409 || status === 412)) {
    return { kind: 'conflict', status, outcome, ...at, written };
  }
  const issues = saveIssues(outcome, request).map((issue): SaveIssue => ({ ...at, ...issue }));
  const refusal = writeRefusal(status, outcome, error.challenge);
  if (refusal !== undefined) {
    // The plan is not at fault: say so first (as a transaction's refusal does), then whatever the server said.
    const sentence: SaveIssue = {
      ...at,
      message: refusalSentence(refusal, 'the treatment plan', server),
      severity: 'error',
    };
    return { kind: 'rejected', status, outcome, issues: [sentence, ...issues], written, refusal };
  }
  const shown: SaveIssue[] =
    issues.length > 0 ? issues : [{ ...at, message: messageWithoutOutcome(error, request, failed), severity: 'error' }];
  return { kind: 'rejected', status, outcome, issues: shown, written };
}

/** A sentence when the server explained nothing: what the request was for, and the status. */
function messageWithoutOutcome(error: FhirError, request: fhir.Bundle, failed: FailedStep): string {
  if (failed.entryIndex === undefined) return error.message;
  const type = request.entry?.[failed.entryIndex]?.resource?.resourceType ?? 'record';
  if (error.status === 412 || error.status === 409) {
    return `More than one ${type} on the server carries this record's identifier, so it cannot tell which to keep.`;
  }
  return `The server refused to save a ${type} (HTTP ${error.status}).`;
}
