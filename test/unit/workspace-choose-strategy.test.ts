/**
 * Choosing how to save from the server profile (issue 5 §1–2), and choosing again after the server refuses a write.
 * The strategies are stand-ins: the choice is under test, not the saving.
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { serverProfile, withRefusal, type ServerProfile } from '../../src/fhir/server-profile.ts';
import { chooseStrategy, type StrategyChoice } from '../../src/workspace/strategies/choose-strategy.ts';
import type { StrategyFactories } from '../../src/workspace/strategies/registry.ts';
import { refusalOf } from '../../src/workspace/strategies/runtime-refusal.ts';
import type { StrategyKind, StrategyOutcome, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';

const gateway: FhirGateway = {
  baseUrl: 'https://ehr.example/fhir',
  request: () => Promise.reject(new Error('no requests in this test')),
  read: () => Promise.reject(new Error('no requests in this test')),
  search: () => Promise.reject(new Error('no requests in this test')),
};

function standIn(kind: StrategyKind): WriteStrategy {
  return { kind, explanation: kind, edits: kind === 'note' ? 'note' : 'plan', save: () => Promise.reject(new Error()) };
}

const EVERY_KIND: StrategyFactories = {
  transaction: () => standIn('transaction'),
  sequential: () => standIn('sequential'),
  note: () => standIn('note'),
};

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
const READ: fhir.CapabilityStatementRestResourceInteraction[] = [{ code: 'read' }, { code: 'search-type' }];
const WRITE: fhir.CapabilityStatementRestResourceInteraction[] = [{ code: 'create' }, { code: 'update' }];

function profileOf(options: {
  readonly transaction?: boolean;
  readonly readOnly?: readonly string[];
  readonly publisher?: string;
}): ServerProfile {
  const capabilityStatement: fhir.CapabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    rest: [
      {
        mode: 'server',
        interaction: options.transaction === true ? [{ code: 'transaction' }] : [],
        resource: TYPES.map((type) => ({
          type: type as fhir.CapabilityStatementRestResource['type'],
          interaction: options.readOnly?.includes(type) === true ? READ : [...READ, ...WRITE],
        })),
      },
    ],
  };
  return serverProfile({ smartConfiguration: undefined, capabilityStatement, grantedScope: undefined });
}

function kindOf(choice: StrategyChoice): string {
  return choice.kind === 'chosen' ? choice.strategy.kind : 'read-only';
}

describe('choosing the strategy from the profile', () => {
  test('plan writes and atomic transactions: one transaction', () => {
    const choice = chooseStrategy(profileOf({ transaction: true }), gateway, EVERY_KIND);
    expect(kindOf(choice)).toBe('transaction');
    expect(choice.kind === 'chosen' ? choice.because : []).toEqual([
      'This server lets the app create and update the plan and its goals.',
      'The server takes transactions (from its CapabilityStatement).',
    ]);
  });

  test('plan writes without transactions: ordered steps', () => {
    const choice = chooseStrategy(profileOf({ transaction: false }), gateway, EVERY_KIND);
    expect(kindOf(choice)).toBe('sequential');
    expect(choice.kind === 'chosen' ? choice.because : []).toContain(
      'The server takes no transactions (from its CapabilityStatement).'
    );
  });

  test('a Medplum server, whose transactions may run as batches, gets ordered steps', () => {
    expect(kindOf(chooseStrategy(profileOf({ transaction: true, publisher: 'Medplum' }), gateway, EVERY_KIND))).toBe(
      'sequential'
    );
  });

  test('no plan writes but notes can be filed: a clinical note, because care plans cannot be written', () => {
    const choice = chooseStrategy(profileOf({ readOnly: ['CarePlan', 'Goal'] }), gateway, EVERY_KIND);
    expect(kindOf(choice)).toBe('note');
    expect(choice.kind === 'chosen' ? choice.because : []).toEqual([
      'This server does not let apps write care plans.',
      'CarePlan create: no, the server does not support create for CarePlan (from its CapabilityStatement).',
      'CarePlan update: no, the server does not support update for CarePlan (from its CapabilityStatement).',
      'Goal create: no, the server does not support create for Goal (from its CapabilityStatement).',
      'Goal update: no, the server does not support update for Goal (from its CapabilityStatement).',
    ]);
  });

  test('Epic and Oracle Health get the note strategy from their known rules alone', () => {
    for (const publisher of ['Epic', 'Oracle Health']) {
      expect(kindOf(chooseStrategy(profileOf({ transaction: true, publisher }), gateway, EVERY_KIND))).toBe('note');
    }
  });

  test('neither plans nor notes can be written: read-only, with every reason', () => {
    const choice = chooseStrategy(profileOf({ readOnly: TYPES }), gateway, EVERY_KIND);
    expect(choice.kind).toBe('read-only');
    expect(choice.kind === 'read-only' ? choice.reasons.at(-1) : '').toBe(
      'DocumentReference create: no, the server does not support create for DocumentReference (from its CapabilityStatement).'
    );
  });

  test('a strategy this build does not have is never offered: read-only, saying what the server needs', () => {
    const choice = chooseStrategy(profileOf({ transaction: false }), gateway, { transaction: EVERY_KIND.transaction });
    expect(choice.kind).toBe('read-only');
    expect(choice.kind === 'read-only' ? choice.reasons[0] : '').toBe(
      'This server needs the plan saved in ordered steps, which this version of the app cannot do yet.'
    );
  });

  test('a plan server that will not take one kind of record: the plan saves, the sections of that record are locked', () => {
    const choice = chooseStrategy(profileOf({ transaction: true, readOnly: ['Consent'] }), gateway, EVERY_KIND);
    expect(kindOf(choice)).toBe('transaction');
    expect(choice.kind === 'chosen' ? [...(choice.lockedSections ?? new Map<string, string>())] : []).toEqual([
      [
        'contract',
        'Consent create: no, the server does not support create for Consent (from its CapabilityStatement); ' +
          'Consent update: no, the server does not support update for Consent (from its CapabilityStatement).',
      ],
    ]);
    const everything = chooseStrategy(profileOf({ transaction: true }), gateway, EVERY_KIND);
    expect(everything.kind === 'chosen' ? everything.lockedSections : 'read-only').toBeUndefined();
  });

  test('the note strategy locks no sections of its own: the whole plan is read-only there anyway', () => {
    const choice = chooseStrategy(profileOf({ readOnly: ['CarePlan', 'Goal', 'Observation'] }), gateway, EVERY_KIND);
    expect(kindOf(choice)).toBe('note');
    expect(choice.kind === 'chosen' ? choice.lockedSections : 'read-only').toBeUndefined();
  });

  test('the app as built chooses its own transactional strategy on a transactional server', () => {
    const choice = chooseStrategy(profileOf({ transaction: true }), gateway);
    expect(choice.kind === 'chosen' ? choice.strategy.kind : undefined).toBe('transaction');
    expect(choice.kind === 'chosen' ? choice.strategy.edits : undefined).toBe('plan');
  });
});

function rejected(status: number, request: fhir.Bundle, entryIndex?: number): StrategyOutcome {
  return {
    kind: 'sent',
    requests: 1,
    request,
    result: {
      kind: 'rejected',
      status,
      outcome: undefined,
      written: 'nothing',
      issues: [{ message: 'Forbidden', severity: 'error', ...(entryIndex === undefined ? {} : { entryIndex }) }],
      // As the savers set it (write-refusal.ts): a 403 or 405 is a refusal of the write itself.
      ...(status === 405
        ? { refusal: 'not-supported' as const }
        : status === 403
          ? { refusal: 'forbidden' as const }
          : {}),
    },
  };
}

const TRANSACTION: fhir.Bundle<fhir.FhirResource> = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      resource: { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: {} },
      request: { method: 'POST', url: 'CarePlan' },
    },
    {
      resource: { resourceType: 'Goal', lifecycleStatus: 'active', description: {}, subject: {} },
      request: { method: 'PUT', url: 'Goal/1' },
    },
  ],
};

describe('choosing again after the server refuses a write', () => {
  test('a 405 to the transaction Bundle switches a transactional server to ordered steps', () => {
    const before = profileOf({ transaction: true });
    const refusal = refusalOf(rejected(405, TRANSACTION), 'transaction');
    expect(refusal).toEqual({ status: 405, interaction: 'transaction' });
    if (refusal === undefined) return;
    const choice = chooseStrategy(withRefusal(before, refusal), gateway, EVERY_KIND);
    expect(kindOf(choice)).toBe('sequential');
    expect(choice.kind === 'chosen' ? choice.because : []).toContain(
      'The server refused a transaction with 405 when saving (refused while saving).'
    );
  });

  test('a 403 naming the Goal update switches to the clinical note and says why', () => {
    const refusal = refusalOf(rejected(403, TRANSACTION, 1), 'transaction');
    expect(refusal).toEqual({ status: 403, resourceType: 'Goal', interaction: 'update' });
    if (refusal === undefined) return;
    const choice = chooseStrategy(withRefusal(profileOf({ transaction: true }), refusal), gateway, EVERY_KIND);
    expect(kindOf(choice)).toBe('note');
    expect(choice.kind === 'chosen' ? choice.because : []).toContain(
      'Goal update: no, the server refused an update of Goal with 403 when saving (refused while saving).'
    );
  });

  test('requests sent one by one name the refused one; a refusal that names none teaches nothing', () => {
    expect(refusalOf(rejected(405, TRANSACTION, 0), 'sequential')).toEqual({
      status: 405,
      resourceType: 'CarePlan',
      interaction: 'create',
    });
    expect(refusalOf(rejected(403, TRANSACTION), 'note')).toBeUndefined();
  });

  test('other failures teach nothing', () => {
    expect(refusalOf(rejected(422, TRANSACTION), 'transaction')).toBeUndefined();
    // A 403 whose result carries no refusal (a companion store's, companion.ts) is not the EHR's to learn from.
    const companions = rejected(403, TRANSACTION, 1);
    if (companions.kind === 'sent' && companions.result.kind === 'rejected') {
      const notTheEhrs = { ...companions.result };
      delete notTheEhrs.refusal;
      expect(refusalOf({ ...companions, result: notTheEhrs }, 'transaction')).toBeUndefined();
    }
    expect(refusalOf({ kind: 'nothing-to-save' }, 'transaction')).toBeUndefined();
  });
});
