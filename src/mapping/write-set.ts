/**
 * The write set: what a save sends, one entry per record that is new or changed, in the shape of a transaction
 * Bundle's entries (https://hl7.org/fhir/R4/http.html#transaction). New records have `urn:uuid:` full URLs that
 * other entries refer to and a conditional create on their business identifier; updates carry `If-Match` with
 * the version that was loaded.
 */
import type * as fhir from 'fhir/r4';

export interface WriteRequest {
  readonly method: 'POST' | 'PUT';
  /** `Goal` for a create, `Goal/123` for an update. */
  readonly url: string;
  /** `W/"<versionId>"` of the version that was loaded. */
  readonly ifMatch?: string;
  /** Query that finds the record if an earlier attempt created it (`identifier=system|value`). */
  readonly ifNoneExist?: string;
}

export interface WriteEntry {
  /** `urn:uuid:...` for a new record; the record's address for an update. */
  readonly fullUrl: string;
  readonly resource: fhir.FhirResource;
  readonly request: WriteRequest;
}

export type WriteSet = readonly WriteEntry[];

/** The write set as one transaction Bundle. */
export function writeSetToTransaction(writeSet: WriteSet): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: writeSet.map(({ fullUrl, resource, request }) => ({
      fullUrl,
      resource,
      request: {
        method: request.method,
        url: request.url,
        ...(request.ifMatch === undefined ? {} : { ifMatch: request.ifMatch }),
        ...(request.ifNoneExist === undefined ? {} : { ifNoneExist: request.ifNoneExist }),
      },
    })),
  };
}
