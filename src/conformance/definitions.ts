/**
 * The definitions a conformance check needs: StructureDefinitions with snapshots (base R4 and our
 * profiles) indexed into `@medplum/core`, and the ValueSets and CodeSystems behind required bindings.
 * Pure: callers bring the sources (tools/profiles/definitions.ts reads them in Node; browser-definitions.ts takes the
 * validation pack built from the same files).
 */
import { indexStructureDefinitionBundle, tryGetProfile } from '@medplum/core';
import type { InternalTypeSchema } from '@medplum/core';
import type { StructureDefinition as MedplumStructureDefinition } from '@medplum/fhirtypes';
import type * as fhir from 'fhir/r4';
import { createTerminology } from './terminology.ts';
import type { Terminology } from './terminology.ts';

export interface ConformanceDefinitions {
  /** Profiles by canonical URL (without version). */
  readonly profiles: ReadonlyMap<string, Profile>;
  readonly terminology: Terminology;
}

export interface Profile {
  readonly url: string;
  /** The StructureDefinition in `@medplum/core`'s vocabulary, as its validator takes it. */
  readonly definition: MedplumStructureDefinition;
  /** The same, parsed by `@medplum/core` (what its crawler walks). */
  readonly schema: InternalTypeSchema;
}

export interface DefinitionSources {
  /** StructureDefinitions with snapshots: base R4 types and resources first, then profiles. */
  structureDefinitions: readonly fhir.StructureDefinition[];
  /** ValueSets and CodeSystems (R4's, then ours). */
  terminology: readonly (fhir.ValueSet | fhir.CodeSystem)[];
}

/**
 * Indexes the StructureDefinitions into `@medplum/core` (which keeps them in module state: the last
 * definition loaded for a URL wins) and returns what `checkConformance` needs.
 */
export function loadConformanceDefinitions(sources: DefinitionSources): ConformanceDefinitions {
  // The one boundary between the two FHIR vocabularies (STYLE.md): both describe the same JSON.
  const definitions = sources.structureDefinitions as unknown as MedplumStructureDefinition[];
  indexStructureDefinitionBundle(definitions);
  const profiles = new Map<string, Profile>();
  for (const definition of definitions) {
    if (definition.derivation !== 'constraint' || !definition.url) continue;
    const schema = tryGetProfile(definition.url);
    if (schema) profiles.set(definition.url, { url: definition.url, definition, schema });
  }
  return { profiles, terminology: createTerminology(sources.terminology) };
}
