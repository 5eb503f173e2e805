import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { identifierInQuery } from '../../src/sandbox/seed/example-plans.ts';
import { staleFiles } from '../../tools/profiles/generated-output.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { exampleRecords } from '../../tools/examples/example-bundle.ts';
import { exampleFileName, readCommittedExamples, renderExamples } from '../../tools/examples/example-output.ts';
import { EXAMPLES, currentPlan } from '../../tools/examples/plans/example-plans.ts';

let definitions: ConformanceDefinitions;
let committed: Map<string, string>;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
  committed = await readCommittedExamples();
});

function committedBundle(client: string): fhir.Bundle {
  const text = committed.get(exampleFileName(client));
  if (text === undefined) throw new Error(`fhir-profiles/examples has no Bundle for ${client}; run npm run examples`);
  return JSON.parse(text) as fhir.Bundle;
}

/** The EHR's address (`Patient/george-smith`) of each record the Bundle creates conditionally, by its full URL. */
function recordAddresses(bundle: fhir.Bundle): Map<string, string> {
  const records = exampleRecords();
  const addresses = new Map<string, string>();
  for (const entry of bundle.entry ?? []) {
    const token = identifierInQuery(entry.request?.ifNoneExist);
    if (token === undefined) continue;
    const record = records.find(
      (r) =>
        r.resourceType === entry.resource?.resourceType &&
        (r as { identifier?: fhir.Identifier[] }).identifier?.some(
          (i) => i.system === token.system && i.value === token.value
        )
    );
    if (record && entry.fullUrl) addresses.set(entry.fullUrl, `${record.resourceType}/${record.id ?? ''}`);
  }
  return addresses;
}

/** `value` with each string that is a key of `replacements` replaced (references read from the Bundle). */
function replaced<T>(value: T, replacements: ReadonlyMap<string, string>): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? (replacements.get(item) ?? item) : item
  ) as T;
}

const clients = EXAMPLES.map((example) => example.client);

describe('the committed example Bundles', () => {
  it('match a fresh build of the example plans (run `npm run examples` when this fails)', () => {
    expect(staleFiles(renderExamples(), committed)).toEqual([]);
  });

  it('are one transaction Bundle per client of the guide', () => {
    expect([...committed.keys()].sort()).toEqual(clients.map(exampleFileName).sort());
    for (const client of clients) {
      expect(committedBundle(client)).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
    }
  });

  it.each(clients)('for %s validate with no errors against R4 and every profile their resources claim', (client) => {
    const bundle = committedBundle(client);

    const errors = checkConformance(bundle, definitions).filter((issue) => issue.severity === 'error');

    expect(errors).toEqual([]);
    const claimed = (bundle.entry ?? []).flatMap((e) => e.resource?.meta?.profile ?? []);
    expect(claimed.length).toBeGreaterThan(20);
    expect(claimed.every((url) => definitions.profiles.has(url))).toBe(true);
  });

  it.each(clients)('for %s create every record conditionally, with a urn:uuid full URL and no id', (client) => {
    for (const entry of committedBundle(client).entry ?? []) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(entry.request?.method).toBe('POST');
      expect(entry.request?.ifNoneExist).toMatch(/=/);
      expect(entry.resource?.id).toBeUndefined();
    }
  });

  it.each(clients)('for %s refer only to records inside the Bundle', (client) => {
    const bundle = committedBundle(client);
    const fullUrls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));

    const references = JSON.stringify(bundle).match(/"reference":\s*"[^"]*"/g) ?? [];
    const outside = references.map((r) => r.replace(/^"reference":\s*"|"$/g, '')).filter((r) => !fullUrls.has(r));

    expect(outside).toEqual([]);
  });

  it.each(clients)('for %s bring the client, the clinician and her NUCC specialty along', (client) => {
    const resources = (committedBundle(client).entry ?? []).map((e) => e.resource);
    const patient = resources.find((r): r is fhir.Patient => r?.resourceType === 'Patient');
    const role = resources.find((r): r is fhir.PractitionerRole => r?.resourceType === 'PractitionerRole');

    expect(resources.filter((r) => r?.resourceType === 'Patient')).toHaveLength(1);
    expect(patient?.identifier?.find((i) => i.type?.coding?.[0]?.code === 'MR')?.value).toMatch(/^SB-\d{6}$/);
    expect(role?.specialty?.[0]?.coding?.[0]).toMatchObject({ system: 'http://nucc.org/provider-taxonomy' });
  });
});

describe('reading an example Bundle back with planFromFhir', () => {
  it.each(clients)('gives %s’s current plan exactly as it was written, with nothing left unplaced', (client) => {
    const example = EXAMPLES.find((e) => e.client === client);
    if (!example) throw new Error(client);
    const bundle = committedBundle(client);
    const plan = currentPlan(example);

    const reading = planFromFhir([bundle], { planId: plan.id });

    expect(replaced(reading.plan, recordAddresses(bundle))).toEqual(plan);
    // What the current plan leaves over can only be records of an earlier plan (George's first), which reads them.
    const earlier = example.plans.slice(0, -1).map((p) => planFromFhir([bundle], { planId: p.id }));
    const readByEarlier = (resource: string): boolean =>
      earlier.some((r) => !r.notUnderstood.some((item) => item.resource === resource));
    expect(reading.notUnderstood.filter((item) => !readByEarlier(item.resource))).toEqual([]);
    expect(reading.notUnderstood.length > 0).toBe(earlier.length > 0);
  });

  it('gives George Smith’s first plan as completed and replaced by the revision', () => {
    const bundle = committedBundle('george-smith');
    const [initial, revised] = EXAMPLES[0]?.plans ?? [];

    const first = planFromFhir([bundle], { planId: initial?.id }).plan;
    const second = planFromFhir([bundle], { planId: revised?.id }).plan;

    expect(first.status).toBe('completed');
    expect(first.progress.outcomeSummary).toMatch(/^Review after 12 weeks/);
    expect(second.review.replaces).toBe(initial?.id);
    expect(planFromFhir([bundle]).plan.id).toBe(revised?.id);
  });
});
