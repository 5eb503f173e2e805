/**
 * Reading a client's plan records from servers that insist on search parameters and follow no `_include`: the
 * sandbox behaving like Epic and like Oracle Health answers 400 to a CarePlan (and, Epic, Condition) search
 * without a category, and brings no referenced practitioners or places along. The loader runs one search per
 * required variant and fetches what the plans cite in one extra wave. Round trips are counted at `fetch`.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import type { ServerTraits } from '../../src/fhir/server-traits.ts';
import { serverProfile } from '../../src/fhir/server-profile.ts';
import { smartConfigurationFromJson } from '../../src/smart/smart-configuration.ts';
import { appScope, smartConfigurationOf } from './support/behave-fixture.ts';
import { launchCountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const GEORGE = 'george-smith';

/** Built by hand here; the vendor rules table (issue 5 §1) fills the same field at launch. */
const EPIC_REQUIRED: ServerTraits['requiredSearchParams'] = {
  CarePlan: ['38717003', '734163000', '736271009', 'assess-plan'].map((category) => ({ category })),
  Condition: ['problem-list-item', 'encounter-diagnosis', 'health-concern'].map((category) => ({ category })),
};
const ORACLE_REQUIRED: ServerTraits['requiredSearchParams'] = { CarePlan: [{ category: 'assess-plan' }] };

function ofType<T extends fhir.FhirResource>(resources: readonly fhir.FhirResource[], type: T['resourceType']): T[] {
  return resources.filter((resource): resource is T => resource.resourceType === type);
}

function codesOf(concepts: readonly fhir.CodeableConcept[] | undefined): string[] {
  return (concepts ?? []).flatMap((concept) => (concept.coding ?? []).map((coding) => coding.code ?? ''));
}

describe.each([
  { behave: 'epic' as const, required: EPIC_REQUIRED, refused: ['CarePlan', 'Condition'] },
  { behave: 'oracle' as const, required: ORACLE_REQUIRED, refused: ['CarePlan'] },
])('reading from the sandbox behaving like $behave', ({ behave, required, refused }) => {
  let sandbox: TestSandbox;
  let open: TestSandbox;

  beforeAll(async () => {
    [sandbox, open] = await Promise.all([startTestSandbox({ behave }), startTestSandbox({ behave: 'open' })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([sandbox.close(), open.close()]);
  });

  test('without the required parameters the plan searches are refused and reported, not shown as empty', async () => {
    const { gateway, traits } = await launchCountedGateway(sandbox, GEORGE, await appScope(sandbox));
    expect(traits.requiredSearchParams).toEqual({});

    const records = await loadPlanRecords(gateway, GEORGE, traits);

    expect(records.incomplete.map(({ search, status }) => ({ search, status }))).toEqual(
      refused.map((search) => ({ search, status: 400 }))
    );
    expect(ofType(records.resources, 'CarePlan')).toEqual([]);
  });

  test('with them, every plan and problem arrives and nothing is reported missing', async () => {
    const { gateway, traits } = await launchCountedGateway(sandbox, GEORGE, await appScope(sandbox));
    const reference = await launchCountedGateway(open, GEORGE, await appScope(open));

    const records = await loadPlanRecords(gateway, GEORGE, { ...traits, requiredSearchParams: required });
    const everything = await loadPlanRecords(reference.gateway, GEORGE, reference.traits);

    expect(records.incomplete).toEqual([]);
    const ids = (type: string, from: readonly fhir.FhirResource[]): string[] =>
      from
        .filter((r) => r.resourceType === type)
        .map((r) => r.id ?? '')
        .sort();
    // The server's own plans come only under their own categories: each asked once, each kept once.
    const plans = ofType<fhir.CarePlan>(records.resources, 'CarePlan');
    expect(new Set(plans.map((plan) => plan.id)).size).toBe(plans.length);
    for (const plan of ofType<fhir.CarePlan>(everything.resources, 'CarePlan')) {
      const categories = codesOf(plan.category);
      const askable = (required['CarePlan'] ?? []).some((variant) => categories.includes(String(variant['category'])));
      expect(plans.some((p) => p.id === plan.id)).toBe(askable);
    }
    expect(plans.length).toBeGreaterThan(0);
    expect(ids('Condition', records.resources)).toEqual(ids('Condition', everything.resources));
    expect(ids('Goal', records.resources)).toEqual(ids('Goal', everything.resources));
  });

  test('the server profile computed at launch carries the parameters, so no search is refused', async () => {
    const { gateway, traits } = await launchCountedGateway(sandbox, GEORGE, await appScope(sandbox));
    const statement = (await gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' })).body;
    const profile = serverProfile({
      smartConfiguration: smartConfigurationFromJson(await smartConfigurationOf(sandbox)),
      capabilityStatement: statement,
      grantedScope: undefined,
    });
    expect(Object.keys(profile.requiredSearchParams).sort()).toEqual(Object.keys(required).sort());
    expect(traits.requiredSearchParams).toEqual({});

    const records = await loadPlanRecords(gateway, GEORGE, profile);

    expect(records.incomplete.filter((entry) => entry.withheld !== true)).toEqual([]);
    expect(ofType(records.resources, 'CarePlan').length).toBeGreaterThan(0);
    expect(ofType(records.resources, 'Condition').length).toBeGreaterThan(0);
  });

  test('brings the practitioners and places the records cite in one extra wave, as no _include works here', async () => {
    const { gateway, counter, traits } = await launchCountedGateway(sandbox, GEORGE, await appScope(sandbox));
    expect(Object.values(traits.types ?? {}).flatMap((type) => type.searchInclude)).toEqual([]);

    const sent: string[] = [];
    const recording: FhirGateway = {
      ...gateway,
      request: (request) => {
        sent.push(request.url);
        return gateway.request(request);
      },
    };

    const records = await loadPlanRecords(recording, GEORGE, { ...traits, requiredSearchParams: required });

    expect(sent.filter((url) => url.includes('_include'))).toEqual([]);
    expect(records.incomplete).toEqual([]);
    expect(ofType(records.resources, 'Practitioner').map((p) => p.id)).toContain('sandbox-practitioner');
    expect(ofType(records.resources, 'Location').length).toBeGreaterThan(0);
    expect(ofType(records.resources, 'Encounter').length).toBeGreaterThan(0);
    // Round trip 1: every search; round trip 2: the people and places they cite (and signatures, unless
    // _revinclude brought them). No third.
    expect(counter.count.roundTrips).toBe(2);
    expect({ requests: records.requests, roundTrips: records.roundTrips }).toEqual(counter.count);
  });
});
