import type * as fhir from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirOnlyServer } from './support/fhir-only-server.ts';
import { clientResource, failureOf, fhirClient, outcomeOf, startFhirOnlyServer } from './support/fhir-only-server.ts';

let server: FhirOnlyServer;
let client: Client;

beforeAll(async () => {
  // The EHR's own records without the example plans, so counts of goals and conditions are known.
  server = await startFhirOnlyServer({ seed: 'records' });
  client = fhirClient(server.baseUrl);
});

afterAll(async () => {
  await server.close();
});

interface WithResponse<T> {
  body: T;
  response: Response;
}

function goal(text: string, extra: Partial<fhir.Goal> = {}): fhir.Goal {
  return {
    resourceType: 'Goal',
    lifecycleStatus: 'active',
    description: { text },
    subject: { reference: 'Patient/michael-jones' },
    ...extra,
  };
}

describe('reads and writes', () => {
  it('answer a read with the resource, its ETag and Last-Modified', async () => {
    const { body, response } = await client.request<WithResponse<fhir.Patient>>({
      url: 'Patient/george-smith',
      includeResponse: true,
    });

    expect(body.name?.[0]?.text).toBe('George Smith');
    expect(response.headers.get('etag')).toBe(`W/"${body.meta?.versionId}"`);
    expect(response.headers.get('last-modified')).toBe(new Date(String(body.meta?.lastUpdated)).toUTCString());
    expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
  });

  it('answer a create with 201 and an absolute Location that names the new version', async () => {
    const { body, response } = await client.create<WithResponse<fhir.Goal>>(
      clientResource(goal('Sleep through the night')),
      {
        includeResponse: true,
      }
    );

    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${server.baseUrl}/Goal/${body.id}/_history/${body.meta?.versionId}`);
    expect(response.headers.get('etag')).toBe(`W/"${body.meta?.versionId}"`);
  });

  it('refuse an update based on a stale version with 412', async () => {
    const created = await client.create<fhir.Goal>(clientResource(goal('Walk daily')));
    await client.update(clientResource({ ...created, lifecycleStatus: 'on-hold' }));

    const failure = await failureOf(
      client.update(clientResource({ ...created, lifecycleStatus: 'cancelled' }), {
        headers: { 'If-Match': `W/"${created.meta?.versionId}"` },
      })
    );

    expect(failure).toMatchObject({ name: 'HttpError', status: 412 });
    await expect(client.request(`Goal/${created.id}`)).resolves.toMatchObject({ lifecycleStatus: 'on-hold' });
  });

  it('accept an update whose If-Match names the current version', async () => {
    const created = await client.create<fhir.Goal>(clientResource(goal('Call a friend weekly')));

    const updated = await client.update<fhir.Goal>(clientResource({ ...created, lifecycleStatus: 'completed' }), {
      headers: { 'If-Match': `W/"${created.meta?.versionId}"` },
    });

    expect(updated.lifecycleStatus).toBe('completed');
    expect(updated.meta?.versionId).not.toBe(created.meta?.versionId);
  });

  it('refuse a resource missing a required element with 400 and the FHIRPath of that element', async () => {
    const withoutStatus: Partial<fhir.Goal> = goal('No status');
    delete withoutStatus.lifecycleStatus;

    const failure = await failureOf(client.create(clientResource(withoutStatus as fhir.Goal)));

    expect(failure).toMatchObject({ status: 400 });
    expect(outcomeOf(failure).issue[0]?.expression).toEqual(['Goal.lifecycleStatus']);
  });

  it('refuse a badly formatted dateTime with 400 and the FHIRPath of the field', async () => {
    const failure = await failureOf(client.create(clientResource(goal('Bad date', { statusDate: '27/11/2026' }))));

    expect(failure).toMatchObject({ status: 400 });
    expect(outcomeOf(failure).issue[0]?.expression).toEqual(['Goal.statusDate']);
  });

  it('refuse a code outside its required value set, which the engine alone would store', async () => {
    const failure = await failureOf(
      client.create(
        clientResource({ ...goal('Odd status'), lifecycleStatus: 'banana' as fhir.Goal['lifecycleStatus'] })
      )
    );

    expect(failure).toMatchObject({ status: 400 });
    expect(outcomeOf(failure).issue[0]).toMatchObject({ code: 'code-invalid', expression: ['Goal.lifecycleStatus'] });
  });

  it('refuse malformed JSON with a 400 OperationOutcome', async () => {
    const failure = await failureOf(
      client.request({
        url: 'Goal',
        method: 'POST',
        body: '{"resourceType": "Goal",',
        headers: { 'Content-Type': 'application/fhir+json' },
      })
    );

    expect(failure).toMatchObject({ status: 400 });
    expect(outcomeOf(failure).issue[0]?.diagnostics).toMatch(/not valid JSON/);
  });

  it('refuse a POST whose resource type is not the one in the URL', async () => {
    const failure = await failureOf(
      client.request({
        url: 'Condition',
        method: 'POST',
        body: JSON.stringify(goal('Wrong endpoint')),
        headers: { 'Content-Type': 'application/fhir+json' },
      })
    );

    expect(failure).toMatchObject({ status: 400 });
  });

  it('answer 404 with an OperationOutcome for an unknown id and for a type it does not serve', async () => {
    const missing = await failureOf(client.request('Goal/no-such-goal'));
    const unserved = await failureOf(client.request('Medication/anything'));

    expect(missing).toMatchObject({ status: 404 });
    expect(outcomeOf(missing).issue[0]?.code).toBe('not-found');
    expect(unserved).toMatchObject({ status: 404 });
    expect(outcomeOf(unserved).issue[0]?.diagnostics).toMatch(/Medication/);
  });

  it('apply a JSON Patch and validate the result', async () => {
    const created = await client.create<fhir.Goal>(clientResource(goal('Patch me')));

    const patched = await client.patch(`Goal/${created.id}`, [
      { op: 'replace', path: '/lifecycleStatus', value: 'on-hold' },
    ]);
    const broken = await failureOf(client.patch(`Goal/${created.id}`, [{ op: 'remove', path: '/lifecycleStatus' }]));

    expect(patched).toMatchObject({ lifecycleStatus: 'on-hold' });
    expect(broken).toMatchObject({ status: 400 });
  });

  it('keep every version, newest first, in the instance history', async () => {
    const created = await client.create<fhir.Goal>(clientResource(goal('Version one')));
    const second = await client.update<fhir.Goal>(clientResource({ ...created, description: { text: 'Version two' } }));

    const history = await client.request<fhir.Bundle>(`Goal/${created.id}/_history`);
    const again = await client.request<fhir.Bundle>(`Goal/${created.id}/_history`);
    const old = await client.request<fhir.Goal>(`Goal/${created.id}/_history/${created.meta?.versionId}`);

    expect(history.entry?.map((e) => e.resource?.meta?.versionId)).toEqual([
      second.meta?.versionId,
      created.meta?.versionId,
    ]);
    expect(again.entry?.map((e) => e.resource?.meta?.versionId)).toEqual([
      second.meta?.versionId,
      created.meta?.versionId,
    ]);
    expect(old.description.text).toBe('Version one');
  });
});

describe('GET [base]/metadata', () => {
  it('describes an R4 server with the interactions and search parameters it serves', async () => {
    const statement = await client.request<fhir.CapabilityStatement>('metadata');
    const rest = statement.rest?.[0];
    const carePlan = rest?.resource?.find((r) => r.type === 'CarePlan');

    expect(statement).toMatchObject({ status: 'active', kind: 'instance', fhirVersion: '4.0.1' });
    expect(rest?.interaction?.map((i) => i.code).sort()).toEqual(['batch', 'transaction']);
    expect(carePlan?.interaction?.map((i) => i.code)).toEqual(
      expect.arrayContaining(['read', 'vread', 'update', 'patch', 'create', 'search-type', 'history-instance'])
    );
    expect(carePlan).toMatchObject({
      versioning: 'versioned-update',
      conditionalCreate: true,
      conditionalUpdate: true,
    });
    expect(carePlan?.searchParam?.find((p) => p.name === 'patient')).toMatchObject({ type: 'reference' });
    expect(carePlan?.searchInclude).toContain('CarePlan:goal');
    expect(rest?.security?.extension?.[0]?.extension).toEqual([
      { url: 'authorize', valueUri: `${new URL(server.baseUrl).origin}/auth/authorize` },
      { url: 'token', valueUri: `${new URL(server.baseUrl).origin}/auth/token` },
    ]);
  });

  it('lists search parameters so that fhirclient can search in the patient context', async () => {
    const patientClient = fhirClient(server.baseUrl, 'george-smith');

    const conditions = await patientClient.patient.request<fhir.Bundle>('Condition');

    expect(conditions.entry?.map((e) => e.resource?.id)).toEqual(['george-smith-depression']);
  });
});
