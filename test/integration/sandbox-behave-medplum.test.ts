/**
 * `--behave medplum`: everything can be written, a stale version gets 412, and a transaction Bundle runs like a
 * batch (not atomic: entries before a failing one stay written) unless `atomicTransactions` is set, when it is
 * all or nothing again. Observed over HTTP with the token the app would get.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  bundleOf,
  capabilityStatementOf,
  newCarePlan,
  newProblem,
  outcomeOf,
  startBehaveSession,
  type BehaveSession,
} from './support/behave-fixture.ts';

/** A transaction whose first entry is valid and whose second is not (a Goal without its required fields). */
function halfBadTransaction(marker: string): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:0b9f7c2e-5d1a-4c8e-9a3b-6f2d1e0c4a71',
        resource: newProblem('problem-list-item', marker),
        request: { method: 'POST', url: 'Condition' },
      },
      {
        resource: {
          resourceType: 'Goal',
          subject: { reference: 'Patient/george-smith' },
          addresses: [{ reference: 'urn:uuid:0b9f7c2e-5d1a-4c8e-9a3b-6f2d1e0c4a71' }],
        } as unknown as fhir.Goal,
        request: { method: 'POST', url: 'Goal' },
      },
    ],
  };
}

async function conditionsNamed(session: BehaveSession, text: string): Promise<fhir.Condition[]> {
  const bundle = await bundleOf(await session.fhir('GET', 'Condition?patient=george-smith&_count=1000'));
  return (bundle.entry ?? []).map((e) => e.resource as fhir.Condition).filter((c) => c.code?.text === text);
}

describe('a Medplum-like sandbox (transactions off, as shipped)', () => {
  let session: BehaveSession;

  beforeAll(async () => {
    session = await startBehaveSession({ behave: 'medplum', seed: 'records' });
  });

  afterAll(async () => {
    await session.close();
  });

  test('lets the app create and update plan resources', async () => {
    const created = await session.fhir('POST', 'CarePlan', newCarePlan());
    expect(created.status).toBe(201);
    const plan = (await created.json()) as fhir.CarePlan;
    const updated = await session.fhir(
      'PUT',
      `CarePlan/${plan.id ?? ''}`,
      { ...plan, title: 'Revised' },
      {
        'If-Match': `W/"${plan.meta?.versionId ?? ''}"`,
      }
    );
    expect(updated.status).toBe(200);
  });

  test('answers a stale If-Match with 412 Precondition Failed', async () => {
    const plan = (await (await session.fhir('POST', 'CarePlan', newCarePlan())).json()) as fhir.CarePlan;
    const ifMatch = { 'If-Match': `W/"${plan.meta?.versionId ?? ''}"` };
    expect((await session.fhir('PUT', `CarePlan/${plan.id ?? ''}`, { ...plan, title: 'First' }, ifMatch)).status).toBe(
      200
    );
    const stale = await session.fhir('PUT', `CarePlan/${plan.id ?? ''}`, { ...plan, title: 'Second' }, ifMatch);
    expect(stale.status).toBe(412);
    expect((await outcomeOf(stale)).issue[0]?.severity).toBe('error');
  });

  test('runs a transaction as a batch: the valid entry stays written, the invalid one fails alone', async () => {
    const response = await session.fhir('POST', '', halfBadTransaction('Not atomic'));
    expect(response.status).toBe(200);
    const result = await bundleOf(response);
    expect(result.type).toBe('transaction-response');
    expect(result.entry?.[0]?.response?.status).toBe('201');
    expect(Number(result.entry?.[1]?.response?.status)).toBeGreaterThanOrEqual(400);
    expect(await conditionsNamed(session, 'Not atomic')).toHaveLength(1);
  });

  test('says so in the CapabilityStatement', async () => {
    const statement = await capabilityStatementOf(session.sandbox);
    const transaction = statement.rest?.[0]?.interaction?.find((i) => i.code === 'transaction');
    expect(transaction?.documentation).toContain('run like a batch');
    expect(statement.rest?.[0]?.interaction?.map((i) => i.code)).toContain('batch');
  });

  test('the home page says which behaviour is active', async () => {
    const html = await (await fetch(session.sandbox.homeUrl)).text();
    expect(html).toContain('Medplum-like');
    expect(html).toContain('--behave medplum');
  });
});

describe('a Medplum-like sandbox with atomic transactions', () => {
  let session: BehaveSession;

  beforeAll(async () => {
    session = await startBehaveSession({ behave: 'medplum', atomicTransactions: true, seed: 'records' });
  });

  afterAll(async () => {
    await session.close();
  });

  test('refuses the whole transaction and writes nothing', async () => {
    const response = await session.fhir('POST', '', halfBadTransaction('All or nothing'));
    expect(response.status).toBe(400);
    expect(await conditionsNamed(session, 'All or nothing')).toEqual([]);
  });

  test('advertises an ordinary (atomic) transaction', async () => {
    const statement = await capabilityStatementOf(session.sandbox);
    expect(statement.rest?.[0]?.interaction?.find((i) => i.code === 'transaction')?.documentation).toBeUndefined();
  });
});
