import { describe, expect, test } from 'vitest';
import { requestedScope, requestedScopes } from '../../src/smart/scope-request.ts';

const V2 = ['launch-ehr', 'launch-standalone', 'permission-v1', 'permission-v2', 'permission-offline'];
const V1 = ['launch-ehr', 'permission-v1'];

describe('requestedScopes', () => {
  test('a server advertising permission-v2 gets v2 resource scopes', () => {
    const scopes = requestedScopes({ launch: 'ehr', capabilities: V2 });
    expect(scopes).toContain('patient/CarePlan.crus');
    expect(scopes).toContain('patient/Patient.rs');
    expect(scopes).toContain('user/Practitioner.rs');
    expect(scopes).toContain('user/PractitionerRole.rs');
    expect(scopes.some((scope) => scope.endsWith('.read') || scope.endsWith('.write'))).toBe(false);
  });

  test('a server without permission-v2 gets v1 read and write scopes', () => {
    const scopes = requestedScopes({ launch: 'ehr', capabilities: V1 });
    expect(scopes).toContain('patient/CarePlan.read');
    expect(scopes).toContain('patient/CarePlan.write');
    expect(scopes).toContain('patient/Encounter.read');
    expect(scopes).toContain('patient/Encounter.write');
    expect(scopes).not.toContain('patient/Patient.write');
    expect(scopes.some((scope) => /\.[cruds]+$/.test(scope))).toBe(false);
  });

  test('an empty capability list (CapabilityStatement-only server) falls back to v1', () => {
    expect(requestedScopes({ launch: 'standalone', capabilities: [] })).toContain('patient/Goal.read');
  });

  test('the exact v2 request: context read, user lookups, plan resources written, each type once', () => {
    expect(requestedScope({ launch: 'ehr', capabilities: ['permission-v2'] })).toBe(
      [
        'launch openid fhirUser',
        'patient/Patient.rs patient/Encounter.crus patient/Condition.crus patient/Observation.crus',
        'patient/RelatedPerson.rs user/Practitioner.rs user/PractitionerRole.rs',
        'patient/CarePlan.crus patient/Goal.crus patient/Consent.crus patient/ServiceRequest.crus',
        'patient/DocumentReference.crus patient/Provenance.crus patient/Procedure.crus patient/CareTeam.crus',
        'user/Location.crs',
      ].join(' ')
    );
  });

  test('an EHR launch asks for launch, a standalone launch for launch/patient', () => {
    const ehr = requestedScopes({ launch: 'ehr', capabilities: V2 });
    const standalone = requestedScopes({ launch: 'standalone', capabilities: V2 });
    expect(ehr).toContain('launch');
    expect(ehr).not.toContain('launch/patient');
    expect(standalone).toContain('launch/patient');
    expect(standalone).not.toContain('launch');
  });

  test('identity scopes are always requested so the app knows the signed-in user', () => {
    const scopes = requestedScopes({ launch: 'ehr', capabilities: V1 });
    expect(scopes).toContain('openid');
    expect(scopes).toContain('fhirUser');
  });

  test('never requests a wildcard scope', () => {
    for (const capabilities of [V1, V2, []]) {
      for (const launch of ['ehr', 'standalone'] as const) {
        expect(requestedScope({ launch, capabilities })).not.toContain('*');
      }
    }
  });

  test('online_access when the server advertises it, else offline_access when advertised, else neither', () => {
    expect(requestedScopes({ launch: 'ehr', capabilities: ['permission-online', 'permission-offline'] })).toContain(
      'online_access'
    );
    const offline = requestedScopes({ launch: 'ehr', capabilities: ['permission-offline'] });
    expect(offline).toContain('offline_access');
    expect(offline).not.toContain('online_access');
    const neither = requestedScopes({ launch: 'ehr', capabilities: ['permission-v2'] });
    expect(neither.filter((scope) => scope.endsWith('_access'))).toEqual([]);
  });

  test('extra scopes from the config are appended once', () => {
    const scopes = requestedScopes({ launch: 'ehr', capabilities: V2, extra: ['launch/encounter', 'openid'] });
    expect(scopes.at(-1)).toBe('launch/encounter');
    expect(scopes.filter((scope) => scope === 'openid')).toHaveLength(1);
  });
});
