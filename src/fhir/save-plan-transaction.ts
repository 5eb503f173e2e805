/**
 * Saves a plan's write set as one `transaction` Bundle: one request, all or nothing on a server with
 * transactions. Every HTTP outcome becomes a SaveResult, never an exception, so the workspace keeps the
 * clinician's edits whatever happens; only a programming error (a Bundle that is not a transaction) throws.
 * @see https://hl7.org/fhir/R4/http.html#transaction
 * @see https://hl7.org/fhir/R4/http.html#concurrency
 */
import type * as fhir from 'fhir/r4';
import { FhirError } from './fhir-error.ts';
import type { FhirGateway } from './gateway.ts';
import { outcomeEntryIndex, saveIssues, type SaveIssue, type SaveResult, type SavedEntry } from './save-result.ts';
import { refusalSentence, THE_EHR, writeRefusal, type RefusingServer } from './write-refusal.ts';

/** `server`: who to name when the write itself is refused (403, 405); the EHR unless said. */
export async function savePlanTransaction(
  gateway: FhirGateway,
  bundle: fhir.Bundle,
  server: RefusingServer = THE_EHR
): Promise<SaveResult> {
  if (bundle.type !== 'transaction') {
    throw new TypeError(`savePlanTransaction takes a transaction Bundle, not a ${bundle.type} Bundle.`);
  }
  let response: fhir.Bundle | undefined;
  try {
    // The gateway sends `application/fhir+json`, which some servers require of writes (DESIGN.md §3).
    const answer = await gateway.request<fhir.Bundle>({ method: 'POST', url: gateway.baseUrl, body: bundle });
    response = answer.body?.resourceType === 'Bundle' ? answer.body : undefined;
    if (response === undefined) {
      const error = new FhirError(answer.status, gateway.baseUrl, 'The server answered the save without a Bundle.');
      return { kind: 'unreachable', error };
    }
  } catch (error) {
    if (error instanceof FhirError) {
      return failed(error, bundle, server);
    }
    throw error;
  }
  return entryFailure(response, bundle) ?? { kind: 'saved', response, locations: savedEntries(response, bundle) };
}

function failed(error: FhirError, request: fhir.Bundle, server: RefusingServer): SaveResult {
  const { status, outcome } = error;
  if (status === 401) {
    return { kind: 'unauthorized', outcome };
  }
  if (status === 409 || status === 412) {
    const entryIndex = outcomeEntryIndex(outcome, request) ?? (status === 412 ? onlyPrecondition(request) : undefined);
    return {
      kind: 'conflict',
      status,
      outcome,
      ...(entryIndex === undefined ? {} : { entryIndex }),
      written: 'nothing',
    };
  }
  if (status < 400) {
    // No answer, or a success whose body could not be read: the save may or may not have applied.
    return { kind: 'unreachable', error };
  }
  const issues = saveIssues(outcome, request);
  const refusal = writeRefusal(status, outcome, error.challenge);
  if (refusal === undefined) {
    return { kind: 'rejected', status, outcome, issues, written: 'nothing' };
  }
  // The plan is not at fault: say so first, then whatever the server said.
  const sentence: SaveIssue = { message: refusalSentence(refusal, 'the treatment plan', server), severity: 'error' };
  return { kind: 'rejected', status, outcome, issues: [sentence, ...issues], written: 'nothing', refusal };
}

/**
 * A 200 whose entries failed comes from a server that ran the transaction as a batch (R4 forbids it; Medplum
 * does it unless configured): the entries that succeeded are written, and the result says so.
 */
function entryFailure(response: fhir.Bundle, request: fhir.Bundle): SaveResult | undefined {
  const entries = response.entry ?? [];
  const failedAt = entries.findIndex((entry) => statusOf(entry) >= 400);
  const failure = entries[failedAt];
  if (failure === undefined) {
    return undefined;
  }
  const status = statusOf(failure);
  const outcome = failure.response?.outcome as fhir.OperationOutcome | undefined;
  const written = entries.some((entry) => statusOf(entry) < 300) ? 'some' : 'nothing';
  if (status === 409 || status === 412) {
    return { kind: 'conflict', status, outcome, entryIndex: failedAt, written };
  }
  const issues = saveIssues(outcome, request).map((issue) => ({ ...issue, entryIndex: issue.entryIndex ?? failedAt }));
  const refusal = writeRefusal(status, outcome);
  return { kind: 'rejected', status, outcome, issues, written, ...(refusal === undefined ? {} : { refusal }) };
}

/**
 * A 412 comes from a failed precondition (R4 http.html#concurrency, #cond-update): when only one entry carries
 * one, that entry is the one, even if the server does not say.
 */
function onlyPrecondition(request: fhir.Bundle): number | undefined {
  const indexes = (request.entry ?? []).flatMap((entry, index) => {
    const r = entry.request;
    return (r?.ifMatch ?? r?.ifNoneExist ?? r?.ifNoneMatch ?? r?.ifModifiedSince) ? [index] : [];
  });
  return indexes.length === 1 ? indexes[0] : undefined;
}

function statusOf(entry: fhir.BundleEntry): number {
  return Number.parseInt(entry.response?.status ?? '', 10);
}

function savedEntries(response: fhir.Bundle, request: fhir.Bundle): SavedEntry[] {
  return (response.entry ?? []).map((entry, entryIndex) => {
    const fullUrl = request.entry?.[entryIndex]?.fullUrl;
    const { location, etag, status = '' } = entry.response ?? {};
    return {
      entryIndex,
      ...(fullUrl === undefined ? {} : { fullUrl }),
      ...(location === undefined ? {} : { location }),
      ...(etag === undefined ? {} : { etag }),
      status,
    };
  });
}
