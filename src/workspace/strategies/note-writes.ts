/**
 * The requests of a note-mode save, sent one after another (Epic and Oracle Health take no Bundles), and what
 * they came to as one SaveResult: the workspace reads it as it reads a transaction's. The requests are listed as
 * the entries of a `batch` Bundle, so an issue's entry index names the record it is about, and the answers as a
 * `batch-response`. Every HTTP failure becomes a result, never an exception; `written: 'some'` says that the
 * requests before the failing one stand (their record identifiers keep a retry from writing them twice).
 * @see https://hl7.org/fhir/R4/http.html#create
 * @see https://hl7.org/fhir/R4/http.html#update
 */
import type * as fhir from 'fhir/r4';
import { FhirError } from '../../fhir/fhir-error.ts';
import type { FhirGateway } from '../../fhir/gateway.ts';
import { landingLocation, landingOf, locationAddress, statusLine } from '../../fhir/landing.ts';
import type { SavedEntry, SaveResult } from '../../fhir/save-result.ts';
import { sequentialFailure } from '../../fhir/sequential-failure.ts';
import type { WriteEntry } from '../../mapping/write-set.ts';

/** A record a previous attempt already wrote: not sent again, reported where it is. */
export interface AlreadyWritten {
  readonly entry: WriteEntry;
  readonly location: string;
}

export interface NoteWrites {
  /** Everything the save stands for, in order: records found from an earlier attempt, then what is sent. */
  readonly request: fhir.Bundle;
  readonly result: SaveResult;
  /** HTTP requests sent. */
  readonly requests: number;
}

/** The planned writes as a `batch` Bundle (documentation of what the save does; never sent as a Bundle). */
export function writesBundle(entries: readonly WriteEntry[]): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'batch',
    entry: entries.map(({ fullUrl, resource, request }) => ({
      fullUrl,
      resource,
      request: {
        method: request.method,
        url: request.url,
        ...(request.ifMatch === undefined ? {} : { ifMatch: request.ifMatch }),
      },
    })),
  };
}

/**
 * A failed request (or the search before the writes, `entryIndex` undefined) as a SaveResult, as for ordered steps
 * (sequential-failure.ts): a 403 or 405 says plainly that the EHR refused the write, not the plan. Every 409 and
 * 412 is a conflict here: the note strategy sends no conditional creates, so only a stale `If-Match` gets one.
 */
export function failedWrite(
  error: FhirError,
  request: fhir.Bundle,
  entryIndex: number | undefined,
  written: 'nothing' | 'some'
): SaveResult {
  return sequentialFailure(error, request, { entryIndex, conflict: true }, written === 'some');
}

/** `Condition/123` from a location such as `https://ehr/fhir/Condition/123/_history/1`. */
export function recordAddress(location: string): string | undefined {
  return locationAddress(location)?.address;
}

/**
 * Sends `toSend` in order after `found` (records an earlier attempt wrote), then the entry `last` makes from
 * where everything before it landed, stopping at the first failure. A create answered with an empty body
 * (Oracle Health's 201 with only `Location`) is as good as one with a body.
 */
export async function sendInOrder(
  gateway: FhirGateway,
  found: readonly AlreadyWritten[],
  toSend: readonly WriteEntry[],
  last: (landed: readonly SavedEntry[]) => WriteEntry,
  searches: number
): Promise<NoteWrites> {
  const entries: WriteEntry[] = found.map((f) => f.entry);
  const responses: fhir.BundleEntry[] = found.map((f) => ({ response: { status: '200 OK', location: f.location } }));
  const locations: SavedEntry[] = found.map((f, entryIndex) => ({
    entryIndex,
    fullUrl: f.entry.fullUrl,
    location: f.location,
    status: '200 OK',
  }));
  let requests = searches;
  for (let offset = 0; offset <= toSend.length; offset += 1) {
    const entry = toSend[offset] ?? last(locations);
    const entryIndex = entries.length;
    entries.push(entry);
    const written = entryIndex > 0 ? 'some' : 'nothing';
    let answer;
    try {
      requests += 1;
      answer = await gateway.request<fhir.FhirResource>({
        method: entry.request.method,
        url: entry.request.url,
        body: entry.resource,
        ...(entry.request.ifMatch === undefined ? {} : { headers: { 'If-Match': entry.request.ifMatch } }),
      });
    } catch (error) {
      if (error instanceof FhirError) {
        const request = writesBundle(entries);
        return { request, result: failedWrite(error, request, entryIndex, written), requests };
      }
      throw error;
    }
    const landing = landingOf(entry.resource.resourceType, answer);
    const resource = landing?.resource;
    const location = answer.location ?? (landing === undefined ? undefined : landingLocation(landing));
    const status = landing?.status ?? statusLine(answer.status);
    responses.push({
      ...(resource === undefined ? {} : { resource }),
      response: {
        status,
        ...(location === undefined ? {} : { location }),
        ...(answer.etag === undefined ? {} : { etag: answer.etag }),
      },
    });
    locations.push({
      entryIndex,
      fullUrl: entry.fullUrl,
      ...(location === undefined ? {} : { location }),
      ...(answer.etag === undefined ? {} : { etag: answer.etag }),
      status,
    });
  }
  const response: fhir.Bundle = { resourceType: 'Bundle', type: 'batch-response', entry: responses };
  return { request: writesBundle(entries), result: { kind: 'saved', response, locations }, requests };
}
