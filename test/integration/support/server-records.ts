/**
 * What a sandbox holds, read straight from its FHIR service (not through the app's gateway), so a test judges a
 * save from outside the code under test: every record of the plan's types, duplicates by business identifier,
 * references that resolve to nothing, and the records in a form that does not depend on server ids.
 */
import type * as fhir from 'fhir/r4';
import { businessKeyOf } from '../../../src/mapping/identifiers.ts';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';

/** The types a plan save writes, and those its records point at. */
export const STORED_TYPES = [
  'Condition',
  'Goal',
  'Observation',
  'ServiceRequest',
  'Encounter',
  'Location',
  'Consent',
  'Procedure',
  'DocumentReference',
  'CareTeam',
  'CarePlan',
  'Provenance',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'RelatedPerson',
] as const;

/** Every record of STORED_TYPES the sandbox holds. */
export async function serverRecords(
  sandbox: Pick<RunningSandbox, 'fhir' | 'fhirBaseUrl'>
): Promise<fhir.FhirResource[]> {
  const all: fhir.FhirResource[] = [];
  for (const type of STORED_TYPES) {
    const response = await sandbox.fhir.handle(
      { method: 'GET', url: new URL(`${sandbox.fhirBaseUrl}/${type}?_count=1000`), headers: {}, body: Buffer.alloc(0) },
      undefined
    );
    const bundle = JSON.parse(String(response.body)) as fhir.Bundle;
    if (response.status !== 200) throw new Error(`Reading ${type} from the sandbox failed: ${String(response.body)}`);
    all.push(...(bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource as fhir.FhirResource] : [])));
  }
  return all;
}

/** `Goal|objective-sleep` for each business key held by more than one record of a type. */
export function duplicates(records: readonly fhir.FhirResource[]): string[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    const key = businessKeyOf(record);
    if (key !== undefined) {
      const name = `${record.resourceType}|${key}`;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, count]) => count > 1).map(([name]) => name);
}

/** Every `reference` string in `value`, with the path it sits at. */
function referencesIn(value: unknown, path: string): { path: string; reference: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => referencesIn(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'reference' && typeof item === 'string'
      ? [{ path: `${path}.${key}`, reference: item }]
      : referencesIn(item, `${path}.${key}`)
  );
}

/** "Goal/12 Goal.outcomeReference[0].reference -> Observation/99" for each reference that resolves to nothing. */
export function danglingReferences(records: readonly fhir.FhirResource[]): string[] {
  const held = new Set(records.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  return records.flatMap((record) =>
    referencesIn(record, record.resourceType)
      .filter(({ reference }) => !reference.startsWith('#'))
      .filter(({ reference }) => !held.has(reference.replace(/\/_history\/[^/]+$/, '')))
      .map(({ path, reference }) => `${record.resourceType}/${record.id ?? ''} ${path} -> ${reference}`)
  );
}

/**
 * The records that carry a business identifier, without ids and versions, references spelled by the target's
 * business identifier (or address, for records of others), sorted: equal for two servers that hold the same
 * plan, whatever ids they gave. `meta: false` leaves out what servers add there (Medplum's author, compartments).
 */
export function serverIndependent(
  records: readonly fhir.FhirResource[],
  { meta = true }: { readonly meta?: boolean } = {}
): unknown[] {
  const names = new Map(
    records.map((r) => {
      const key = businessKeyOf(r);
      return [`${r.resourceType}/${r.id ?? ''}`, key === undefined ? undefined : `${r.resourceType}|${key}`];
    })
  );
  const respell = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const [address = '', version] = value.split('/_history/');
      const name = names.get(address);
      return name === undefined ? value : `${name}${version === undefined ? '' : '/_history'}`;
    }
    if (Array.isArray(value)) return value.map(respell);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, respell(item)]));
  };
  return records
    .filter((r) => businessKeyOf(r) !== undefined)
    .map((r) => ({
      ...r,
      id: undefined,
      meta: meta ? { ...r.meta, versionId: undefined, lastUpdated: undefined } : undefined,
    }))
    .map(respell)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
