/**
 * Makes a plan's write set self-contained. A plan refers to records the EHR already has (the client, the
 * clinician, the guardian); in an empty server they do not exist. So every such record the write set refers to,
 * directly or through another such record, joins the Bundle as a conditional create on its identifier (R4
 * http.html#ccreate) with a `urn:uuid:` full URL, and the references follow. A practitioner brings their
 * PractitionerRole (the NUCC specialty). Loading the Bundle where the records exist finds them instead.
 * Conditional-create queries that name such a record by address (`agent=Practitioner/x`) name it by identifier
 * instead (`agent:Practitioner.identifier=...`), since its address differs from server to server.
 */
import type * as fhir from 'fhir/r4';
import { nameBasedUuid, tokenParameter } from '../../src/mapping/identifiers.ts';
import type { WriteEntry } from '../../src/mapping/write-set.ts';
import { mapReferences, referencesIn } from './references.ts';

/** The order the records appear in the Bundle: what others refer to first. */
const TYPE_ORDER = ['Organization', 'Location', 'Practitioner', 'PractitionerRole', 'Patient', 'RelatedPerson'];
const ADDRESS = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

function addressOf(resource: fhir.Resource): string {
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

/** The identifier the conditional create looks for: the official or usual one, else the first. */
function identifierOf(record: fhir.Resource): fhir.Identifier {
  const list = (record as { identifier?: fhir.Identifier[] }).identifier ?? [];
  const chosen = list.find((i) => i.use === 'official' || i.use === 'usual') ?? list[0];
  if (chosen?.system === undefined || chosen.value === undefined) {
    throw new Error(`${addressOf(record)} has no identifier to create it conditionally on`);
  }
  return chosen;
}

function identifierToken(record: fhir.Resource): string {
  const { system = '', value = '' } = identifierOf(record);
  return tokenParameter(system, value);
}

/** The records `entries` need, with what those records need in turn, in Bundle order. */
function recordsNeeded(entries: readonly WriteEntry[], records: readonly fhir.Resource[]): fhir.Resource[] {
  const byAddress = new Map(records.map((r) => [addressOf(r), r]));
  const created = new Set(entries.map((e) => e.fullUrl));
  const needed = new Map<string, fhir.Resource>();
  const visit = (reference: string, from: string): void => {
    // Contained resources (`#x`) and the Bundle's own records need nothing more.
    if (reference.startsWith('#') || created.has(reference) || needed.has(reference)) return;
    const record = byAddress.get(reference);
    if (!record) {
      throw new Error(`${from} refers to ${reference}, which neither the plan nor the EHR's records provide`);
    }
    needed.set(reference, record);
    for (const inner of referencesIn(record)) visit(inner, reference);
    if (record.resourceType === 'Practitioner') {
      for (const role of records.filter((r) => r.resourceType === 'PractitionerRole')) {
        if ((role as fhir.PractitionerRole).practitioner?.reference === reference) visit(addressOf(role), reference);
      }
    }
  };
  for (const entry of entries) for (const reference of referencesIn(entry.resource)) visit(reference, entry.fullUrl);
  const rank = (r: fhir.Resource): number => TYPE_ORDER.indexOf(r.resourceType) + 1 || TYPE_ORDER.length + 1;
  return [...needed.values()].sort((a, b) => rank(a) - rank(b) || records.indexOf(a) - records.indexOf(b));
}

function placeholderOf(record: fhir.Resource): string {
  return `urn:uuid:${nameBasedUuid(`ehr-record|${addressOf(record)}`)}`;
}

/** `agent=Practitioner%2Fx` becomes `agent%3APractitioner.identifier=<token>` when x is one of `records`. */
function byIdentifier(query: string, records: ReadonlyMap<string, fhir.Resource>): string {
  return query
    .split('&')
    .map((parameter) => {
      const [name = '', value = ''] = parameter.split('=');
      const record = records.get(decodeURIComponent(value));
      const type = ADDRESS.exec(decodeURIComponent(value))?.[1];
      return record && type
        ? `${name}${encodeURIComponent(`:${type}.identifier`)}=${identifierToken(record)}`
        : parameter;
    })
    .join('&');
}

export function withEhrRecords(entries: readonly WriteEntry[], records: readonly fhir.Resource[]): WriteEntry[] {
  const needed = recordsNeeded(entries, records);
  const placeholders = new Map(needed.map((r) => [addressOf(r), placeholderOf(r)]));
  const neededByAddress = new Map(needed.map((r) => [addressOf(r), r]));
  const toPlaceholder = (reference: string): string | undefined => placeholders.get(reference);
  const recordEntries: WriteEntry[] = needed.map((record) => {
    const resource = mapReferences({ ...record } as fhir.FhirResource, toPlaceholder);
    delete resource.id;
    return {
      fullUrl: placeholderOf(record),
      resource,
      request: { method: 'POST', url: record.resourceType, ifNoneExist: `identifier=${identifierToken(record)}` },
    };
  });
  const planEntries = entries.map((entry) => ({
    ...entry,
    resource: mapReferences(entry.resource, toPlaceholder),
    request:
      entry.request.ifNoneExist === undefined
        ? entry.request
        : { ...entry.request, ifNoneExist: byIdentifier(entry.request.ifNoneExist, neededByAddress) },
  }));
  return [...recordEntries, ...planEntries];
}
