/**
 * The sequential strategy as the workspace holds it: what it tells the clinician, and a save of a whole plan
 * through it on a server that answers creates with an empty 201 (as Oracle Health does).
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import { planFromFhir } from '../../src/mapping/index.ts';
import { sequentialExplanation, sequentialStrategy } from '../../src/workspace/strategies/sequential.ts';
import { fullPlan } from '../support/full-plan.ts';
import { EHR_RECORDS } from '../support/mapping-world.ts';
import { memoryFhirServer } from '../support/memory-fhir-server.ts';

const NOW = new Date('2026-01-05T16:00:00Z');
const UNKNOWN: ServerProfile = serverProfile({
  smartConfiguration: undefined,
  capabilityStatement: undefined,
  grantedScope: undefined,
});

function withTransactions(run: ServerProfile['transactions']['run']): ServerProfile {
  return { ...UNKNOWN, transactions: { run, reason: { source: 'assumed', text: 'for the test' } } };
}

describe('the sequential strategy', () => {
  it('tells the clinician why the plan goes one record at a time, and that a retry is safe', () => {
    expect(sequentialExplanation(withTransactions('none'))).toMatch(/^This server takes no transactions\. Save sends/);
    expect(sequentialExplanation(withTransactions('as-batch'))).toMatch(
      /^This server may apply a transaction only in part/
    );
    expect(sequentialExplanation(withTransactions('unknown'))).toMatch(/does not say whether it takes transactions/);
    for (const run of ['none', 'as-batch', 'unknown', 'atomic'] as const) {
      expect(sequentialExplanation(withTransactions(run))).toMatch(/saving again finishes it without duplicates\.$/);
    }
    const strategy = sequentialStrategy(memoryFhirServer(), withTransactions('none'));
    expect(strategy).toMatchObject({ kind: 'sequential', edits: 'plan' });
  });

  it('saves a whole plan, reads back as saved, and then has nothing to save', async () => {
    // Signatures are left out: the memory server finds records by identifier only, and Provenance has none.
    const plan = { ...fullPlan(), signatures: [] };
    const server = memoryFhirServer({ emptyBodies: true });
    const strategy = sequentialStrategy(server, withTransactions('none'));

    const outcome = await strategy.save({ plan, loaded: EHR_RECORDS, now: NOW });

    if (outcome.kind !== 'sent') throw new Error('nothing was sent');
    expect(outcome.result.kind).toBe('saved');
    expect(outcome.requests).toBe(server.received.length);
    expect(outcome.request?.type).toBe('transaction');
    const held: fhir.FhirResource[] = [...EHR_RECORDS, ...server.records];
    expect(planFromFhir(held, { planId: plan.id }).plan).toEqual(plan);
    expect(await strategy.save({ plan, loaded: held, now: NOW })).toEqual({ kind: 'nothing-to-save' });
  });
});
