/**
 * Saving a plan's write set as one transaction to the sandbox EHR over real HTTP with a real SMART token: one
 * request; all or nothing when a version is stale or a resource is invalid; and every failure is a result the
 * workspace can show, never an exception.
 */
import { randomUUID } from 'node:crypto';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { savePlanTransaction } from '../../src/fhir/save-plan-transaction.ts';
import { launchCountedGateway, storeInSandbox, type CountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';
import { historyBatches, tenYearHistory, TYPICAL_YEAR } from '../../tools/bench/ten-year-client.ts';

const CLIENT = 'sam-saver';
const PLAN_SYSTEM = 'urn:example:treatment-plan';
let sandbox: TestSandbox;
let session: CountedGateway;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: false });
  await storeInSandbox(sandbox, historyBatches(tenYearHistory(CLIENT, TYPICAL_YEAR)));
  session = await launchCountedGateway(sandbox, CLIENT);
});

afterAll(async () => {
  await sandbox.close();
});

/** A new plan with a new goal, and an update of an existing goal at the version it was loaded at. */
function revision(planKey: string, loadedGoal: fhir.Goal): fhir.Bundle<fhir.FhirResource> {
  const goalUrn = `urn:uuid:${randomUUID()}`;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'CarePlan',
          identifier: [{ system: PLAN_SYSTEM, value: planKey }],
          status: 'active',
          intent: 'plan',
          subject: { reference: `Patient/${CLIENT}` },
          goal: [{ reference: goalUrn }, { reference: `Goal/${loadedGoal.id ?? ''}` }],
        },
        request: { method: 'POST', url: 'CarePlan' },
      },
      {
        fullUrl: goalUrn,
        resource: {
          resourceType: 'Goal',
          lifecycleStatus: 'active',
          description: { text: `Sleep seven hours (${planKey})` },
          subject: { reference: `Patient/${CLIENT}` },
        },
        request: { method: 'POST', url: 'Goal' },
      },
      {
        resource: { ...loadedGoal, description: { text: `Revised in ${planKey}` } },
        request: {
          method: 'PUT',
          url: `Goal/${loadedGoal.id ?? ''}`,
          ifMatch: `W/"${loadedGoal.meta?.versionId ?? ''}"`,
        },
      },
    ],
  };
}

async function plansWithIdentifier(gateway: FhirGateway, key: string): Promise<number> {
  const { body } = await gateway.request<fhir.Bundle>({
    method: 'GET',
    url: `CarePlan?identifier=${PLAN_SYSTEM}|${key}&_summary=count`,
  });
  return body?.total ?? -1;
}

const goalId = `${CLIENT}-goal-0`;

describe('saving a plan as one transaction', () => {
  test('is one request, and every entry is written with the references between them resolved', async () => {
    const { gateway, counter } = session;
    const goal = await gateway.read<fhir.Goal>(`Goal/${goalId}`);
    counter.reset();

    const result = await savePlanTransaction(gateway, revision('saved', goal));

    expect(counter.count).toEqual({ requests: 1, roundTrips: 1 });
    if (result.kind !== 'saved') {
      throw new Error(`expected saved, got ${JSON.stringify(result)}`);
    }
    expect(result.locations.map((entry) => entry.status)).toEqual(['201', '201', '200']);
    expect(result.locations[1]?.fullUrl).toMatch(/^urn:uuid:/);
    const [planAt = '', goalAt = ''] = result.locations.map((entry) => entry.location?.split('/_history/')[0]);
    const plan = await gateway.read<fhir.CarePlan>(planAt);
    expect(plan.goal?.map((reference) => reference.reference)).toEqual([goalAt, `Goal/${goalId}`]);
    expect((await gateway.read<fhir.Goal>(`Goal/${goalId}`)).description.text).toBe('Revised in saved');
  });

  test('answers a stale If-Match with a 412 conflict and writes nothing of the Bundle', async () => {
    const { gateway } = session;
    const stale = await gateway.read<fhir.Goal>(`Goal/${goalId}`);
    await gateway.request({
      method: 'PUT',
      url: `Goal/${goalId}`,
      body: { ...stale, note: [{ text: 'Edited elsewhere' }] },
    });

    const result = await savePlanTransaction(gateway, revision('stale', stale));

    expect(result).toMatchObject({ kind: 'conflict', status: 412, entryIndex: 2, written: 'nothing' });
    expect(await plansWithIdentifier(gateway, 'stale')).toBe(0);
    const current = await gateway.read<fhir.Goal>(`Goal/${goalId}`);
    expect(current.note?.[0]?.text).toBe('Edited elsewhere');
    expect(current.description.text).not.toBe('Revised in stale');
  });

  test('rejects an invalid resource with issues that name the entry and the FHIRPath of the field', async () => {
    const { gateway } = session;
    const goal = await gateway.read<fhir.Goal>(`Goal/${goalId}`);
    const bundle = revision('invalid', goal);
    delete (bundle.entry?.[1]?.resource as Partial<fhir.Goal>).subject;

    const result = await savePlanTransaction(gateway, bundle);

    if (result.kind !== 'rejected') {
      throw new Error(`expected rejected, got ${JSON.stringify(result)}`);
    }
    expect(result.status).toBe(400);
    expect(result.issues[0]).toMatchObject({ entryIndex: 1, expression: 'Goal.subject', severity: 'error' });
    expect(result.issues[0]?.message).not.toMatch(/^Bundle\.entry/);
    expect(await plansWithIdentifier(gateway, 'invalid')).toBe(0);
  });

  test('says unauthorized when the token is no longer accepted, so the app can relaunch and keep the draft', async () => {
    const expired: FhirGateway = createFetchGateway({
      baseUrl: sandbox.fhirBaseUrl,
      authorization: () => Promise.resolve('Bearer expired-or-revoked'),
    });
    const goal = await session.gateway.read<fhir.Goal>(`Goal/${goalId}`);

    const result = await savePlanTransaction(expired, revision('expired', goal));

    expect(result.kind).toBe('unauthorized');
    expect(await plansWithIdentifier(session.gateway, 'expired')).toBe(0);
  });

  test('refuses anything but a transaction Bundle, as a programming error', async () => {
    const batch: fhir.Bundle = { resourceType: 'Bundle', type: 'batch', entry: [] };
    await expect(savePlanTransaction(session.gateway, batch)).rejects.toThrow(TypeError);
  });
});
