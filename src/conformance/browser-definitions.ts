/**
 * The app's conformance definitions: the validation pack (src/conformance/validation-pack.ts), built from the same
 * R4 and profiles as the command-line tool's and brought in as a lazily loaded chunk, so only a clinician who
 * checks an import downloads it.
 */
import pack from 'virtual:treatment-plan/validation-pack';
import { loadConformanceDefinitions } from './definitions.ts';
import type { ConformanceDefinitions, DefinitionSources } from './definitions.ts';

/** Indexes the pack (into `@medplum/core`'s module state, as every load of definitions does). */
export function browserConformanceDefinitions(): ConformanceDefinitions {
  // Built by validationPack (src/conformance/validation-pack.ts), which returns DefinitionSources.
  return loadConformanceDefinitions(pack as DefinitionSources);
}
