import type * as fhir from 'fhir/r4';
import type { PersonRef } from '../../plan/index.ts';
import { displayName } from '../patient-display.ts';

/** The signed-in practitioner as the author of a progress note; `undefined` when the user is not one. */
export function practitionerRef(practitioner: fhir.Practitioner | undefined): PersonRef | undefined {
  if (practitioner === undefined) return undefined;
  const name = displayName(practitioner.name);
  if (name === undefined) return undefined;
  return { name, ...(practitioner.id === undefined ? {} : { reference: `Practitioner/${practitioner.id}` }) };
}
