import type * as fhir from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirOnlyServer } from './support/fhir-only-server.ts';
import { clientResource, failureOf, fhirClient, startFhirOnlyServer } from './support/fhir-only-server.ts';

let server: FhirOnlyServer;
let client: Client;

beforeAll(async () => {
  server = await startFhirOnlyServer();
  client = fhirClient(server.baseUrl);
});

afterAll(async () => {
  await server.close();
});

interface WithResponse<T> {
  body: T;
  response: Response;
}

const PLAN_SYSTEM = 'urn:oid:2.16.840.1.113883.19.5.99999.9';

function plan(value: string, status: fhir.CarePlan['status'] = 'active'): fhir.CarePlan {
  return {
    resourceType: 'CarePlan',
    identifier: [{ system: PLAN_SYSTEM, value }],
    status,
    intent: 'plan',
    subject: { reference: 'Patient/michael-jones' },
  };
}

describe('conditional interactions', () => {
  it('creates once with If-None-Exist and answers a retry with the existing resource', async () => {
    const options = { headers: { 'If-None-Exist': `identifier=${PLAN_SYSTEM}|retry-1` }, includeResponse: true };

    const first = await client.create<WithResponse<fhir.CarePlan>>(clientResource(plan('retry-1')), options);
    const retry = await client.create<WithResponse<fhir.CarePlan>>(clientResource(plan('retry-1')), options);

    expect(first.response.status).toBe(201);
    expect(retry.response.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('creates with a conditional update when nothing matches, then updates the match', async () => {
    const url = `CarePlan?identifier=${encodeURIComponent(`${PLAN_SYSTEM}|upsert-1`)}`;
    const put = (body: fhir.CarePlan): Promise<WithResponse<fhir.CarePlan>> =>
      client.request({
        url,
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/fhir+json' },
        includeResponse: true,
      });

    const created = await put(plan('upsert-1', 'draft'));
    const updated = await put(plan('upsert-1', 'active'));

    expect(created.response.status).toBe(201);
    expect(updated.response.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, status: 'active' });
  });

  it('refuses a conditional create whose criteria match more than one resource with 412', async () => {
    await client.create(clientResource(plan('twin')));
    await client.create(clientResource(plan('twin')));

    const failure = await failureOf(
      client.create(clientResource(plan('twin')), { headers: { 'If-None-Exist': `identifier=${PLAN_SYSTEM}|twin` } })
    );

    expect(failure).toMatchObject({ status: 412 });
  });
});

describe('Prefer and delete', () => {
  it('answers Prefer: return=minimal with an empty 201 whose Location fhirclient follows', async () => {
    const raw = await fetch(`${server.baseUrl}/CarePlan`, {
      method: 'POST',
      body: JSON.stringify(plan('minimal')),
      headers: { 'Content-Type': 'application/fhir+json', Prefer: 'return=minimal' },
    });
    const followed = await client.create(clientResource(plan('minimal-2')), { headers: { Prefer: 'return=minimal' } });

    expect(raw.status).toBe(201);
    expect(await raw.text()).toBe('');
    expect(raw.headers.get('location')).toMatch(new RegExp(`^${server.baseUrl}/CarePlan/[^/]+/_history/[^/]+$`));
    expect(followed).toMatchObject({ resourceType: 'CarePlan', identifier: [{ value: 'minimal-2' }] });
  });

  it('deletes a resource so that reading it answers 404', async () => {
    const created = await client.create<fhir.CarePlan>(clientResource(plan('to-delete')));

    await client.delete(`CarePlan/${created.id}`);

    await expect(failureOf(client.request(`CarePlan/${created.id}`))).resolves.toMatchObject({ status: 404 });
  });
});
