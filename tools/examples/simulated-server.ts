/**
 * What a FHIR server would hold after a write set, for building an example whose second plan revises the first:
 * each new record gets the UUID of its `urn:uuid:` full URL as its id and version 1, an update replaces the
 * record and counts its version up, and every `urn:uuid:` reference becomes `Type/<uuid>`
 * (https://hl7.org/fhir/R4/http.html#trules). No validation, no search: only what the writer needs to see.
 */
import type * as fhir from 'fhir/r4';
import type { WriteSet } from '../../src/mapping/write-set.ts';
import { mapReferences } from './references.ts';

const URN_UUID = /^urn:uuid:([0-9a-f-]{36})$/;

/** The address a new record with this `urn:uuid:` full URL gets: `Type/<uuid>`. */
export function addressOfNew(type: string, fullUrl: string): string {
  const uuid = URN_UUID.exec(fullUrl)?.[1];
  if (uuid === undefined) throw new Error(`A new record needs a urn:uuid: full URL, not ${fullUrl}`);
  return `${type}/${uuid}`;
}

function addressOf(resource: fhir.FhirResource): string {
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

export function applyWriteSet(stored: readonly fhir.FhirResource[], writeSet: WriteSet): fhir.FhirResource[] {
  const placeholders = new Map<string, string>();
  for (const { fullUrl, resource, request } of writeSet) {
    if (request.method === 'POST') placeholders.set(fullUrl, addressOfNew(resource.resourceType, fullUrl));
  }
  const result = new Map(stored.map((resource) => [addressOf(resource), resource]));
  for (const { fullUrl, resource, request } of writeSet) {
    const address = request.method === 'POST' ? (placeholders.get(fullUrl) ?? '') : request.url;
    const previous = result.get(address);
    if (request.method === 'PUT' && previous === undefined) {
      throw new Error(`The write set updates ${address}, which the simulated server does not hold`);
    }
    const version = previous === undefined ? 1 : Number(previous.meta?.versionId ?? '0') + 1;
    const id = address.slice(address.indexOf('/') + 1);
    const written = mapReferences(resource, (reference) => placeholders.get(reference));
    result.set(address, { ...written, id, meta: { ...written.meta, versionId: String(version) } });
  }
  return [...result.values()];
}
