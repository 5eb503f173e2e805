import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { writeAccess } from '../../src/workspace/write-access.ts';

const TYPES = [
  'CarePlan',
  'Goal',
  'Condition',
  'Consent',
  'ServiceRequest',
  'Observation',
  'DocumentReference',
  'Provenance',
];

function statement(options: {
  readonly transaction: boolean;
  readonly carePlanWrites: boolean;
}): fhir.CapabilityStatement {
  const all: fhir.CapabilityStatementRestResourceInteraction[] = [
    { code: 'read' },
    { code: 'search-type' },
    { code: 'create' },
    { code: 'update' },
  ];
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
        interaction: options.transaction ? [{ code: 'transaction' }, { code: 'batch' }] : [{ code: 'batch' }],
        resource: TYPES.map((type) => ({
          type: type as fhir.CapabilityStatementRestResource['type'],
          interaction: type === 'CarePlan' && !options.carePlanWrites ? all.slice(0, 2) : all,
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
const ALL_SCOPES = TYPES.map((type) => `patient/${type}.crus`).join(' ');

describe('whether the workspace may save here', () => {
  test('a server with transactions and granted write scopes is writable', () => {
    const access = writeAccess({
      smartConfiguration: SMART,
      capabilityStatement: statement({ transaction: true, carePlanWrites: true }),
      grantedScope: ALL_SCOPES,
    });
    expect(access).toEqual({ kind: 'writable' });
  });

  test('a server that cannot write care plans makes it read-only and says why', () => {
    const access = writeAccess({
      smartConfiguration: SMART,
      capabilityStatement: statement({ transaction: true, carePlanWrites: false }),
      grantedScope: ALL_SCOPES,
    });
    expect(access.kind === 'read-only' ? access.reasons : []).toEqual([
      'Creating CarePlan is not possible: the server does not support create for CarePlan.',
      'Updating CarePlan is not possible: the server does not support update for CarePlan.',
    ]);
  });

  test('scopes without write permission, or a server without transactions, make it read-only', () => {
    const access = writeAccess({
      smartConfiguration: SMART,
      capabilityStatement: statement({ transaction: false, carePlanWrites: true }),
      grantedScope: TYPES.map((type) => `patient/${type}.rs`).join(' '),
    });
    const reasons = access.kind === 'read-only' ? access.reasons : [];
    expect(reasons).toContain(
      'Creating Goal is not possible: the create permission was not granted (needs patient/Goal.c).'
    );
    expect(reasons).toContain(
      'The server does not accept transactions, which this app needs to save a plan in one step.'
    );
  });
});
