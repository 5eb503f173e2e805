/**
 * The server profile from hand-written CapabilityStatements: what each known vendor says about itself is enough to
 * recognise it, its known rules narrow what the statement lists, granted scopes narrow it again, and a refusal
 * while saving narrows it for the rest of the session. (The sandbox's own statements, in each behaviour, are in
 * test/integration/strategy-choice.test.ts.)
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { accessWords, serverProfile, withRefusal } from '../../src/fhir/server-profile.ts';
import { matchingVendorRule } from '../../src/fhir/vendor-rules.ts';

const TYPES = ['CarePlan', 'Goal', 'Condition', 'Consent', 'ServiceRequest', 'Observation', 'DocumentReference'];
const ALL: fhir.CapabilityStatementRestResourceInteraction[] = [
  { code: 'read' },
  { code: 'search-type' },
  { code: 'create' },
  { code: 'update' },
];

interface StatementShape {
  readonly identity?: Partial<Pick<fhir.CapabilityStatement, 'publisher' | 'software' | 'implementation' | 'name'>>;
  readonly system?: fhir.CapabilityStatementRestInteraction[];
  readonly writable?: boolean;
}

function statement({ identity = {}, system = [], writable = true }: StatementShape): fhir.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    ...identity,
    rest: [
      {
        mode: 'server',
        interaction: system,
        resource: TYPES.map((type) => ({
          type: type as fhir.CapabilityStatementRestResource['type'],
          interaction: writable ? ALL : ALL.slice(0, 2),
          conditionalCreate: true,
          searchInclude: [`${type}:patient`],
          searchRevInclude: ['Provenance:target', `AuditEvent:entity`],
        })),
      },
    ],
  };
}

const SMART = {
  authorization_endpoint: 'https://ehr.example/authorize',
  token_endpoint: 'https://ehr.example/token',
  capabilities: ['launch-ehr', 'permission-v2'],
  code_challenge_methods_supported: ['S256'],
};
const ALL_SCOPES = [...TYPES, 'Provenance'].map((type) => `patient/${type}.crus`).join(' ');

function profileOf(shape: StatementShape, grantedScope = ALL_SCOPES) {
  return serverProfile({ smartConfiguration: SMART, capabilityStatement: statement(shape), grantedScope });
}

describe('recognising a vendor by what its statement says about the server', () => {
  test.each([
    [{ publisher: 'Epic Systems Corporation', software: { name: 'Epic', version: 'November 2025' } }, 'Epic'],
    [{ publisher: 'Oracle Health', software: { name: 'Millennium' } }, 'Oracle Health'],
    [{ publisher: 'Cerner Corporation' }, 'Oracle Health'],
    [{ software: { name: 'Medplum', version: '5.2.13' }, publisher: 'Medplum' }, 'Medplum'],
    [{ software: { name: 'HAPI FHIR Server', version: '8.0.0' } }, 'HAPI FHIR'],
  ])('%o is %s', (identity, vendor) => {
    expect(matchingVendorRule(statement({ identity }))?.name).toBe(vendor);
  });

  test('a server that only mentions a vendor elsewhere in its name is not taken for it', () => {
    const identity = { software: { name: 'Treatment plan sandbox EHR (Medplum FHIR engine, in memory)' } };
    expect(matchingVendorRule(statement({ identity }))).toBeUndefined();
    expect(matchingVendorRule(undefined)).toBeUndefined();
  });
});

describe('what the profile says about writes', () => {
  test('a statement that lists writes and transactions, with the scopes granted, allows a structured atomic save', () => {
    const profile = profileOf({ system: [{ code: 'transaction' }, { code: 'batch' }] });
    expect(profile.vendor).toBeUndefined();
    expect(profile.access.CarePlan.create.allowed).toBe('yes');
    expect(profile.transactions.run).toBe('atomic');
    expect(profile.conflictStatuses).toEqual([409, 412]);
  });

  test('Epic lets no app write plan resources even when its statement were to list them, and the reason says so', () => {
    const profile = profileOf({ identity: { publisher: 'Epic' }, system: [{ code: 'transaction' }] });
    expect(profile.access.CarePlan.create).toEqual({
      allowed: 'no',
      reasons: [{ source: 'vendor rule', text: 'Epic lets no app create CarePlan through its public API' }],
    });
    expect(profile.access.Condition.create.allowed).toBe('yes');
    expect(profile.transaction).toBe('no');
    expect(profile.transactions.run).toBe('none');
    expect(profile.types?.['Goal']?.conditionalCreate).toBe(false);
    expect(profile.types?.['Goal']?.searchInclude).toEqual([]);
    expect(profile.types?.['Goal']?.searchRevInclude).toEqual(['Provenance:target']);
    expect(profile.requiredSearchParams['CarePlan']?.length).toBe(3);
  });

  test('Oracle Health: a 201 has no body and a stale version gets 409', () => {
    const profile = profileOf({ identity: { publisher: 'Oracle Health' } });
    expect(profile.createReturnsBody).toBe(false);
    expect(profile.conflictStatuses).toEqual([409]);
    expect(profile.requiredSearchParams).toEqual({ CarePlan: [{ category: 'assess-plan' }] });
  });

  test('Medplum transactions are not taken as atomic unless its statement says they are', () => {
    const silent = profileOf({ identity: { publisher: 'Medplum' }, system: [{ code: 'transaction' }] });
    expect(silent.transactions.run).toBe('as-batch');
    expect(silent.conflictStatuses).toEqual([412]);
    const atomic = profileOf({
      identity: { publisher: 'Medplum' },
      system: [{ code: 'transaction', documentation: 'Transactions are atomic (enabled for this project).' }],
    });
    expect(atomic.transactions).toEqual({
      run: 'atomic',
      reason: { source: 'CapabilityStatement', text: 'transactions are atomic' },
    });
  });

  test('a grant trimmed to reading makes writes impossible, from the granted permissions', () => {
    const profile = profileOf({ system: [{ code: 'transaction' }] }, 'launch patient/CarePlan.rs patient/Goal.rs');
    expect(accessWords('Goal', 'create', profile.access.Goal.create)).toBe(
      'Goal create: no, the create permission was not granted (needs patient/Goal.c) (from the permissions granted at sign-in)'
    );
  });

  test('without a statement nothing is known: writes are assumed and transactions unknown', () => {
    const profile = serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: undefined,
      grantedScope: undefined,
    });
    expect(profile.access.CarePlan.update.allowed).toBe('yes');
    expect(profile.transactions.run).toBe('unknown');
  });
});

describe('refusals while saving', () => {
  test('a 403 to a Goal create makes Goal create impossible for the session, and says when it was learnt', () => {
    const profile = withRefusal(profileOf({ system: [{ code: 'transaction' }] }), {
      status: 403,
      resourceType: 'Goal',
      interaction: 'create',
    });
    expect(profile.access.Goal.create).toEqual({
      allowed: 'no',
      reasons: [{ source: 'this session', text: 'the server refused a create of Goal with 403 when saving' }],
    });
    expect(profile.access.Goal.update.allowed).toBe('yes');
    expect(profile.refusals).toHaveLength(1);
  });

  test('a 405 to a transaction Bundle means no transactions from now on', () => {
    const profile = withRefusal(profileOf({ system: [{ code: 'transaction' }] }), {
      status: 405,
      interaction: 'transaction',
    });
    expect(profile.transaction).toBe('no');
    expect(profile.transactions.run).toBe('none');
    expect(profile.transactions.reason.source).toBe('this session');
  });

  test('a refusal of a type the profile does not track is remembered without changing any access', () => {
    const before = profileOf({});
    const after = withRefusal(before, { status: 403, resourceType: 'Encounter', interaction: 'update' });
    expect(after.access).toEqual(before.access);
    expect(after.refusals).toEqual([{ status: 403, resourceType: 'Encounter', interaction: 'update' }]);
  });
});
