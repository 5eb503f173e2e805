/**
 * Writing through the app's gateway to the sandbox behaving like Oracle Health: every write goes as
 * `application/fhir+json`, a create's empty 201 still tells where the resource is (Location, ETag), and a stale
 * version answered with 409 reads as "someone else changed it", as a 412 does elsewhere.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { describeError } from '../../src/smart/describe-error.ts';
import { appScope, newProblem } from './support/behave-fixture.ts';
import { launchCountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;
let gateway: FhirGateway;
/** The headers of every request the gateway sent, lower-cased, with its method. */
const sent: { method: string; headers: Record<string, string> }[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({ behave: 'oracle' });
  const session = await launchCountedGateway(sandbox, 'george-smith', await appScope(sandbox));
  const recording: typeof fetch = (input, init) => {
    sent.push({ method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) } });
    return fetch(input, init);
  };
  gateway = createFetchGateway({
    baseUrl: sandbox.fhirBaseUrl,
    authorization: () => Promise.resolve(`Bearer ${session.accessToken}`),
    fetch: recording,
  });
});

afterAll(async () => {
  await sandbox.close();
});

describe('writing to an Oracle Health-like server', () => {
  test('a create answered 201 with no body still says where the new problem is, and it reads back', async () => {
    const response = await gateway.request<fhir.Condition>({
      method: 'POST',
      url: 'Condition',
      body: newProblem(),
      headers: { Prefer: 'return=representation' },
    });

    expect(response.status).toBe(201);
    expect(response.body).toBeUndefined();
    const [, address, version] = /(Condition\/[A-Za-z0-9\-.]+)\/_history\/([A-Za-z0-9\-.]+)$/.exec(
      response.location ?? ''
    ) ?? [undefined, undefined, undefined];
    expect(address).toBeDefined();
    expect(response.etag).toBe(`W/"${version ?? ''}"`);
    const read = await gateway.read<fhir.Condition>(address ?? '');
    expect(read.code?.text).toBe('Insomnia');
    expect(read.meta?.versionId).toBe(version);
  });

  test('every write is sent as application/fhir+json and asks for the same back', async () => {
    sent.length = 0;
    await gateway.request({ method: 'POST', url: 'Condition', body: newProblem('encounter-diagnosis', 'Worry') });

    const writes = sent.filter((request) => request.method !== 'GET');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.headers['content-type']).toBe('application/fhir+json');
    expect(writes[0]?.headers['accept']).toBe('application/fhir+json');
  });

  test('an update on a stale version is refused with 409, which the app reads as a conflict', async () => {
    const created = await gateway.request({ method: 'POST', url: 'DocumentReference', body: note() });
    const address = (created.location ?? '').split('/_history/')[0] ?? '';
    const current = await gateway.read<fhir.DocumentReference>(address);
    const firstRead = created.etag ?? '';
    await gateway.request({
      method: 'PUT',
      url: address,
      body: { ...current, description: 'First edit' },
      headers: { 'If-Match': firstRead },
    });

    const stale = await gateway
      .request({
        method: 'PUT',
        url: address,
        body: { ...current, description: 'Second edit, from the version first read' },
        headers: { 'If-Match': firstRead },
      })
      .then(
        () => undefined,
        (error: unknown) => error
      );

    expect(stale).toBeInstanceOf(FhirError);
    expect(stale instanceof FhirError ? stale.status : undefined).toBe(409);
    expect(describeError(stale).kind).toBe('conflict');
  });
});

function note(): fhir.DocumentReference {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: '18776-5' }] },
    subject: { reference: 'Patient/george-smith' },
    content: [{ attachment: { contentType: 'text/plain', data: btoa('Plan') } }],
  };
}
