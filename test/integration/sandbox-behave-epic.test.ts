/**
 * `--behave epic`: what an app meets on an Epic-like server, over HTTP: plan resources read-only (403 with an
 * OperationOutcome), Condition / DocumentReference / some Observation creates, no batch or transaction, CarePlan
 * and Condition searches that need a category, Epic-shaped CarePlans in the seed, and a SMART side (scopes, grant,
 * no refresh token) that agrees with the CapabilityStatement.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  bundleOf,
  capabilityStatementOf,
  idsIn,
  newCarePlan,
  newProblem,
  outcomeOf,
  planNote,
  resourceOf,
  smartConfigurationOf,
  startBehaveSession,
  type BehaveSession,
} from './support/behave-fixture.ts';

let session: BehaveSession;

beforeAll(async () => {
  session = await startBehaveSession({ behave: 'epic' });
});

afterAll(async () => {
  await session.close();
});

describe('the CapabilityStatement of an Epic-like sandbox', () => {
  test('offers no batch or transaction and only read and search on plan resources', async () => {
    const statement = await capabilityStatementOf(session.sandbox);
    expect(statement.rest?.[0]?.interaction ?? []).toEqual([]);
    for (const type of ['CarePlan', 'Goal', 'Consent', 'ServiceRequest', 'Provenance']) {
      expect(resourceOf(statement, type).interaction?.map((i) => i.code)).toEqual(['read', 'search-type']);
    }
    for (const type of ['Condition', 'DocumentReference', 'Observation']) {
      expect(resourceOf(statement, type).interaction?.map((i) => i.code)).toEqual(['read', 'search-type', 'create']);
      expect(resourceOf(statement, type).conditionalCreate).toBe(false);
    }
  });

  test('says that CarePlan searches need a category and lists only the Provenance revinclude', async () => {
    const carePlan = resourceOf(await capabilityStatementOf(session.sandbox), 'CarePlan');
    expect(carePlan.documentation).toContain('category');
    expect(carePlan.searchParam?.find((p) => p.name === 'category')?.documentation).toContain('38717003');
    expect(carePlan.searchInclude).toEqual([]);
    expect(carePlan.searchRevInclude).toEqual(['Provenance:target']);
  });
});

describe('the SMART side of an Epic-like sandbox', () => {
  test('lists scopes that match the interactions offered and no refresh capability', async () => {
    const config = await smartConfigurationOf(session.sandbox);
    const scopes = config['scopes_supported'] as string[];
    expect(scopes).toEqual(
      expect.arrayContaining(['patient/CarePlan.rs', 'patient/Condition.crs', 'patient/Goal.read'])
    );
    expect(scopes).not.toContain('patient/CarePlan.cruds');
    expect(scopes).not.toContain('patient/Goal.write');
    expect(scopes).not.toContain('offline_access');
    expect(config['capabilities']).not.toContain('permission-offline');
    expect(config['capabilities']).not.toContain('permission-online');
  });

  test('grants the write scopes only where writes are offered, and no refresh token', () => {
    const granted = session.grantedScope.split(' ');
    expect(granted).toEqual(
      expect.arrayContaining([
        'patient/CarePlan.rs',
        'patient/Goal.rs',
        'patient/Condition.crs',
        'patient/DocumentReference.crs',
      ])
    );
    expect(
      granted.filter((scope) => /^patient\/(CarePlan|Goal|Consent|ServiceRequest|Provenance)\.c/.test(scope))
    ).toEqual([]);
    expect(session.refreshToken).toBeUndefined();
  });
});

describe('plan resources on an Epic-like sandbox', () => {
  test.each(['CarePlan', 'Goal', 'Consent', 'ServiceRequest', 'Provenance'])(
    'a %s create is refused with 403 and an OperationOutcome that says why',
    async (type) => {
      const response = await session.fhir('POST', type, type === 'CarePlan' ? newCarePlan() : { resourceType: type });
      expect(response.status).toBe(403);
      const outcome = await outcomeOf(response);
      expect(outcome.issue[0]?.code).toBe('forbidden');
      // The server's own refusal (not a scope check): it names the interaction and the kind of server.
      expect(outcome.issue[0]?.diagnostics).toBe(`This server does not let apps create ${type} resources (Epic-like).`);
    }
  );

  test('an update of a stored CarePlan is refused with 403 and the plan is unchanged', async () => {
    const search = await bundleOf(await session.fhir('GET', 'CarePlan?patient=george-smith&category=assess-plan'));
    const plan = search.entry?.[0]?.resource as fhir.CarePlan;
    const response = await session.fhir('PUT', `CarePlan/${plan.id ?? ''}`, { ...plan, title: 'Changed by an app' });
    expect(response.status).toBe(403);
    const after = (await (await session.fhir('GET', `CarePlan/${plan.id ?? ''}`)).json()) as fhir.CarePlan;
    expect(after.title).toBe(plan.title);
    expect(after.meta?.versionId).toBe(plan.meta?.versionId);
  });

  test.each(['batch', 'transaction'] as const)('a %s Bundle is refused and writes nothing', async (type) => {
    const before = await bundleOf(
      await session.fhir('GET', 'Condition?patient=george-smith&category=problem-list-item')
    );
    const bundle: fhir.Bundle = {
      resourceType: 'Bundle',
      type,
      entry: [{ resource: newProblem(), request: { method: 'POST', url: 'Condition' } }],
    };
    const response = await session.fhir('POST', '', bundle);
    expect(response.status).toBe(403);
    expect((await outcomeOf(response)).issue[0]?.diagnostics).toContain(`${type} Bundles`);
    const after = await bundleOf(
      await session.fhir('GET', 'Condition?patient=george-smith&category=problem-list-item')
    );
    expect(after.total).toBe(before.total);
  });
});

describe('searches on an Epic-like sandbox', () => {
  test('a CarePlan search without a category is refused with 400 and an OperationOutcome', async () => {
    const response = await session.fhir('GET', 'CarePlan?patient=george-smith');
    expect(response.status).toBe(400);
    const outcome = await outcomeOf(response);
    expect(outcome.issue[0]?.code).toBe('required');
    expect(outcome.issue[0]?.diagnostics).toContain('category');
  });

  test('a Condition search without a category is refused; with one it answers', async () => {
    expect((await session.fhir('GET', 'Condition?patient=george-smith')).status).toBe(400);
    const found = await bundleOf(
      await session.fhir('GET', 'Condition?patient=george-smith&category=problem-list-item')
    );
    expect(idsIn(found)).toContain('george-smith-depression');
  });

  test('a CarePlan category Epic does not know is refused with 400', async () => {
    const response = await session.fhir(
      'GET',
      'CarePlan?patient=george-smith&category=http://snomed.info/sct|718347000'
    );
    expect(response.status).toBe(400);
    expect((await outcomeOf(response)).issue[0]?.code).toBe('value');
  });

  test('an _include is refused with 400, a Provenance revinclude is followed', async () => {
    const include = await session.fhir(
      'GET',
      'CarePlan?patient=george-smith&category=assess-plan&_include=CarePlan:goal'
    );
    expect(include.status).toBe(400);
    const revinclude = await session.fhir(
      'GET',
      'CarePlan?patient=george-smith&category=assess-plan&_revinclude=Provenance:target'
    );
    expect(revinclude.status).toBe(200);
  });
});

describe("Epic's own CarePlans in the seed", () => {
  test("the encounter-level plan carries its activities inline and points at this week's visit", async () => {
    const found = await bundleOf(await session.fhir('GET', 'CarePlan?patient=george-smith&category=734163000'));
    const plans = (found.entry ?? []).map((e) => e.resource as fhir.CarePlan);
    expect(plans.map((p) => p.id)).toEqual(['epic-encounter-plan-george-smith']);
    const [plan] = plans;
    expect(plan?.encounter?.reference).toBe('Encounter/george-smith-visit-2026-11-30');
    expect(plan?.activity?.length).toBeGreaterThan(0);
    expect(plan?.activity?.every((a) => a.detail !== undefined && a.reference === undefined)).toBe(true);
  });

  test('the longitudinal category finds the proposal plan', async () => {
    const found = await bundleOf(await session.fhir('GET', 'CarePlan?patient=george-smith&category=38717003'));
    const [plan] = (found.entry ?? []).map((e) => e.resource as fhir.CarePlan);
    expect(plan).toMatchObject({ id: 'epic-proposal-george-smith', intent: 'proposal', status: 'draft' });
  });

  test('the example plans written by the app are still there to read (assess-plan)', async () => {
    const found = await bundleOf(await session.fhir('GET', 'CarePlan?patient=george-smith&category=assess-plan'));
    expect(found.total).toBeGreaterThan(0);
    // Epic returns what it holds; the interventions of the migrated plan are still referenced.
    const plans = (found.entry ?? []).map((e) => e.resource as fhir.CarePlan);
    expect(plans.some((plan) => plan.activity?.some((activity) => activity.reference !== undefined))).toBe(true);
  });
});

describe('what an Epic-like sandbox lets an app write', () => {
  test('a problem-list Condition is created and answered with its body', async () => {
    const response = await session.fhir('POST', 'Condition', newProblem());
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(/\/Condition\/[^/]+\/_history\/[^/]+$/);
    expect((await response.json()) as fhir.Condition).toMatchObject({
      resourceType: 'Condition',
      code: { text: 'Insomnia' },
    });
  });

  test('a Condition without a category Epic accepts is refused with 422', async () => {
    const response = await session.fhir('POST', 'Condition', newProblem('problem-list-item-unknown'));
    expect(response.status).toBe(422);
    expect((await outcomeOf(response)).issue[0]).toMatchObject({
      code: 'business-rule',
      expression: ['Condition.category'],
    });
  });

  test('a plan-of-care note is created', async () => {
    const response = await session.fhir('POST', 'DocumentReference', planNote('application/pdf'));
    expect(response.status).toBe(201);
  });

  test('a survey score is created, a laboratory result is not', async () => {
    const score = (category: string): fhir.Observation => ({
      resourceType: 'Observation',
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: { reference: 'Patient/george-smith' },
      valueQuantity: { value: 9 },
    });
    expect((await session.fhir('POST', 'Observation', score('survey'))).status).toBe(201);
    expect((await session.fhir('POST', 'Observation', score('laboratory'))).status).toBe(422);
  });

  test('If-None-Exist is ignored (no conditional create), so a retry duplicates', async () => {
    const problem = {
      ...newProblem('problem-list-item', 'Nightmares'),
      identifier: [{ system: 'urn:example', value: 'n-1' }],
    };
    const headers = { 'If-None-Exist': 'identifier=urn:example|n-1' };
    const first = (await (await session.fhir('POST', 'Condition', problem, headers)).json()) as fhir.Condition;
    const second = (await (await session.fhir('POST', 'Condition', problem, headers)).json()) as fhir.Condition;
    expect(second.id).not.toBe(first.id);
  });
});

describe('the Epic-like home page', () => {
  test('says which behaviour is active', async () => {
    const html = await (await fetch(session.sandbox.homeUrl)).text();
    expect(html).toContain('Epic-like');
    expect(html).toContain('--behave epic');
  });
});
