/**
 * The EHR records a plan refers to but the app never writes (the client's Patient, the clinician's
 * Practitioner and PractitionerRole), as the server holds them, and the model's view of them. Mapping tests
 * put these in `loaded`, as loadPlan would.
 */
import type * as fhir from 'fhir/r4';
import { SYSTEM } from '../../src/mapping/codes.ts';
import type { ClientIdentification, Code, Provider } from '../../src/plan/treatment-plan.ts';

export const PATIENT: fhir.Patient = {
  resourceType: 'Patient',
  id: 'client-jordan',
  meta: { versionId: '3', lastUpdated: '2026-01-02T09:00:00Z' },
  identifier: [{ type: { text: 'MRN' }, system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-004217' }],
  name: [{ text: 'Jordan Avery' }],
  gender: 'female',
  birthDate: '1990-04-12',
};

export const CLIENT: ClientIdentification = {
  reference: 'Patient/client-jordan',
  name: 'Jordan Avery',
  birthDate: '1990-04-12',
  gender: 'female',
  identifiers: [{ label: 'MRN', system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-004217' }],
};

export const PRACTITIONER: fhir.Practitioner = {
  resourceType: 'Practitioner',
  id: 'clinician-dana',
  meta: { versionId: '1', lastUpdated: '2025-06-01T09:00:00Z' },
  name: [{ text: 'Dana Rivera' }],
  qualification: [{ code: { coding: [{ system: SYSTEM.credential, code: 'LCSW' }], text: 'LCSW' } }],
};

const SOCIAL_WORKER: Code = { system: SYSTEM.nucc, code: '1041C0700X' };

export const PRACTITIONER_ROLE: fhir.PractitionerRole = {
  resourceType: 'PractitionerRole',
  id: 'clinician-dana-role',
  meta: { versionId: '1', lastUpdated: '2025-06-01T09:00:00Z' },
  practitioner: { reference: 'Practitioner/clinician-dana' },
  specialty: [{ coding: [{ ...SOCIAL_WORKER }] }],
};

export const PROVIDER: Provider = {
  reference: 'Practitioner/clinician-dana',
  name: 'Dana Rivera',
  credentials: ['LCSW'],
  specialty: SOCIAL_WORKER,
};

/** What loadPlan finds for a client without a plan yet. */
export const EHR_RECORDS: readonly fhir.FhirResource[] = [PATIENT, PRACTITIONER, PRACTITIONER_ROLE];
