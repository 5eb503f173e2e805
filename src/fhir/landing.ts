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

/** `Type/id` and the version, from an absolute or relative `Location` (`.../Goal/123/_history/4`). */
const LOCATION = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?\/?$/;
const ETAG = /^(?:W\/)?"([^"]+)"$/;

/** Where `response` says a resource of `resourceType` is; undefined when it names none. */
export function landingOf(resourceType: string, response: FhirResponse<unknown>): Landing | undefined {
  const resource = resourceIn(response.body, resourceType);
  const located = response.location === undefined ? null : LOCATION.exec(response.location);
  const fromLocation = located?.[1] === resourceType ? located : null;
  const id = resource?.id ?? fromLocation?.[2];
  if (id === undefined) return undefined;
  const versionId =
    resource?.meta?.versionId ?? fromLocation?.[3] ?? (response.etag && ETAG.exec(response.etag.trim())?.[1]);
  return {
    address: `${resourceType}/${id}`,
    ...(versionId ? { versionId } : {}),
    status: response.status === 201 ? '201 Created' : `${response.status} OK`,
    ...(resource ? { resource } : {}),
  };
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
          location: version === undefined ? landing.address : `${landing.address}/_history/${version}`,
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
