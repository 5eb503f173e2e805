/**
 * Choosing the companion-store strategy (issue 5 §2): only where the EHR takes notes but not plans, and only when
 * the configured companion store itself lets the app write plans. The real registry builds the strategies; none
 * of them sends anything here.
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import { chooseStrategy, type StrategyChoice } from '../../src/workspace/strategies/choose-strategy.ts';
import type { CompanionStore } from '../../src/workspace/strategies/companion.ts';

function gatewayAt(baseUrl: string): FhirGateway {
  const refuse = (): Promise<never> => Promise.reject(new Error('no requests in this test'));
  return { baseUrl, request: refuse, read: refuse, search: refuse };
}

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

function profileOf(readOnly: readonly string[], transaction = true): ServerProfile {
  const capabilityStatement: fhir.CapabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        interaction: transaction ? [{ code: 'transaction' }] : [],
        resource: TYPES.map((type) => ({
          type: type as fhir.CapabilityStatementRestResource['type'],
          interaction: readOnly.includes(type) ? READ : [...READ, ...WRITE],
        })),
      },
    ],
  };
  return serverProfile({ smartConfiguration: undefined, capabilityStatement, grantedScope: undefined });
}

const ehr = gatewayAt('https://ehr.example/fhir');
const NOTES_ONLY = profileOf(['CarePlan', 'Goal']);

function store(readOnly: readonly string[] = [], transaction = true): CompanionStore {
  return {
    gateway: gatewayAt('https://plans.practice.example/fhir'),
    profile: profileOf(readOnly, transaction),
    label: 'the practice plan store',
  };
}

function chosen(choice: StrategyChoice): Extract<StrategyChoice, { kind: 'chosen' }> {
  if (choice.kind !== 'chosen') throw new Error(`read-only: ${choice.reasons.join(' ')}`);
  return choice;
}

describe('choosing the companion store', () => {
  test('an EHR that takes notes but not plans, with a companion that takes plans: the plan is kept there, editable', () => {
    const choice = chosen(chooseStrategy(NOTES_ONLY, ehr, undefined, store()));
    expect(choice.strategy.kind).toBe('companion');
    expect(choice.strategy.edits).toBe('plan');
    expect(choice.strategy.explanation).toMatch(/kept in the practice plan store, linked to this client/);
    expect(choice.because.at(-1)).toBe(
      'The practice plan store (https://plans.practice.example/fhir) is configured for this server and lets the ' +
        'app create and update plans; the plan is saved there in one transaction.'
    );
    expect(choice.lockedSections).toBeUndefined();
  });

  test("the companion's own limits lock sections, not the EHR's", () => {
    const choice = chosen(chooseStrategy(NOTES_ONLY, ehr, undefined, store(['Consent'], false)));
    expect(choice.strategy.kind).toBe('companion');
    expect([...(choice.lockedSections?.keys() ?? [])]).toEqual(['contract']);
    expect(choice.because.at(-1)).toMatch(/saved there in ordered steps\.$/);
  });

  test('a companion that does not take plans: a clinical note, and the reason says why the companion was passed over', () => {
    const choice = chosen(chooseStrategy(NOTES_ONLY, ehr, undefined, store(['Goal'])));
    expect(choice.strategy.kind).toBe('note');
    expect(choice.because).toContain('The practice plan store is configured but does not take plans:');
  });

  test('an EHR that takes plans keeps them, companion or not', () => {
    expect(chosen(chooseStrategy(profileOf([]), ehr, undefined, store())).strategy.kind).toBe('transaction');
  });
});
