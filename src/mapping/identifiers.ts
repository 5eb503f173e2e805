/**
 * Business identifiers: every record the app writes carries the model's id as an identifier in our system, so a
 * plan read back from any server has the same ids and a retried create is a conditional create
 * (https://hl7.org/fhir/R4/http.html#ccreate). Records written by others have no such identifier: their id in
 * the model is their server address (`Condition/123`).
 */
import type * as fhir from 'fhir/r4';
import { EXTENSION, RECORD_ID_SYSTEM } from './codes.ts';

/** `Type/id`, as the model spells a record that carries no identifier of ours. */
const SERVER_ADDRESS = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

export function recordIdentifier(key: string): fhir.Identifier {
  return { system: RECORD_ID_SYSTEM, value: key };
}

/** The `Type/id` address of a record, when `key` is one for a resource of `type`. */
export function serverAddress(key: string, type: string): string | undefined {
  const match = SERVER_ADDRESS.exec(key);
  return match?.[1] === type ? key : undefined;
}

/** Our record identifier's value, when `identifier` is one with a usable (non-empty string) value. */
function recordKey(identifier: fhir.Identifier | undefined): string | undefined {
  const value: unknown = identifier?.value;
  return identifier?.system === RECORD_ID_SYSTEM && typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The business id the app gave a resource, when it has one (identifier, or our extension on Provenance). Foreign
 * data may carry anything where the value should be: only a non-empty string counts.
 */
export function businessKeyOf(resource: fhir.FhirResource): string | undefined {
  if (resource.resourceType === 'Provenance') {
    const extension = resource.extension?.find((e) => e.url === EXTENSION.recordIdentifier);
    return recordKey(extension?.valueIdentifier);
  }
  const identifiers = 'identifier' in resource ? resource.identifier : undefined;
  const list: readonly fhir.Identifier[] = Array.isArray(identifiers) ? identifiers : identifiers ? [identifiers] : [];
  for (const identifier of list) {
    const key = recordKey(identifier);
    if (key !== undefined) return key;
  }
  return undefined;
}

/** A token search value `system|value`, with FHIR's escapes (https://hl7.org/fhir/R4/search.html#escaping). */
export function tokenParameter(system: string, value: string): string {
  const escape = (text: string): string => text.replace(/[\\|,$]/g, (c) => `\\${c}`);
  return encodeURIComponent(`${escape(system)}|${escape(value)}`);
}

/** The If-None-Exist query that finds the record with business id `key`. */
export function identifierQuery(key: string): string {
  return `identifier=${tokenParameter(RECORD_ID_SYSTEM, key)}`;
}

/** 32-bit FNV-1a of `text`, started from `seed`, with MurmurHash3's finaliser so every bit depends on every input bit. */
function hash32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * A UUID derived from `name` (version 8, "custom", RFC 9562 §5.8), so the same plan always gives the same
 * `urn:uuid:` full URLs and the writer stays a pure function.
 */
export function nameBasedUuid(name: string): string {
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995]
    .map((seed) => hash32(name, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
