/**
 * Where a single create or update landed, read from whatever the server sent: the resource in the body, or
 * only a `Location` (Oracle Health answers a create with an empty 201), or an `ETag`; and the landings of a save
 * in the shape of a transaction response. Pure: no IO.
 * @see https://hl7.org/fhir/R4/http.html#create
 * @see https://hl7.org/fhir/R4/http.html#versioning
 */
import type * as fhir from 'fhir/r4';
import { sameJson } from '../mapping/json.ts';
import type { FhirResponse } from './gateway.ts';
import type { SavedEntry } from './save-result.ts';

export interface Landing {
  /** `Goal/123`. */
  readonly address: string;
  readonly versionId?: string;
  /** `201 Created` or `200 OK`, as in a transaction-response entry. */
  readonly status: string;
  /** The resource as the server holds it, when it said. */
  readonly resource?: fhir.FhirResource;
}

/** A record's place on the server, as a `Location` names it. */
export interface LocationAddress {
  readonly resourceType: string;
  readonly id: string;
  /** `Goal/123`, without the server's base or the version. */
  readonly address: string;
  readonly versionId?: string;
}

/** `Type/id` and the version, from an absolute or relative `Location` (`.../Goal/123/_history/4`). */
const LOCATION = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?\/?$/;
const ETAG = /^(?:W\/)?"([^"]+)"$/;

/**
 * The record a `Location` (or a transaction-response entry's `location`) names, whether relative
 * (`Goal/123/_history/4`) or absolute (`https://ehr.example/fhir/Goal/123/_history/4`); undefined when it names none.
 */
export function locationAddress(location: string): LocationAddress | undefined {
  const [, resourceType, id, versionId] = LOCATION.exec(location) ?? [];
  if (resourceType === undefined || id === undefined) return undefined;
  return { resourceType, id, address: `${resourceType}/${id}`, ...(versionId === undefined ? {} : { versionId }) };
}

/** An HTTP status as a transaction-response entry's `status` says it: `201 Created`, `200 OK`. */
export function statusLine(status: number): string {
  return status === 201 ? '201 Created' : `${String(status)} OK`;
}

/** Where `response` says a resource of `resourceType` is; undefined when it names none. */
export function landingOf(resourceType: string, response: FhirResponse<unknown>): Landing | undefined {
  const resource = resourceIn(response.body, resourceType);
  const located = response.location === undefined ? undefined : locationAddress(response.location);
  const fromLocation = located?.resourceType === resourceType ? located : undefined;
  const id = resource?.id ?? fromLocation?.id;
  if (id === undefined) return undefined;
  const versionId =
    resource?.meta?.versionId ?? fromLocation?.versionId ?? (response.etag && ETAG.exec(response.etag.trim())?.[1]);
  return {
    address: `${resourceType}/${id}`,
    ...(versionId ? { versionId } : {}),
    status: statusLine(response.status),
    ...(resource ? { resource } : {}),
  };
}

/** A landing as a `location`: `Goal/123/_history/4`, or `Goal/123` when the version is not known. */
export function landingLocation(landing: Pick<Landing, 'address' | 'versionId'>): string {
  return landing.versionId === undefined ? landing.address : `${landing.address}/_history/${landing.versionId}`;
}

/** The landing of a resource read or found by a search. */
export function landingOfResource(resource: fhir.FhirResource, status: string): Landing {
  const versionId = resource.meta?.versionId;
  return {
    address: `${resource.resourceType}/${resource.id ?? ''}`,
    ...(versionId === undefined ? {} : { versionId }),
    status,
    resource,
  };
}

function resourceIn(body: unknown, resourceType: string): fhir.FhirResource | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const resource = body as fhir.FhirResource;
  return resource.resourceType === resourceType && typeof resource.id === 'string' ? resource : undefined;
}

/** Whether two versions of a record say the same, ignoring the server's `id` and `meta`. */
export function sameContent(a: fhir.FhirResource, b: fhir.FhirResource): boolean {
  return sameJson({ ...a, id: undefined, meta: undefined }, { ...b, id: undefined, meta: undefined });
}

/** The landings as a transaction response's entries would list them, in request order. */
export function savedEntries(bundle: fhir.Bundle, landings: ReadonlyMap<number, Landing>): SavedEntry[] {
  return [...landings.keys()]
    .sort((a, b) => a - b)
    .flatMap((entryIndex) => {
      const landing = landings.get(entryIndex);
      if (landing === undefined) return [];
      const fullUrl = bundle.entry?.[entryIndex]?.fullUrl;
      const version = landing.versionId;
      return [
        {
          entryIndex,
          ...(fullUrl === undefined ? {} : { fullUrl }),
          location: landingLocation(landing),
          ...(version === undefined ? {} : { etag: `W/"${version}"` }),
          status: landing.status,
        },
      ];
    });
}

/** What a transaction's response would have said, so the workspace reads both strategies alike. */
export function responseBundle(bundle: fhir.Bundle, landings: ReadonlyMap<number, Landing>): fhir.Bundle {
  const saved = savedEntries(bundle, landings);
  return {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: saved.map(({ entryIndex, location, etag, status }) => {
      const resource = landings.get(entryIndex)?.resource;
      return {
        ...(resource === undefined ? {} : { resource }),
        response: { status, ...(location === undefined ? {} : { location }), ...(etag === undefined ? {} : { etag }) },
      };
    }),
  };
}
