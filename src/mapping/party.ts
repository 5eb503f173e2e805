/**
 * Who expressed a goal (the model's `Party`) as a Reference: the client by reference, the others by the type
 * of record they would have (`Reference.type`, https://hl7.org/fhir/R4/references.html#Reference) and words.
 * Responsibility roles (client, clinician, family or guardian, other) as our `responsibility-role` codes.
 */
import type * as fhir from 'fhir/r4';
import type { Party } from '../plan/treatment-plan.ts';
import { SYSTEM } from './codes.ts';
import type { ResourceIndex } from './resource-index.ts';

export function partyToReference(party: Party, clientReference: string): fhir.Reference {
  switch (party) {
    case 'client':
      return { reference: clientReference };
    case 'clinician':
      return { type: 'Practitioner', display: 'Clinician' };
    case 'family':
      return { type: 'RelatedPerson', display: 'Family' };
    case 'other':
      return { display: 'Other' };
  }
}

export function partyFromReference(reference: fhir.Reference, index?: ResourceIndex): Party {
  const resolved = index?.resolve(reference.reference)?.resource.resourceType;
  const type: string = resolved ?? reference.type ?? /^([A-Z][A-Za-z]+)\//.exec(reference.reference ?? '')?.[1] ?? '';
  switch (type) {
    case 'Patient':
      return 'client';
    case 'Practitioner':
    case 'PractitionerRole':
      return 'clinician';
    case 'RelatedPerson':
      return 'family';
    default:
      return 'other';
  }
}

const ROLE_CODES: Record<Party, string> = {
  client: 'client',
  clinician: 'clinician',
  family: 'family-guardian',
  other: 'other',
};

export function partyToRole(party: Party): fhir.CodeableConcept {
  return { coding: [{ system: SYSTEM.responsibilityRole, code: ROLE_CODES[party] }] };
}

export function partyFromRole(role: fhir.CodeableConcept | undefined): Party | undefined {
  const code = role?.coding?.find((c) => c.system === SYSTEM.responsibilityRole)?.code;
  return (Object.keys(ROLE_CODES) as Party[]).find((party) => ROLE_CODES[party] === code);
}
