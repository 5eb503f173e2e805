/**
 * Code systems and codes the seed uses, spelled once. All identifiers use HL7's example OID arc
 * (2.16.840.1.113883.19), so no seed value can be mistaken for a real record number.
 */
import type * as fhir from 'fhir/r4';

export const SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  nucc: 'http://nucc.org/provider-taxonomy',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  cpt: 'http://www.ama-assn.org/go/cpt',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  /** The app's own credential codes (fhir-profiles: CodeSystem `credential`), read as the clinician's credentials. */
  credential: 'https://treatment-plan.example.org/fhir/CodeSystem/credential',
  mrn: 'urn:oid:2.16.840.1.113883.19.5.99999.1',
  memberNumber: 'urn:oid:2.16.840.1.113883.19.5.99999.2',
  license: 'urn:oid:2.16.840.1.113883.19.5.99999.3',
  /**
   * The clinic's own numbers for its staff, roles, sites, itself and clients' contacts: the example plans create
   * these records conditionally on them, so loading an example into the sandbox finds the seeded ones.
   */
  staffNumber: 'urn:oid:2.16.840.1.113883.19.5.99999.4',
  roleNumber: 'urn:oid:2.16.840.1.113883.19.5.99999.5',
  siteNumber: 'urn:oid:2.16.840.1.113883.19.5.99999.6',
  organizationNumber: 'urn:oid:2.16.840.1.113883.19.5.99999.7',
  contactNumber: 'urn:oid:2.16.840.1.113883.19.5.99999.8',
} as const;

export function coding(system: string, code: string, display: string): fhir.Coding {
  return { system, code, display };
}

export function concept(text: string, ...codings: fhir.Coding[]): fhir.CodeableConcept {
  return { coding: codings, text };
}
