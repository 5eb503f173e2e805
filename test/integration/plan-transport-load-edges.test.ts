/**
 * Loading plan records from servers that behave in ways the sandbox does not (msw): a search refused for want of
 * scope, opaque and HAPI-style paging, required search parameters, links to elsewhere, broken responses.
 */
import type * as fhir from 'fhir/r4';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { countingFetch, RoundTripCounter } from '../../src/fhir/round-trip-counter.ts';
import { UNKNOWN_SERVER_TRAITS, type ServerTraits } from '../../src/fhir/server-traits.ts';
import { BASE, outcome, scriptedFhir, searchset, typeOf, type Script } from './support/msw-fhir.ts';

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

const WITH_BATCH: ServerTraits = { ...UNKNOWN_SERVER_TRAITS, batch: 'yes' };
const WITHOUT_BATCH: ServerTraits = { ...UNKNOWN_SERVER_TRAITS, batch: 'no' };

function counted(): { gateway: ReturnType<typeof createFetchGateway>; counter: RoundTripCounter } {
  const counter = new RoundTripCounter();
  const gateway = createFetchGateway({
    baseUrl: BASE,
    authorization: () => Promise.resolve('Bearer t0ken'),
    fetch: countingFetch(counter),
  });
  return { gateway, counter };
}

const goal = (id: string): fhir.Goal => ({
  resourceType: 'Goal',
  id,
  lifecycleStatus: 'active',
  description: { text: id },
  subject: { reference: 'Patient/p1' },
});
const score = (n: number): fhir.Observation => ({
  resourceType: 'Observation',
  id: `obs-${n}`,
  status: 'final',
  code: { text: 'PHQ-9' },
});
const scores = (from: number, count: number): fhir.Observation[] =>
  Array.from({ length: count }, (_, i) => score(from + i));

/** Two goals, no scores, empty everything else; `overrides` answer chosen types. */
function record(overrides: Partial<Record<string, Script>> = {}): Script {
  return (url) =>
    overrides[typeOf(url)]?.(url) ?? {
      status: 200,
      body: searchset(typeOf(url) === 'Goal' ? [goal('g1'), goal('g2')] : []),
    };
}

describe('loading plan records from servers that refuse, page or break in their own ways', () => {
  test('a search refused with 403 (scope not granted) leaves the others loaded and is reported incomplete', async () => {
    server.use(
      ...scriptedFhir(
        record({ Consent: () => ({ status: 403, body: outcome('forbidden', 'Needs patient/Consent.rs') }) })
      )
    );
    const { gateway, counter } = counted();

    const records = await loadPlanRecords(gateway, 'p1', WITH_BATCH);

    expect(records.resources.map((r) => r.id)).toEqual(['g1', 'g2']);
    expect(records.incomplete.map(({ search, status }) => ({ search, status }))).toEqual([
      { search: 'Consent', status: 403 },
    ]);
    expect(records.incomplete[0]?.reason).toContain('Needs patient/Consent.rs');
    expect(counter.count).toEqual({ requests: 1, roundTrips: 1 });
  });

  test('opaque next links are followed page by page, and the extra round trips are reported', async () => {
    const pages = [scores(0, 3), scores(3, 3), scores(6, 2)];
    server.use(
      ...scriptedFhir(
        record({
          Observation: () => ({ status: 200, body: searchset(pages[0] ?? [], { next: `${BASE}?_cursor=c1` }) }),
          '': (url) => {
            const page = url.searchParams.get('_cursor') === 'c1' ? 1 : 2;
            const next = page === 1 ? `${BASE}?_cursor=c2` : undefined;
            return { status: 200, body: searchset(pages[page] ?? [], next ? { next } : {}) };
          },
        })
      )
    );
    const { gateway, counter } = counted();

    const records = await loadPlanRecords(gateway, 'p1', WITH_BATCH);

    expect(records.resources.filter((r) => r.resourceType === 'Observation')).toHaveLength(8);
    expect(records.roundTrips).toBe(3);
    expect(counter.count).toEqual({ requests: 3, roundTrips: 3 });
    expect(records.incomplete).toEqual([]);
  });

  test("HAPI's offset links are computed from the total: all remaining pages in the second round trip", async () => {
    const pageUrl = (offset: number): string => `${BASE}?_getpages=abc&_getpagesoffset=${offset}&_count=3`;
    server.use(
      ...scriptedFhir(
        record({
          Observation: () => ({ status: 200, body: searchset(scores(0, 3), { total: 11, next: pageUrl(3) }) }),
          '': (url) => {
            const offset = Number(url.searchParams.get('_getpagesoffset'));
            return { status: 200, body: searchset(scores(offset, Math.min(3, 11 - offset))) };
          },
        })
      )
    );
    for (const traits of [WITH_BATCH, WITHOUT_BATCH]) {
      const { gateway, counter } = counted();

      const records = await loadPlanRecords(gateway, 'p1', traits);

      expect(records.resources.filter((r) => r.resourceType === 'Observation')).toHaveLength(11);
      expect(counter.count.roundTrips).toBe(2);
    }
  });

  test('without _revinclude, signatures are searched by plan in the second round trip, with the cited clinician', async () => {
    const plan: fhir.CarePlan = {
      resourceType: 'CarePlan',
      id: 'plan-1',
      status: 'active',
      intent: 'plan',
      subject: { reference: 'Patient/p1' },
      author: { reference: 'Practitioner/dr-a' },
    };
    const signature: fhir.Provenance = {
      resourceType: 'Provenance',
      id: 'sig-1',
      target: [{ reference: 'CarePlan/plan-1' }],
      recorded: '2026-11-01T10:00:00Z',
      agent: [{ who: { reference: 'Practitioner/dr-a' } }],
    };
    const asked: string[] = [];
    server.use(
      ...scriptedFhir(
        record({
          CarePlan: () => ({ status: 200, body: searchset([plan]) }),
          Provenance: (url) => {
            asked.push(url.searchParams.get('target') ?? '');
            return { status: 200, body: searchset([signature]) };
          },
          Practitioner: (url) => {
            asked.push(url.searchParams.get('_id') ?? '');
            return { status: 200, body: searchset([{ resourceType: 'Practitioner', id: 'dr-a' }]) };
          },
        })
      )
    );
    const { gateway, counter } = counted();

    const records = await loadPlanRecords(gateway, 'p1', WITH_BATCH);

    expect(asked.sort()).toEqual(['CarePlan/plan-1', 'dr-a']);
    expect(records.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`)).toEqual(
      expect.arrayContaining(['CarePlan/plan-1', 'Provenance/sig-1', 'Practitioner/dr-a'])
    );
    expect(counter.count).toEqual({ requests: 2, roundTrips: 2 });
  });

  test('a server that requires a category gets one search per required category', async () => {
    const seen: string[] = [];
    server.use(
      ...scriptedFhir(
        record({
          Condition: (url) => {
            const category = url.searchParams.get('category');
            seen.push(category ?? 'none');
            return category
              ? {
                  status: 200,
                  body: searchset([{ resourceType: 'Condition', id: category, subject: { reference: 'Patient/p1' } }]),
                }
              : { status: 400, body: outcome('required', 'category is required') };
          },
        })
      )
    );
    const traits: ServerTraits = {
      ...WITHOUT_BATCH,
      requiredSearchParams: { Condition: [{ category: 'problem-list-item' }, { category: 'encounter-diagnosis' }] },
    };
    const { gateway } = counted();

    const records = await loadPlanRecords(gateway, 'p1', traits);

    expect(seen.sort()).toEqual(['encounter-diagnosis', 'problem-list-item']);
    expect(
      records.resources
        .filter((r) => r.resourceType === 'Condition')
        .map((r) => r.id)
        .sort()
    ).toEqual(['encounter-diagnosis', 'problem-list-item']);
    expect(records.incomplete).toEqual([]);
  });

  test('a next link to another server is not followed, so the token stays home, and the search is reported', async () => {
    server.use(
      ...scriptedFhir(
        record({
          Goal: () => ({ status: 200, body: searchset([goal('g1')], { next: 'https://evil.example/fhir?page=2' }) }),
        })
      )
    );
    const { gateway, counter } = counted();

    const records = await loadPlanRecords(gateway, 'p1', WITHOUT_BATCH);

    expect(records.resources.map((r) => r.id)).toEqual(['g1']);
    expect(records.incomplete.map(({ search }) => search)).toEqual(['Goal']);
    expect(records.incomplete[0]?.reason).toMatch(/not on this FHIR server/);
    expect(counter.count.roundTrips).toBe(1);
  });

  test('a batch answer that is not valid JSON fails the load with a FhirError that says so', async () => {
    server.use(
      http.post(
        BASE,
        () => new HttpResponse('{"resourceType": "Bund', { headers: { 'content-type': 'application/fhir+json' } })
      )
    );
    const { gateway } = counted();

    const failure = await loadPlanRecords(gateway, 'p1', WITH_BATCH).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(FhirError);
    expect((failure as FhirError).message).toMatch(/not valid JSON/);
  });

  test('an expired token fails the load with a 401 FhirError rather than an empty plan', async () => {
    server.use(...scriptedFhir(() => ({ status: 401, body: outcome('login', 'Token expired') })));
    const { gateway } = counted();

    const failure = await loadPlanRecords(gateway, 'p1', WITHOUT_BATCH).catch((error: unknown) => error);

    expect(failure).toMatchObject({ name: 'FhirError', status: 401 });
  });
});
