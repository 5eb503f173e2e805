/**
 * Records made portable: copies that can be loaded into any server. Server ids and version meta are dropped,
 * each record gets a `urn:uuid:` full URL, references between the records point at those URLs, and each record
 * is created on its business identifier only if the target does not hold it yet (conditional create,
 * https://hl7.org/fhir/R4/http.html#ccreate), so loading the same records twice creates nothing new.
 */
import type * as fhir from 'fhir/r4';
import { RECORD_ID_SYSTEM } from '../mapping/codes.ts';
import { businessKeyOf, nameBasedUuid, tokenParameter } from '../mapping/identifiers.ts';
import type { Located, ResourceIndex } from '../mapping/resource-index.ts';
import { rewriteReferences } from './reference-walk.ts';

export interface PortableEntry {
  readonly fullUrl: string;
  readonly resource: fhir.FhirResource;
  readonly request: { readonly method: 'POST'; readonly url: string; readonly ifNoneExist?: string };
  /** The record's address in the input (`Goal/7`, a full URL, `Goal[3]`). */
  readonly source: string;
  /** The business identifier the conditional create matches on, `system|value`. */
  readonly identifier?: { readonly system: string; readonly value: string };
}

/** A reference to a record that is neither among the records nor known otherwise. */
export interface DanglingReference {
  /** The record it is in (its input address). */
  readonly from: string;
  /** FHIRPath from the record's type. */
  readonly path: string;
  readonly reference: string;
}

export interface PortableOptions {
  /**
   * A replacement for a reference before the usual rules apply (the import points the input's patient at the
   * target's patient this way); undefined leaves it to the rules.
   */
  readonly redirect?: (reference: fhir.Reference, target: Located | undefined) => fhir.Reference | undefined;
}

export interface PortableRecords {
  readonly entries: readonly PortableEntry[];
  readonly dangling: readonly DanglingReference[];
  /** The full URL a record of the input got, by its input address. */
  readonly fullUrlOf: (address: string) => string | undefined;
}

/** The identifier a record is matched on: ours, else its own first complete identifier. */
export function matchingIdentifier(resource: fhir.FhirResource): { system: string; value: string } | undefined {
  const key = businessKeyOf(resource);
  if (key !== undefined && resource.resourceType !== 'Provenance') return { system: RECORD_ID_SYSTEM, value: key };
  const identifiers = 'identifier' in resource ? (resource.identifier as unknown) : undefined;
  const list = (Array.isArray(identifiers) ? identifiers : identifiers ? [identifiers] : []) as fhir.Identifier[];
  const own = list.find(
    (i) =>
      typeof i === 'object' && (i as unknown) !== null && typeof i.system === 'string' && typeof i.value === 'string'
  );
  return own?.system !== undefined && own.value !== undefined ? { system: own.system, value: own.value } : undefined;
}

/** What a server should not receive from another: its ids and version bookkeeping (the labels and profiles stay). */
function withoutServerMeta<T extends fhir.FhirResource>(resource: T): T {
  const copy = { ...resource };
  delete copy.id;
  if (copy.meta) {
    const { profile, security, tag } = copy.meta;
    const meta: fhir.Meta = {
      ...(profile ? { profile } : {}),
      ...(security ? { security } : {}),
      ...(tag ? { tag } : {}),
    };
    if (Object.keys(meta).length > 0) copy.meta = meta;
    else delete copy.meta;
  }
  return copy;
}

function token(identifier: { system: string; value: string }): string {
  return tokenParameter(identifier.system, identifier.value);
}

/**
 * Provenance has no identifier to search on: the same signature is the one recorded at the same time by the same
 * agent (by the agent's identifier), else for the same target (by the target's identifier).
 */
function provenanceQuery(provenance: fhir.Provenance, from: Located, index: ResourceIndex): string | undefined {
  // Required in R4, but input from elsewhere may lack it.
  const when = provenance.recorded as string | undefined;
  if (when === undefined) return undefined;
  const recorded = `recorded=${encodeURIComponent(when)}`;
  const chained = (name: string, reference: fhir.Reference | undefined): string | undefined => {
    const target = index.resolve(reference?.reference, from);
    const identifier = target && !target.container ? matchingIdentifier(target.resource) : undefined;
    return target && identifier
      ? `${recorded}&${name}${encodeURIComponent(`:${target.resource.resourceType}.identifier`)}=${token(identifier)}`
      : undefined;
  };
  return chained('agent', provenance.agent[0]?.who) ?? chained('target', provenance.target[0]);
}

/** The top-level record a located record is, or is contained in. */
export const topLevel = (located: Located): Located => located.container ?? located;

/** `records` (top-level, from `index`) as portable entries, in the order given. */
export function portableRecords(
  records: readonly Located[],
  index: ResourceIndex,
  options: PortableOptions = {}
): PortableRecords {
  const urls = new Map<Located, string>();
  const used = new Set<string>();
  for (const record of records) {
    const identifier = matchingIdentifier(record.resource);
    const name = identifier ? `${identifier.system}|${identifier.value}` : record.address;
    let url = `urn:uuid:${nameBasedUuid(`exchange|${record.resource.resourceType}|${name}`)}`;
    for (let n = 1; used.has(url); n += 1) url = `urn:uuid:${nameBasedUuid(`exchange|${record.address}|${String(n)}`)}`;
    used.add(url);
    urls.set(record, url);
  }
  const dangling: DanglingReference[] = [];
  const entries = records.map((record): PortableEntry => {
    const resource = rewriteReferences(withoutServerMeta(record.resource), (reference, path) => {
      const literal = reference.reference ?? '';
      if (literal.startsWith('#')) return reference;
      const target = index.resolve(literal, record);
      const redirected = options.redirect?.(reference, target);
      if (redirected) return redirected;
      const url = target ? urls.get(topLevel(target)) : undefined;
      if (url !== undefined && target && !target.container) return { ...reference, reference: url };
      const { reference: dropped, ...rest } = reference;
      const identifier = target ? matchingIdentifier(target.resource) : undefined;
      if (target && identifier) {
        // Known but not carried along: a logical reference by its identifier resolves on any server.
        return { ...rest, type: target.resource.resourceType, identifier: reference.identifier ?? identifier };
      }
      if (!target) dangling.push({ from: record.address, path, reference: literal });
      return { ...rest, ...(rest.display === undefined && rest.identifier === undefined ? { display: dropped } : {}) };
    });
    const identifier = matchingIdentifier(record.resource);
    const ifNoneExist =
      record.resource.resourceType === 'Provenance'
        ? provenanceQuery(record.resource, record, index)
        : identifier && `identifier=${token(identifier)}`;
    return {
      fullUrl: urls.get(record) ?? '',
      resource,
      request: {
        method: 'POST',
        url: record.resource.resourceType,
        ...(ifNoneExist !== undefined ? { ifNoneExist } : {}),
      },
      source: record.address,
      ...(identifier ? { identifier } : {}),
    };
  });
  const byAddress = new Map([...urls].map(([located, url]) => [located.address, url]));
  return { entries, dangling, fullUrlOf: (address) => byAddress.get(address) };
}

/** The entries as a transaction Bundle. */
export function portableTransaction(entries: readonly PortableEntry[]): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: entries.map(({ fullUrl, resource, request }) => ({ fullUrl, resource, request: { ...request } })),
  };
}
