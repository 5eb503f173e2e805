import type * as fhir from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessPolicy, ScopedAction } from '../../src/sandbox/contracts.ts';
import type { FhirOnlyServer } from './support/fhir-only-server.ts';
import { clientResource, failureOf, fhirClient, outcomeOf, startFhirOnlyServer } from './support/fhir-only-server.ts';

/** Like a token with `patient/*.cruds` except Goal, which it may only read and search. */
const readOnlyGoals: AccessPolicy = {
  allows: (resourceType: string, action: ScopedAction) => resourceType !== 'Goal' || action === 'r' || action === 's',
  describeNeed: (resourceType: string, action: ScopedAction) => `patient/${resourceType}.${action}`,
};

/** Like a token that never mentions Goal at all. */
const noGoals: AccessPolicy = {
  allows: (resourceType: string) => resourceType !== 'Goal',
  describeNeed: (resourceType: string, action: ScopedAction) => `patient/${resourceType}.${action}`,
};

let readOnly: FhirOnlyServer;
let blind: FhirOnlyServer;
let planId: string;

beforeAll(async () => {
  readOnly = await startFhirOnlyServer({ access: readOnlyGoals });
  blind = await startFhirOnlyServer({ access: noGoals });
  planId = await seedPlanWithGoal(blind);
});

afterAll(async () => {
  await Promise.all([readOnly.close(), blind.close()]);
});

const newGoal: fhir.Goal = {
  resourceType: 'Goal',
  lifecycleStatus: 'active',
  description: { text: 'Attend weekly AA meetings' },
  subject: { reference: 'Patient/john-doe' },
};

/** Stores a plan with one goal through the service itself, with no policy (as the EHR would). */
async function seedPlanWithGoal(server: FhirOnlyServer): Promise<string> {
  const goalUrn = 'urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const plan: fhir.CarePlan = {
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'plan',
    subject: { reference: 'Patient/john-doe' },
    goal: [{ reference: goalUrn }],
  };
  const bundle: fhir.Bundle<fhir.FhirResource> = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: goalUrn, resource: newGoal, request: { method: 'POST', url: 'Goal' } },
      { resource: plan, request: { method: 'POST', url: 'CarePlan' } },
    ],
  };
  const response = await server.service.handle(
    {
      method: 'POST',
      url: new URL(server.baseUrl),
      headers: { 'content-type': 'application/fhir+json' },
      body: Buffer.from(JSON.stringify(bundle)),
    },
    undefined
  );
  const result = JSON.parse(String(response.body)) as fhir.Bundle;
  return String(result.entry?.[1]?.resource?.id);
}

function post(client: Client, bundle: fhir.Bundle<fhir.FhirResource>): Promise<fhir.Bundle> {
  return client.request({
    url: '',
    method: 'POST',
    body: JSON.stringify(bundle),
    headers: { 'Content-Type': 'application/fhir+json' },
  });
}

async function goalCount(client: Client): Promise<number> {
  return (await client.request<fhir.Bundle>('Goal?patient=john-doe&_summary=count')).total ?? -1;
}

describe('with an access policy', () => {
  it('answers a denied create with 403 and an OperationOutcome naming the scope it needs', async () => {
    const client = fhirClient(readOnly.baseUrl);

    const failure = await failureOf(client.create(clientResource(newGoal)));

    expect(failure).toMatchObject({ status: 403 });
    const issue = outcomeOf(failure).issue[0];
    expect(issue?.code).toBe('forbidden');
    expect(issue?.diagnostics).toContain('patient/Goal.c');
  });

  it('still serves what the policy allows', async () => {
    const client = fhirClient(readOnly.baseUrl);

    const condition: fhir.Condition = {
      resourceType: 'Condition',
      code: { text: 'Insomnia' },
      subject: { reference: 'Patient/john-doe' },
    };

    await expect(client.request('Goal?patient=john-doe')).resolves.toMatchObject({ resourceType: 'Bundle' });
    await expect(client.create(clientResource(condition))).resolves.toMatchObject({ resourceType: 'Condition' });
  });

  it('answers a denied entry of a batch with 403 and runs the others', async () => {
    const client = fhirClient(readOnly.baseUrl);

    const response = await post(client, {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: newGoal, request: { method: 'POST', url: 'Goal' } },
        { request: { method: 'GET', url: 'Patient/john-doe' } },
      ],
    });

    expect(response.entry?.map((e) => e.response?.status)).toEqual(['403', '200']);
    expect((response.entry?.[0]?.response?.outcome as fhir.OperationOutcome).issue[0]?.code).toBe('forbidden');
  });

  it('refuses a whole transaction with 403 when one entry is denied, and writes nothing', async () => {
    const client = fhirClient(readOnly.baseUrl);
    const before = await goalCount(client);
    const conditionsBefore = (await client.request<fhir.Bundle>('Condition?patient=john-doe&_summary=count')).total;

    const failure = await failureOf(
      post(client, {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            resource: {
              resourceType: 'Condition',
              code: { text: 'Insomnia' },
              subject: { reference: 'Patient/john-doe' },
            },
            request: { method: 'POST', url: 'Condition' },
          },
          { resource: newGoal, request: { method: 'POST', url: 'Goal' } },
        ],
      })
    );

    expect(failure).toMatchObject({ status: 403 });
    expect(await goalCount(client)).toBe(before);
    expect((await client.request<fhir.Bundle>('Condition?patient=john-doe&_summary=count')).total).toBe(
      conditionsBefore
    );
  });

  it('leaves out included resources of a type the caller may not read', async () => {
    const client = fhirClient(blind.baseUrl);

    const bundle = await client.request<fhir.Bundle>(
      `CarePlan?_id=${planId}&_include=CarePlan:goal&_include=CarePlan:subject`
    );

    expect(bundle.entry?.map((e) => e.resource?.resourceType).sort()).toEqual(['CarePlan', 'Patient']);
  });
});
