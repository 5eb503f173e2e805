/** Reading a reference to a plan (CarePlan.replaces, a goal's carried-from): our identifier first. */
import type * as fhir from 'fhir/r4';
import { RECORD_ID_SYSTEM } from './codes.ts';
import { idOf } from './read-context.ts';
import type { ResourceIndex } from './resource-index.ts';

export function idOfPlanReference(reference: fhir.Reference | undefined, index: ResourceIndex): string | undefined {
  if (!reference) return undefined;
  if (reference.identifier?.system === RECORD_ID_SYSTEM && reference.identifier.value !== undefined) {
    return reference.identifier.value;
  }
  const found = index.resolve(reference.reference);
  return found ? idOf(found) : reference.reference;
}
