import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { explainCell, planCapabilities, type ResourceCapability } from '../../src/smart/capabilities.ts';
import type { SmartConfiguration } from '../../src/smart/smart-configuration.ts';

const V2_SERVER: SmartConfiguration = {
  authorization_endpoint: 'https://ehr.example/auth',
  token_endpoint: 'https://ehr.example/token',
  capabilities: ['launch-ehr', 'permission-v2', 'permission-v1'],
  code_challenge_methods_supported: ['S256'],
};
const V1_SERVER: SmartConfiguration = { ...V2_SERVER, capabilities: ['launch-ehr', 'permission-v1'] };

const ALL = ['read', 'vread', 'search-type', 'create', 'update'] as const;

function statement(resources: Record<string, readonly string[]>): fhir.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        resource: Object.entries(resources).map(([type, codes]) => ({
          type: type as fhir.CapabilityStatementRestResource['type'],
          interaction: codes.map((code) => ({ code: code as fhir.CapabilityStatementRestResourceInteraction['code'] })),
        })),
      },
    ],
  };
}

const EVERYTHING = statement(
  Object.fromEntries(
    [
      'CarePlan',
      'Goal',
      'Condition',
      'Consent',
      'ServiceRequest',
      'Observation',
      'DocumentReference',
      'Provenance',
    ].map((type) => [type, ALL])
  )
);

function row(rows: ResourceCapability[], type: string): ResourceCapability {
  const found = rows.find((r) => r.resourceType === type);
  if (!found) {
    throw new Error(`no row for ${type}`);
  }
  return found;
}

describe('planCapabilities', () => {
  test('lists the eight plan resources with read, create and update', () => {
    const rows = planCapabilities({ smartConfiguration: V2_SERVER, capabilityStatement: EVERYTHING, grantedScope: '' });
    expect(rows.map((r) => r.resourceType)).toEqual([
      'CarePlan',
      'Goal',
      'Condition',
      'Consent',
      'ServiceRequest',
      'Observation',
      'DocumentReference',
      'Provenance',
    ]);
  });

  test('v2 scopes grant exactly their letters: cruds allows everything, rs allows only reading', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope: 'launch openid fhirUser patient/CarePlan.crus patient/Goal.rs',
    });
    const carePlan = row(rows, 'CarePlan');
    expect([carePlan.read.allowed, carePlan.create.allowed, carePlan.update.allowed]).toEqual(['yes', 'yes', 'yes']);
    const goal = row(rows, 'Goal');
    expect(goal.read.allowed).toBe('yes');
    expect(goal.create).toEqual({
      allowed: 'no',
      reasons: [{ kind: 'scope-not-granted', needed: ['patient/Goal.c'] }],
    });
    expect(goal.update).toEqual({
      allowed: 'no',
      reasons: [{ kind: 'scope-not-granted', needed: ['patient/Goal.u'] }],
    });
  });

  test('v1 scopes: read allows reading, write allows create and update, and missing ones are named in v1 syntax', () => {
    const rows = planCapabilities({
      smartConfiguration: V1_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope: 'launch patient/Condition.read patient/Condition.write patient/Goal.read user/Provenance.*',
    });
    const condition = row(rows, 'Condition');
    expect([condition.read.allowed, condition.create.allowed, condition.update.allowed]).toEqual(['yes', 'yes', 'yes']);
    expect(row(rows, 'Goal').create).toEqual({
      allowed: 'no',
      reasons: [{ kind: 'scope-not-granted', needed: ['patient/Goal.write'] }],
    });
    expect(row(rows, 'CarePlan').read).toEqual({
      allowed: 'no',
      reasons: [{ kind: 'scope-not-granted', needed: ['patient/CarePlan.read'] }],
    });
    // A user-level grant covers the launch patient's records too.
    expect(row(rows, 'Provenance').create.allowed).toBe('yes');
  });

  test('a grant narrower than the request is what counts: trimmed writes show as not granted', () => {
    // Requested patient/CarePlan.crus; the server granted read and search only (as Oracle Health trims silently).
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope: 'launch patient/CarePlan.rs',
    });
    const carePlan = row(rows, 'CarePlan');
    expect(carePlan.read.allowed).toBe('yes');
    expect(carePlan.create.allowed).toBe('no');
    expect(carePlan.update.allowed).toBe('no');
  });

  test('reading needs both search and read: a scope with only r is missing s', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope: 'patient/Consent.r',
    });
    expect(row(rows, 'Consent').read).toEqual({
      allowed: 'no',
      reasons: [{ kind: 'scope-not-granted', needed: ['patient/Consent.s'] }],
    });
  });

  test('a server without update for a type says no, even with the scope granted, and says why', () => {
    const epicLike = statement({
      CarePlan: ['read', 'search-type'],
      Condition: ['read', 'search-type', 'create'],
      DocumentReference: ['read', 'search-type', 'create'],
    });
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: epicLike,
      grantedScope: 'patient/CarePlan.crus patient/Condition.crus patient/Goal.crus',
    });
    expect(row(rows, 'CarePlan').update).toEqual({
      allowed: 'no',
      reasons: [{ kind: 'server-lacks-interaction', interactions: ['update'] }],
    });
    expect(row(rows, 'Condition').create.allowed).toBe('yes');
    expect(row(rows, 'Condition').update.reasons).toEqual([
      { kind: 'server-lacks-interaction', interactions: ['update'] },
    ]);
    expect(row(rows, 'Goal').read).toEqual({ allowed: 'no', reasons: [{ kind: 'server-lacks-resource' }] });
  });

  test('both reasons are given when the server lacks the interaction and the scope is missing', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: statement({ Consent: ['read', 'search-type'] }),
      grantedScope: 'patient/Consent.rs',
    });
    expect(row(rows, 'Consent').create.reasons).toEqual([
      { kind: 'server-lacks-interaction', interactions: ['create'] },
      { kind: 'scope-not-granted', needed: ['patient/Consent.c'] },
    ]);
  });

  test('a constrained scope allows the interaction only partly and names the constraint', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope:
        'patient/Observation.rs patient/Observation.cu?category=http://terminology.hl7.org/CodeSystem/observation-category|survey',
    });
    const observation = row(rows, 'Observation');
    expect(observation.read.allowed).toBe('yes');
    expect(observation.create).toEqual({
      allowed: 'partly',
      reasons: [
        {
          kind: 'scope-constrained',
          constraints: ['category=http://terminology.hl7.org/CodeSystem/observation-category|survey'],
        },
      ],
    });
    expect(explainCell('Observation', 'create', observation.create)).toBe(
      'Partly: only for records matching ?category=http://terminology.hl7.org/CodeSystem/observation-category|survey.'
    );
  });

  test('an unconstrained grant wins over a constrained one for the same permission', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope: 'patient/Observation.crus?category=survey patient/Observation.c',
    });
    expect(row(rows, 'Observation').create).toEqual({ allowed: 'yes', reasons: [] });
    expect(row(rows, 'Observation').update.allowed).toBe('partly');
  });

  test('an open server needs no scopes: everything the server supports is allowed', () => {
    const rows = planCapabilities({
      smartConfiguration: undefined,
      capabilityStatement: statement({ CarePlan: ALL, Goal: ['read', 'search-type'] }),
      grantedScope: undefined,
    });
    expect(row(rows, 'CarePlan').create).toEqual({ allowed: 'yes', reasons: [{ kind: 'open-server' }] });
    expect(row(rows, 'Goal').update).toEqual({
      allowed: 'no',
      reasons: [{ kind: 'server-lacks-interaction', interactions: ['update'] }],
    });
    expect(explainCell('CarePlan', 'create', row(rows, 'CarePlan').create)).toBe('Yes: open server, no scopes needed.');
  });

  test('without a CapabilityStatement server support is assumed, and the cell says so', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: undefined,
      grantedScope: 'patient/Goal.crus',
    });
    expect(row(rows, 'Goal').update).toEqual({ allowed: 'yes', reasons: [{ kind: 'server-support-unknown' }] });
  });

  test('a SMART server that reported no granted scope allows nothing', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope: undefined,
    });
    expect(row(rows, 'CarePlan').read).toEqual({ allowed: 'no', reasons: [{ kind: 'scope-not-reported' }] });
  });

  test('a wildcard grant from the server counts for every type', () => {
    const rows = planCapabilities({
      smartConfiguration: V1_SERVER,
      capabilityStatement: EVERYTHING,
      grantedScope: 'patient/*.*',
    });
    expect(
      rows.every((r) => r.read.allowed === 'yes' && r.create.allowed === 'yes' && r.update.allowed === 'yes')
    ).toBe(true);
  });

  test('the explanation of a refused cell names the interaction, the type and the missing scope', () => {
    const rows = planCapabilities({
      smartConfiguration: V2_SERVER,
      capabilityStatement: statement({ CarePlan: ['read', 'search-type'] }),
      grantedScope: 'patient/CarePlan.rs',
    });
    expect(explainCell('CarePlan', 'update', row(rows, 'CarePlan').update)).toBe(
      'No: the server does not support update for CarePlan; the update permission was not granted (needs patient/CarePlan.u).'
    );
  });
});
