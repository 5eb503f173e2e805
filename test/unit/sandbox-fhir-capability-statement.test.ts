import { describe, expect, it } from 'vitest';
import { capabilityStatement } from '../../src/sandbox/fhir/capability-statement.ts';
import { toMedplum } from '../../src/sandbox/fhir/medplum-boundary.ts';
import { validateForWrite } from '../../src/sandbox/fhir/validation.ts';

const statement = capabilityStatement('http://localhost:4010/fhir');
const resources = statement.rest?.[0]?.resource ?? [];

describe('the CapabilityStatement', () => {
  it('is valid R4', () => {
    expect(() => {
      validateForWrite(toMedplum(statement));
    }).not.toThrow();
  });

  it('lists every resource type a treatment plan needs', () => {
    expect(resources.map((r) => r.type)).toEqual(
      expect.arrayContaining([
        'Patient',
        'Practitioner',
        'PractitionerRole',
        'Organization',
        'Location',
        'Encounter',
        'Condition',
        'CarePlan',
        'Goal',
        'ServiceRequest',
        'Observation',
        'Consent',
        'Provenance',
        'DocumentReference',
        'Procedure',
        'QuestionnaireResponse',
        'RelatedPerson',
        'Composition',
      ])
    );
  });

  it('gives each type a parameter fhirclient can use to search in the patient context', () => {
    const patientParams = ['_id', 'patient', 'subject', 'requester', 'member', 'actor', 'beneficiary'];
    for (const resource of resources) {
      const names = resource.searchParam?.map((p) => p.name) ?? [];
      expect(
        names.some((name) => patientParams.includes(name)),
        resource.type
      ).toBe(true);
      expect(resource.searchParam?.every((p) => p.definition?.startsWith('http://hl7.org/fhir/SearchParameter/'))).toBe(
        true
      );
    }
  });

  it('announces the SMART endpoints on the same origin', () => {
    const oauth = statement.rest?.[0]?.security?.extension?.[0];

    expect(statement.rest?.[0]?.security?.service?.[0]?.coding?.[0]?.code).toBe('SMART-on-FHIR');
    expect(oauth?.url).toBe('http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris');
    expect(oauth?.extension?.map((e) => e.valueUri)).toEqual([
      'http://localhost:4010/auth/authorize',
      'http://localhost:4010/auth/token',
    ]);
  });
});
