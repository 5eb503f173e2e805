import type * as fhir from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirOnlyServer } from './support/fhir-only-server.ts';
import { clientResource, failureOf, fhirClient, outcomeOf, startFhirOnlyServer } from './support/fhir-only-server.ts';

let server: FhirOnlyServer;
let client: Client;
let planId: string;
let goalIds: string[];

const OBSERVATION_COUNT = 120;

beforeAll(async () => {
  // The EHR's own records without the example plans, so counts of goals and conditions are known.
  server = await startFhirOnlyServer({ seed: 'records' });
  client = fhirClient(server.baseUrl);
  const entry: fhir.BundleEntry<fhir.FhirResource>[] = Array.from({ length: OBSERVATION_COUNT }, (_, i) => ({
    resource: {
      resourceType: 'Observation',
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: { reference: 'Patient/robert-johnson' },
      effectiveDateTime: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      valueQuantity: { value: i % 27, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
    },
    request: { method: 'POST', url: 'Observation' },
  }));
  await post({ resourceType: 'Bundle', type: 'batch', entry });

  const goals = await Promise.all(
    ['Fewer panic attacks', 'Return to work'].map((text) =>
      client.create<fhir.Goal>(
        clientResource({
          resourceType: 'Goal',
          lifecycleStatus: 'active',
          description: { text },
          subject: { reference: 'Patient/robert-johnson' },
          addresses: [{ reference: 'Condition/robert-johnson-anxiety' }],
        })
      )
    )
  );
  goalIds = goals.map((g) => String(g.id));
  const plan = await client.create<fhir.CarePlan>(
    clientResource({
      resourceType: 'CarePlan',
      status: 'active',
      intent: 'plan',
      subject: { reference: 'Patient/robert-johnson' },
      goal: goalIds.map((id) => ({ reference: `Goal/${id}` })),
    })
  );
  planId = String(plan.id);
});

afterAll(async () => {
  await server.close();
});

function post(bundle: fhir.Bundle<fhir.FhirResource>): Promise<fhir.Bundle> {
  return client.request({
    url: '',
    method: 'POST',
    body: JSON.stringify(bundle),
    headers: { 'Content-Type': 'application/fhir+json' },
  });
}

function ids(bundle: fhir.Bundle, mode?: 'match' | 'include'): string[] {
  return (bundle.entry ?? [])
    .filter((e) => mode === undefined || e.search?.mode === mode)
    .map((e) => `${e.resource?.resourceType}/${e.resource?.id}`)
    .sort();
}

describe('paging', () => {
  it('returns every match exactly once when fhirclient follows the next links', async () => {
    const observations = await client.request<fhir.Observation[]>(
      'Observation?patient=robert-johnson&code=http://loinc.org|44261-6&_count=50',
      {
        pageLimit: 0,
        flat: true,
      }
    );

    expect(observations).toHaveLength(OBSERVATION_COUNT);
    expect(new Set(observations.map((o) => o.id)).size).toBe(OBSERVATION_COUNT);
  });

  it('links pages with absolute URLs on the base that keep the search parameters', async () => {
    const first = await client.request<fhir.Bundle>(
      'Observation?patient=robert-johnson&code=http://loinc.org|44261-6&_count=50'
    );
    const next = first.link?.find((l) => l.relation === 'next')?.url ?? '';
    const second = await client.request<fhir.Bundle>(next);
    const third = await client.request<fhir.Bundle>(second.link?.find((l) => l.relation === 'next')?.url ?? '');

    expect(first.total).toBe(OBSERVATION_COUNT);
    expect(first.entry).toHaveLength(50);
    expect(next.startsWith(`${server.baseUrl}/Observation?`)).toBe(true);
    expect(new URL(next).searchParams.get('patient')).toBe('robert-johnson');
    expect(new URL(next).searchParams.get('code')).toBe('http://loinc.org|44261-6');
    expect(second.link?.find((l) => l.relation === 'previous')).toBeDefined();
    expect(third.entry).toHaveLength(20);
    expect(third.link?.find((l) => l.relation === 'next')).toBeUndefined();
  });

  it('pages by 50 when the client does not say', async () => {
    const page = await client.request<fhir.Bundle>('Observation?patient=robert-johnson');

    expect(page.entry).toHaveLength(50);
    expect(page.entry?.[0]?.fullUrl).toMatch(new RegExp(`^${server.baseUrl}/Observation/`));
  });
});

describe('reference parameters', () => {
  it('find the same resources by a bare id as by Type/id', async () => {
    for (const param of ['patient', 'subject']) {
      const bare = await client.request<fhir.Bundle>(`Goal?${param}=robert-johnson`);
      const typed = await client.request<fhir.Bundle>(`Goal?${param}=Patient/robert-johnson`);

      expect(ids(bare)).toEqual(goalIds.map((id) => `Goal/${id}`).sort());
      expect(ids(typed)).toEqual(ids(bare));
    }
  });

  it('find conditions by a bare subject id although Condition.subject may also be a Group', async () => {
    const bare = await client.request<fhir.Bundle>('Condition?subject=robert-johnson');

    expect(ids(bare)).toEqual(['Condition/robert-johnson-anxiety']);
  });
});

describe('_include and _revinclude', () => {
  it('include the goals a care plan points at', async () => {
    const bundle = await client.request<fhir.Bundle>(`CarePlan?_id=${planId}&_include=CarePlan:goal`);

    expect(ids(bundle, 'match')).toEqual([`CarePlan/${planId}`]);
    expect(ids(bundle, 'include')).toEqual(goalIds.map((id) => `Goal/${id}`).sort());
  });

  it('reverse-include the care plan that points at a goal, and iterate from it to its other goals', async () => {
    const [first, second] = goalIds;
    const bundle = await client.request<fhir.Bundle>(
      `Goal?_id=${first}&_revinclude=CarePlan:goal&_include:iterate=CarePlan:goal`
    );

    expect(ids(bundle, 'match')).toEqual([`Goal/${first}`]);
    expect(ids(bundle, 'include')).toEqual([`CarePlan/${planId}`, `Goal/${second}`]);
  });
});

describe('search parameter errors', () => {
  it('refuses an unknown parameter with 400 instead of matching nothing', async () => {
    const failure = await failureOf(client.request('Goal?patient=robert-johnson&colour=blue'));

    expect(failure).toMatchObject({ status: 400 });
    expect(outcomeOf(failure).issue[0]?.diagnostics).toMatch(/colour/);
  });

  it('ignores an unknown parameter when the client prefers lenient handling', async () => {
    const bundle = await client.request<fhir.Bundle>({
      url: 'Goal?patient=robert-johnson&colour=blue',
      headers: { Prefer: 'handling=lenient' },
    });

    expect(ids(bundle)).toHaveLength(2);
    expect(bundle.link?.find((l) => l.relation === 'self')?.url).not.toMatch(/colour/);
  });
});
