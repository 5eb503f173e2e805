/**
 * The FHIR gateway the UI depends on, through real `fetch` against msw: paging, the one error type, headers, and
 * the refusal to send the token to another origin.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { FhirError } from '../../src/fhir/fhir-error.ts';

const BASE = 'https://ehr.example/fhir';
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

const gateway = createFetchGateway({ baseUrl: `${BASE}/`, authorization: () => Promise.resolve('Bearer t0ken') });

function goal(id: string): { resourceType: 'Goal'; id: string } {
  return { resourceType: 'Goal', id };
}

async function failure(promise: Promise<unknown>): Promise<FhirError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  if (!(error instanceof FhirError)) {
    throw new Error(`expected a FhirError, got ${String(error)}`);
  }
  return error;
}

describe('the fetch gateway', () => {
  test('a search follows next links to the last page and keeps included resources apart', async () => {
    const pages = [
      {
        resourceType: 'Bundle',
        type: 'searchset',
        total: 3,
        link: [{ relation: 'next', url: `${BASE}/Goal?patient=p1&_page=2` }],
        entry: [
          { resource: goal('g1'), search: { mode: 'match' } },
          { resource: { resourceType: 'Condition', id: 'c1' }, search: { mode: 'include' } },
        ],
      },
      {
        resourceType: 'Bundle',
        type: 'searchset',
        link: [{ relation: 'next', url: `${BASE}/Goal?patient=p1&_page=3` }],
        entry: [{ resource: goal('g2') }],
      },
      { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: goal('g3') }] },
    ];
    const seen: string[] = [];
    server.use(
      http.get(`${BASE}/Goal`, ({ request }) => {
        seen.push(new URL(request.url).search);
        const page = Number(new URL(request.url).searchParams.get('_page') ?? '1');
        return HttpResponse.json(pages[page - 1], { headers: { 'content-type': 'application/fhir+json' } });
      })
    );
    const result = await gateway.search('Goal', { patient: 'p1', 'lifecycle-status': ['active', 'proposed'] });
    expect(seen).toEqual([
      '?patient=p1&lifecycle-status=active&lifecycle-status=proposed',
      '?patient=p1&_page=2',
      '?patient=p1&_page=3',
    ]);
    expect(result.matches.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect(result.included.map((r) => r.id)).toEqual(['c1']);
    expect(result.total).toBe(3);
    expect(result.complete).toBe(true);
  });

  test('maxPages stops the paging and says the result is incomplete', async () => {
    server.use(
      http.get(`${BASE}/Goal`, () =>
        HttpResponse.json({
          resourceType: 'Bundle',
          type: 'searchset',
          link: [{ relation: 'next', url: `${BASE}/Goal?_page=again` }],
          entry: [{ resource: goal('g') }],
        })
      )
    );
    const result = await gateway.search('Goal', {}, { maxPages: 2 });
    expect(result.matches).toHaveLength(2);
    expect(result.complete).toBe(false);
  });

  test('a next link to another origin is refused, so the token never leaves the FHIR server', async () => {
    server.use(
      http.get(`${BASE}/Goal`, () =>
        HttpResponse.json({
          resourceType: 'Bundle',
          type: 'searchset',
          link: [{ relation: 'next', url: 'https://evil.example/steal' }],
          entry: [],
        })
      )
    );
    const error = await failure(gateway.search('Goal'));
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/not on the FHIR server/);
  });

  test('requests carry the bearer token and FHIR JSON headers; extra headers such as If-Match pass through', async () => {
    let headers: Headers | undefined;
    let body: unknown;
    server.use(
      http.put(`${BASE}/Goal/g1`, async ({ request }) => {
        headers = request.headers;
        body = await request.json();
        return HttpResponse.json(goal('g1'), {
          headers: { etag: 'W/"2"', 'last-modified': 'Thu, 27 Nov 2026 05:00:00 GMT' },
        });
      })
    );
    const response = await gateway.request({
      method: 'PUT',
      url: 'Goal/g1',
      body: goal('g1'),
      headers: { 'If-Match': 'W/"1"' },
    });
    expect(headers?.get('authorization')).toBe('Bearer t0ken');
    expect(headers?.get('accept')).toBe('application/fhir+json');
    expect(headers?.get('content-type')).toBe('application/fhir+json');
    expect(headers?.get('if-match')).toBe('W/"1"');
    expect(body).toEqual(goal('g1'));
    expect(response).toMatchObject({ status: 200, etag: 'W/"2"', lastModified: 'Thu, 27 Nov 2026 05:00:00 GMT' });
  });

  test('an empty 201 gives the Location and no body', async () => {
    server.use(
      http.post(
        `${BASE}/Goal`,
        () => new HttpResponse(null, { status: 201, headers: { location: `${BASE}/Goal/new/_history/1` } })
      )
    );
    const response = await gateway.request({ method: 'POST', url: 'Goal', body: goal('ignored') });
    expect(response).toEqual({ status: 201, body: undefined, location: `${BASE}/Goal/new/_history/1` });
  });

  test('an error response becomes a FhirError with the status and the OperationOutcome', async () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'conflict', diagnostics: 'Version mismatch', expression: ['Goal.description'] },
      ],
    };
    server.use(http.put(`${BASE}/Goal/g1`, () => HttpResponse.json(outcome, { status: 412 })));
    const error = await failure(gateway.request({ method: 'PUT', url: 'Goal/g1', body: goal('g1') }));
    expect(error.status).toBe(412);
    expect(error.outcome).toEqual(outcome);
    expect(error.message).toContain('Version mismatch');
  });

  test('a server that cannot be reached gives a FhirError with status 0', async () => {
    server.use(http.get(`${BASE}/Patient/p1`, () => HttpResponse.error()));
    const error = await failure(gateway.read('Patient/p1'));
    expect(error.status).toBe(0);
    expect(error.url).toBe(`${BASE}/Patient/p1`);
  });

  test('a body that is not JSON is reported, not passed on', async () => {
    server.use(
      http.get(
        `${BASE}/Patient/p1`,
        () => new HttpResponse('{"resourceType": "Pat', { headers: { 'content-type': 'application/fhir+json' } })
      )
    );
    const error = await failure(gateway.read('Patient/p1'));
    expect(error.message).toMatch(/not valid JSON/);
  });

  test('a 401 keeps its status so the app can say the session expired', async () => {
    server.use(http.get(`${BASE}/Patient/p1`, () => new HttpResponse('expired', { status: 401 })));
    expect((await failure(gateway.read('Patient/p1'))).status).toBe(401);
  });
});
