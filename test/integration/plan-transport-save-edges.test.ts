/**
 * Saving a plan to servers that answer in ways the sandbox does not (msw): 409 conflicts, 500s, dropped
 * connections, unreadable answers, and transactions run as batches. Each becomes a result, never an exception.
 */
import type * as fhir from 'fhir/r4';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { savePlanTransaction } from '../../src/fhir/save-plan-transaction.ts';
import { BASE, outcome } from './support/msw-fhir.ts';

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const gateway = createFetchGateway({ baseUrl: BASE, authorization: () => Promise.resolve('Bearer t0ken') });

const transaction: fhir.Bundle<fhir.FhirResource> = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: 'urn:uuid:2b1d8a34-6c0e-4f4e-9a55-7f4b9e1d0c11',
      resource: {
        resourceType: 'Goal',
        lifecycleStatus: 'active',
        description: { text: 'Sleep' },
        subject: { reference: 'Patient/p1' },
      },
      request: { method: 'POST', url: 'Goal' },
    },
    {
      resource: {
        resourceType: 'CarePlan',
        id: 'plan-1',
        status: 'active',
        intent: 'plan',
        subject: { reference: 'Patient/p1' },
      },
      request: { method: 'PUT', url: 'CarePlan/plan-1', ifMatch: 'W/"3"' },
    },
    {
      resource: { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' } },
      request: { method: 'PUT', url: 'Condition/c1', ifMatch: 'W/"1"' },
    },
  ],
};

function answer(status: number, body: unknown): void {
  server.use(http.post(BASE, () => HttpResponse.json(body as Record<string, unknown>, { status })));
}

describe('saving a plan to servers that answer in their own ways', () => {
  test('sends the transaction as one POST of application/fhir+json to the base and returns where each entry went', async () => {
    const requests: { contentType: string | null; body: unknown }[] = [];
    server.use(
      http.post(BASE, async ({ request }) => {
        requests.push({ contentType: request.headers.get('content-type'), body: await request.json() });
        return HttpResponse.json({
          resourceType: 'Bundle',
          type: 'transaction-response',
          entry: [
            { response: { status: '201 Created', location: 'Goal/g9/_history/1', etag: 'W/"1"' } },
            { response: { status: '200 OK', location: 'CarePlan/plan-1/_history/4', etag: 'W/"4"' } },
            { response: { status: '200 OK', location: 'Condition/c1/_history/2' } },
          ],
        });
      })
    );

    const result = await savePlanTransaction(gateway, transaction);

    expect(requests).toEqual([{ contentType: 'application/fhir+json', body: transaction }]);
    expect(result).toMatchObject({
      kind: 'saved',
      locations: [
        {
          entryIndex: 0,
          fullUrl: 'urn:uuid:2b1d8a34-6c0e-4f4e-9a55-7f4b9e1d0c11',
          location: 'Goal/g9/_history/1',
          etag: 'W/"1"',
        },
        { entryIndex: 1, location: 'CarePlan/plan-1/_history/4', status: '200 OK' },
        { entryIndex: 2, location: 'Condition/c1/_history/2' },
      ],
    });
  });

  test('a 409 is a conflict, pointing at the entry whose resource the server names', async () => {
    answer(409, outcome('conflict', 'Version conflict on CarePlan/plan-1: current version is 5'));

    const result = await savePlanTransaction(gateway, transaction);

    expect(result).toEqual({
      kind: 'conflict',
      status: 409,
      outcome: outcome('conflict', 'Version conflict on CarePlan/plan-1: current version is 5'),
      entryIndex: 1,
      written: 'nothing',
    });
  });

  test('a 500 is rejected with the OperationOutcome, so the workspace can show it next to the draft', async () => {
    answer(500, outcome('exception', 'Database unavailable'));

    const result = await savePlanTransaction(gateway, transaction);

    expect(result).toMatchObject({
      kind: 'rejected',
      status: 500,
      outcome: outcome('exception', 'Database unavailable'),
      issues: [{ message: 'Database unavailable', severity: 'error' }],
      written: 'nothing',
    });
  });

  test('a rejection that locates the field as Bundle.entry[n].resource gives the entry and a FHIRPath from its type', async () => {
    answer(422, outcome('required', 'Condition.subject: minimum required = 1', 'Bundle.entry[2].resource.subject'));

    const result = await savePlanTransaction(gateway, transaction);

    expect(result).toMatchObject({
      kind: 'rejected',
      status: 422,
      issues: [{ entryIndex: 2, expression: 'Condition.subject', message: 'Condition.subject: minimum required = 1' }],
    });
  });

  test('a dropped connection is unreachable: the outcome is unknown and nothing is thrown', async () => {
    server.use(http.post(BASE, () => HttpResponse.error()));

    const result = await savePlanTransaction(gateway, transaction);

    expect(result.kind).toBe('unreachable');
    expect(result.kind === 'unreachable' && result.error.status).toBe(0);
  });

  test('a success whose body cannot be read is unreachable too, because whether it applied is unknown', async () => {
    server.use(
      http.post(
        BASE,
        () => new HttpResponse('{"resourceType":', { headers: { 'content-type': 'application/fhir+json' } })
      )
    );

    expect((await savePlanTransaction(gateway, transaction)).kind).toBe('unreachable');
  });

  test('a 401 says unauthorized, so the app relaunches and keeps the draft', async () => {
    answer(401, outcome('login', 'Token expired'));

    expect(await savePlanTransaction(gateway, transaction)).toMatchObject({ kind: 'unauthorized' });
  });

  test('a server that ran the transaction as a batch and failed one entry reports that some of it was written', async () => {
    answer(200, {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: [
        { response: { status: '201 Created', location: 'Goal/g9/_history/1' } },
        { response: { status: '412 Precondition Failed', outcome: outcome('processing', 'Precondition Failed') } },
        { response: { status: '200 OK', location: 'Condition/c1/_history/2' } },
      ],
    });

    const result = await savePlanTransaction(gateway, transaction);

    expect(result).toMatchObject({ kind: 'conflict', status: 412, entryIndex: 1, written: 'some' });
  });
});
