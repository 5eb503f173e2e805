/**
 * The example plans of fhir-profiles/examples as a server holds them after the seeding transaction: every resource
 * has an id (the uuid of its fullUrl) and a version, and `urn:uuid:` references point at `Type/id`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as fhir from 'fhir/r4';

export type ExampleClient = 'george-smith' | 'john-doe' | 'michael-jones' | 'robert-johnson';

export function exampleRecords(client: ExampleClient): fhir.FhirResource[] {
  // By path from this folder: under jsdom `import.meta.url` is not a file URL.
  const file = resolve(import.meta.dirname, '../../fhir-profiles/examples', `${client}.transaction.json`);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as fhir.Bundle;
  const addresses = new Map<string, string>();
  for (const entry of bundle.entry ?? []) {
    const type = entry.resource?.resourceType ?? '';
    addresses.set(entry.fullUrl ?? '', `${type}/${(entry.fullUrl ?? '').replace('urn:uuid:', '')}`);
  }
  const text = JSON.stringify((bundle.entry ?? []).map((entry) => entry.resource)).replace(
    /"urn:uuid:[0-9a-f-]+"/g,
    (quoted) => JSON.stringify(addresses.get(quoted.slice(1, -1)) ?? quoted.slice(1, -1))
  );
  const resources = JSON.parse(text) as fhir.FhirResource[];
  return resources.map((resource, index) => {
    const fullUrl = bundle.entry?.[index]?.fullUrl ?? '';
    const id = fullUrl.replace('urn:uuid:', '');
    return { ...resource, id, meta: { ...resource.meta, versionId: '1' } };
  });
}
