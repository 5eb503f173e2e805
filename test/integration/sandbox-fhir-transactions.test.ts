import type * as fhir from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FhirOnlyServer } from './support/fhir-only-server.ts';
import { clientResource, failureOf, fhirClient, outcomeOf, startFhirOnlyServer } from './support/fhir-only-server.ts';

let server: FhirOnlyServer;
let client: Client;

beforeEach(async () => {
  // The EHR's own records without the example plans, so counts of goals and conditions are known.
  server = await startFhirOnlyServer({ seed: 'records' });
  client = fhirClient(server.baseUrl);
});

afterEach(async () => {
  await server.close();
});

const GOAL_URN = 'urn:uuid:8f0b3a52-2c1e-4a8e-9f43-5d2a6b7c9e01';
const CONDITION_URN = 'urn:uuid:1c6e2d7f-4b3a-4f1e-8d2c-7a9b0e5f3d22';
const PLAN_IDENTIFIER = 'urn:oid:2.16.840.1.113883.19.5.99999.9';

function planTransaction(planIdentifier: string): fhir.Bundle<fhir.FhirResource> {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:3d4c5b6a-7e8f-4a1b-9c2d-0e1f2a3b4c55',
        resource: {
          resourceType: 'CarePlan',
          identifier: [{ system: PLAN_IDENTIFIER, value: planIdentifier }],
          status: 'active',
          intent: 'plan',
          subject: { reference: 'Patient/george-smith' },
          addresses: [{ reference: CONDITION_URN }],
          goal: [{ reference: GOAL_URN }],
        },
        request: { method: 'POST', url: 'CarePlan' },
      },
      {
        fullUrl: GOAL_URN,
        resource: {
          resourceType: 'Goal',
          lifecycleStatus: 'active',
          description: { text: 'PHQ-9 below 10 by the next review' },
          subject: { reference: 'Patient/george-smith' },
          addresses: [{ reference: CONDITION_URN }],
        },
        request: { method: 'POST', url: 'Goal' },
      },
      {
        fullUrl: CONDITION_URN,
        resource: {
          resourceType: 'Condition',
          code: { text: 'Insomnia' },
          subject: { reference: 'Patient/george-smith' },
        },
        request: { method: 'POST', url: 'Condition' },
      },
    ],
  };
}

async function post(bundle: fhir.Bundle<fhir.FhirResource>): Promise<fhir.Bundle> {
  return client.request<fhir.Bundle>({
    url: '',
    method: 'POST',
    body: JSON.stringify(bundle),
    headers: { 'Content-Type': 'application/fhir+json' },
  });
}

async function countOf(query: string): Promise<number> {
  const bundle = await client.request<fhir.Bundle>(`${query}${query.includes('?') ? '&' : '?'}_summary=count`);
  return bundle.total ?? -1;
}

describe('transaction Bundles', () => {
  it('store every entry and point urn:uuid references at the ids the server assigned', async () => {
    const response = await post(planTransaction('plan-1'));

    expect(response.type).toBe('transaction-response');
    expect(response.entry?.map((e) => e.response?.status)).toEqual(['201', '201', '201']);
    const [planLocation, goalLocation, conditionLocation] = (response.entry ?? []).map(
      (e) => String(e.response?.location).split('/_history/')[0]
    );
    const plan = await client.request<fhir.CarePlan>(String(planLocation));
    expect(plan.goal?.[0]?.reference).toBe(goalLocation);
    expect(plan.addresses?.[0]?.reference).toBe(conditionLocation);
    const goal = await client.request<fhir.Goal>(String(goalLocation));
    expect(goal.addresses?.[0]?.reference).toBe(conditionLocation);
    await expect(client.request(String(conditionLocation))).resolves.toMatchObject({ resourceType: 'Condition' });
  });

  it('leave nothing behind when the last entry is invalid', async () => {
    const before = await countOf('CarePlan?patient=george-smith');
    const bundle = planTransaction('plan-2');
    delete (bundle.entry?.[2]?.resource as Partial<fhir.Condition>).subject;

    const failure = await failureOf(post(bundle));

    expect(failure).toMatchObject({ status: 400 });
    expect(outcomeOf(failure).issue[0]?.expression).toEqual(['Condition.subject']);
    expect(outcomeOf(failure).issue[0]?.diagnostics).toMatch(/^Bundle\.entry\[2\] \(POST Condition\)/);
    expect(await countOf('CarePlan?patient=george-smith')).toBe(before);
    expect(await countOf(`Goal?patient=george-smith`)).toBe(0);
  });

  it('leave nothing behind when the last entry updates a stale version', async () => {
    const condition = await client.request<fhir.Condition>('Condition/george-smith-depression');
    await client.update(clientResource({ ...condition, note: [{ text: 'Someone else edited this first.' }] }));
    const bundle = planTransaction('plan-3');
    bundle.entry?.push({
      resource: { ...condition, note: [{ text: 'Our edit, based on the old version.' }] },
      request: { method: 'PUT', url: 'Condition/george-smith-depression', ifMatch: `W/"${condition.meta?.versionId}"` },
    });

    const failure = await failureOf(post(bundle));

    expect(failure).toMatchObject({ status: 412 });
    expect(await countOf(`CarePlan?identifier=${PLAN_IDENTIFIER}|plan-3`)).toBe(0);
    expect(await countOf('Goal?patient=george-smith')).toBe(0);
    const current = await client.request<fhir.Condition>('Condition/george-smith-depression');
    expect(current.note?.[0]?.text).toBe('Someone else edited this first.');
  });

  it('create nothing twice when a retried transaction uses If-None-Exist, even with many entries', async () => {
    const bundle = planTransaction('plan-4');
    const plan = bundle.entry?.[0];
    if (plan?.request) {
      plan.request.ifNoneExist = `identifier=${PLAN_IDENTIFIER}|plan-4`;
    }
    for (let i = 0; i < 10; i++) {
      bundle.entry?.push({
        resource: { resourceType: 'Observation', status: 'final', code: { text: `Note ${i}` } },
        request: { method: 'POST', url: 'Observation' },
      });
    }

    const first = await post(bundle);
    const retry = await post(bundle);

    expect(first.entry?.[0]?.response?.status).toBe('201');
    expect(retry.entry?.[0]?.response?.status).toBe('200');
    expect(retry.entry?.[0]?.response?.location).toBe(first.entry?.[0]?.response?.location);
    expect(await countOf(`CarePlan?identifier=${PLAN_IDENTIFIER}|plan-4`)).toBe(1);
  });
});

describe('batch Bundles', () => {
  it('run each entry on its own, answering an invalid one with 400 and still storing the others', async () => {
    const response = await post({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          // Deliberately invalid: lifecycleStatus is required.
          resource: {
            resourceType: 'Goal',
            description: { text: 'No lifecycleStatus' },
            subject: { reference: 'Patient/robert-johnson' },
          } as fhir.Goal,
          request: { method: 'POST', url: 'Goal' },
        },
        {
          resource: {
            resourceType: 'Goal',
            lifecycleStatus: 'proposed',
            description: { text: 'Sleep 7 hours' },
            subject: { reference: 'Patient/robert-johnson' },
          },
          request: { method: 'POST', url: 'Goal' },
        },
        { request: { method: 'GET', url: 'Condition?patient=robert-johnson' } },
      ],
    });

    expect(response.entry?.map((e) => e.response?.status)).toEqual(['400', '201', '200']);
    expect(response.entry?.[2]?.resource).toMatchObject({ resourceType: 'Bundle', total: 1 });
    expect(await countOf('Goal?patient=robert-johnson')).toBe(1);
  });
});
