import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import type { FhirService } from '../../src/sandbox/fhir/fhir-service.ts';
import { createFhirService } from '../../src/sandbox/fhir/fhir-service.ts';
import { examplePlans } from '../../src/sandbox/seed/example-plans.ts';
import { sandboxRecords } from '../../src/sandbox/seed/sandbox-seed.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { examplesDir, exampleFileName } from '../../tools/examples/example-output.ts';
import { EXAMPLES, currentPlan } from '../../tools/examples/plans/example-plans.ts';
import { COUNTED_TYPES } from './support/exchange-servers.ts';

const BASE = 'http://localhost/fhir';

function bundleOf(client: string): fhir.Bundle {
  return JSON.parse(readFileSync(join(examplesDir, exampleFileName(client)), 'utf8')) as fhir.Bundle;
}

async function request(service: FhirService, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await service.handle(
    {
      method,
      url: new URL(`${BASE}${path}`),
      headers: { 'content-type': 'application/fhir+json' },
      body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
    },
    undefined
  );
  const parsed = JSON.parse(String(response.body ?? '{}')) as unknown;
  if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

const post = async (service: FhirService, bundle: fhir.Bundle): Promise<fhir.Bundle> =>
  (await request(service, 'POST', '', bundle)) as fhir.Bundle;

/** How many resources of each type the service holds. */
async function census(service: FhirService): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of COUNTED_TYPES) {
    counts[type] = ((await request(service, 'GET', `/${type}?_summary=count`)) as fhir.Bundle).total ?? -1;
  }
  return counts;
}

/** Every resource the service holds of the counted types. */
async function everything(service: FhirService): Promise<fhir.FhirResource[]> {
  const all: fhir.FhirResource[] = [];
  for (const type of COUNTED_TYPES) {
    const page = (await request(service, 'GET', `/${type}?_count=1000`)) as fhir.Bundle<fhir.FhirResource>;
    all.push(...(page.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])));
  }
  return all;
}

/** `value` with every `reference` removed (server ids differ from server to server). */
function withoutReferences(value: TreatmentPlan): unknown {
  return JSON.parse(JSON.stringify(value), (key, item: unknown) => (key === 'reference' ? undefined : item)) as unknown;
}

const clients = EXAMPLES.map((e) => e.client);

describe.each(clients)('the %s example Bundle in an empty sandbox FHIR service', (client) => {
  it('loads as one transaction and reads back as the plan it was built from', async () => {
    const service = await createFhirService({ seed: false });
    const bundle = bundleOf(client);
    const example = EXAMPLES.find((e) => e.client === client);
    if (!example) throw new Error(client);

    const response = await post(service, bundle);

    expect(response.type).toBe('transaction-response');
    expect(response.entry?.map((e) => e.response?.status)).toEqual(bundle.entry?.map(() => '201'));
    const plan = currentPlan(example);
    const reading = planFromFhir(await everything(service), { planId: plan.id });
    expect(withoutReferences(reading.plan)).toEqual(withoutReferences(plan));
    expect(reading.plan.client.reference).toMatch(/^Patient\/[A-Za-z0-9\-.]+$/);
    await service.close();
  });

  it('creates nothing new when it is loaded a second time', async () => {
    const service = await createFhirService({ seed: false });
    const bundle = bundleOf(client);
    await post(service, bundle);
    const before = await census(service);

    const again = await post(service, bundle);

    expect(await census(service)).toEqual(before);
    expect(again.entry?.map((e) => e.response?.status)).toEqual(bundle.entry?.map(() => '200'));
    await service.close();
  });
});

describe('the default sandbox seed', () => {
  it('lists each of the four clients once and holds their example plans under readable ids', async () => {
    const service = await createFhirService();

    const patients = await service.listPatients();
    expect(patients.map((p) => p.id).sort()).toEqual([...clients].sort());
    for (const example of EXAMPLES) {
      const plans = (await request(service, 'GET', `/CarePlan?patient=${example.client}`)) as fhir.Bundle;
      expect(plans.total, example.client).toBe(example.plans.length);
      for (const plan of example.plans) {
        const found = await service.readResource<fhir.CarePlan>('CarePlan', plan.id);
        expect(found?.status).toBe(plan.status);
      }
    }
    expect(await service.readResource<fhir.Goal>('Goal', 'gs-goal-mood')).toMatchObject({
      subject: { reference: 'Patient/george-smith' },
    });
    await service.close();
  });

  it('reads each current plan back exactly as written, John Doe’s birth date aside', async () => {
    const service = await createFhirService();
    const all = await everything(service);

    for (const example of EXAMPLES) {
      const plan = currentPlan(example);
      const reading = planFromFhir(all, { planId: plan.id });
      // The sandbox keeps John Doe 17 whatever the date; the example fixes his birth date.
      const withoutBirthDate = (p: TreatmentPlan): TreatmentPlan => ({ ...p, client: { ...p.client, birthDate: '' } });
      expect(withoutBirthDate(reading.plan)).toEqual(withoutBirthDate(plan));
    }
    await service.close();
  });

  it('takes the committed example Bundles on top without duplicating anyone or anything', async () => {
    const service = await createFhirService();
    const before = await census(service);

    for (const client of clients) await post(service, bundleOf(client));

    expect(await census(service)).toEqual(before);
    expect((await service.listPatients()).map((p) => p.id).sort()).toEqual([...clients].sort());
    await service.close();
  });

  it('is what the sandbox seed module gives: its own records, then the four plans', () => {
    const records = sandboxRecords(new Date('2026-11-27T12:00:00Z'));
    const plans = examplePlans(records);

    expect(plans).toHaveLength(4);
    expect(plans.every((b) => b.entry?.every((e) => e.request?.method === 'PUT'))).toBe(true);
  });
});
