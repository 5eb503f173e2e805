/**
 * `--behave oracle`: what an app meets on an Oracle Health-like server, over HTTP: plan resources read-only (405
 * with Allow and an OperationOutcome), creates answered 201 with an empty body and a Location, 409 on a stale
 * version, no batch or transaction, CarePlan searches that need category=assess-plan, an assess-plan CarePlan
 * without activities in the seed, and scopes trimmed silently (wildcards dropped).
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
  tokenFor,
  type BehaveSession,
} from './support/behave-fixture.ts';

let session: BehaveSession;

beforeAll(async () => {
  session = await startBehaveSession({ behave: 'oracle' });
});

afterAll(async () => {
  await session.close();
});

/** Creates a resource and reads it back through the Location header of the empty 201. */
async function createAndFollow<T extends fhir.Resource>(resource: T): Promise<{ created: Response; stored: T }> {
  const created = await session.fhir('POST', resource.resourceType, resource);
  const location = created.headers.get('location') ?? '';
  const path = location.slice(session.sandbox.fhirBaseUrl.length + 1).replace(/\/_history\/.*$/, '');
  const stored = (await (await session.fhir('GET', path)).json()) as T;
  return { created, stored };
}

describe('the CapabilityStatement of an Oracle Health-like sandbox', () => {
  test('offers no batch or transaction, read-only plan resources and DocumentReference updates', async () => {
    const statement = await capabilityStatementOf(session.sandbox);
    expect(statement.rest?.[0]?.interaction ?? []).toEqual([]);
    for (const type of ['CarePlan', 'Goal', 'Consent', 'ServiceRequest', 'Provenance', 'Observation']) {
      expect(resourceOf(statement, type).interaction?.map((i) => i.code)).toEqual(['read', 'search-type']);
    }
    expect(resourceOf(statement, 'Condition').interaction?.map((i) => i.code)).toEqual([
      'read',
      'search-type',
      'create',
    ]);
    const documents = resourceOf(statement, 'DocumentReference');
    expect(documents.interaction?.map((i) => i.code)).toEqual(['read', 'search-type', 'create', 'update']);
    expect(documents).toMatchObject({ versioning: 'versioned-update', updateCreate: false, conditionalUpdate: false });
  });

  test('says that CarePlan searches need category and accept only assess-plan', async () => {
    const carePlan = resourceOf(await capabilityStatementOf(session.sandbox), 'CarePlan');
    expect(carePlan.searchParam?.find((p) => p.name === 'category')?.documentation).toContain('Only assess-plan');
  });
});

describe('the SMART side of an Oracle Health-like sandbox', () => {
  test('advertises online access only and no wildcard scopes', async () => {
    const config = await smartConfigurationOf(session.sandbox);
    expect(config['capabilities']).toContain('permission-online');
    expect(config['capabilities']).not.toContain('permission-offline');
    const scopes = config['scopes_supported'] as string[];
    expect(scopes).toContain('patient/DocumentReference.crus');
    expect(scopes.filter((scope) => scope.includes('/*.'))).toEqual([]);
  });

  test('silently drops wildcard scopes, write permissions on read-only types and offline_access', async () => {
    const token = await tokenFor(
      session.sandbox,
      'launch openid fhirUser online_access offline_access patient/*.rs patient/CarePlan.cruds patient/Condition.cruds'
    );
    const granted = (token.scope ?? '').split(' ');
    expect(granted).toEqual(
      expect.arrayContaining(['launch', 'online_access', 'patient/CarePlan.rs', 'patient/Condition.crs'])
    );
    expect(granted).not.toContain('offline_access');
    expect(granted).not.toContain('patient/*.rs');
    expect(granted.filter((scope) => scope.startsWith('patient/CarePlan.c'))).toEqual([]);
    expect(token.refresh_token).toBeDefined();
  });
});

describe('plan resources on an Oracle Health-like sandbox', () => {
  test.each(['CarePlan', 'Goal', 'Consent', 'ServiceRequest', 'Provenance'])(
    'a %s create is refused with 405, an Allow header and an OperationOutcome',
    async (type) => {
      const response = await session.fhir('POST', type, type === 'CarePlan' ? newCarePlan() : { resourceType: type });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      const outcome = await outcomeOf(response);
      expect(outcome.issue[0]).toMatchObject({
        code: 'not-supported',
        diagnostics: `This server does not let apps create ${type} resources (Oracle Health-like).`,
      });
    }
  );

  test.each(['batch', 'transaction'] as const)('a %s Bundle is refused with 405', async (type) => {
    const bundle: fhir.Bundle = {
      resourceType: 'Bundle',
      type,
      entry: [{ resource: newProblem(), request: { method: 'POST', url: 'Condition' } }],
    };
    const response = await session.fhir('POST', '', bundle);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('');
    expect((await outcomeOf(response)).issue[0]?.code).toBe('not-supported');
  });
});

describe('CarePlan searches on an Oracle Health-like sandbox', () => {
  test('without a category: 400 with an OperationOutcome', async () => {
    const response = await session.fhir('GET', 'CarePlan?patient=george-smith');
    expect(response.status).toBe(400);
    expect((await outcomeOf(response)).issue[0]?.code).toBe('required');
  });

  test('with a category other than assess-plan: 400', async () => {
    const response = await session.fhir('GET', 'CarePlan?patient=george-smith&category=38717003');
    expect(response.status).toBe(400);
    expect((await outcomeOf(response)).issue[0]?.diagnostics).toContain('assess-plan');
  });

  test("with category=assess-plan: Oracle's own plan without activities, and the app's example plans", async () => {
    const found = await bundleOf(await session.fhir('GET', 'CarePlan?patient=george-smith&category=assess-plan'));
    expect(idsIn(found)).toContain('oracle-assess-plan-george-smith');
    const own = found.entry?.find((e) => e.resource?.id === 'oracle-assess-plan-george-smith')
      ?.resource as fhir.CarePlan;
    expect(own.text?.div).toContain('Assessment and plan');
    expect(found.total).toBeGreaterThan(1);
    // Millennium does not return CarePlan.activity, not even of the plans the app wrote before (migrated).
    const plans = (found.entry ?? []).map((e) => e.resource as fhir.CarePlan);
    expect(plans.filter((plan) => plan.activity !== undefined)).toEqual([]);
  });

  test('a read of a migrated plan leaves out its activities too, and /metadata says so', async () => {
    const found = await bundleOf(await session.fhir('GET', 'CarePlan?patient=george-smith&category=assess-plan'));
    const migrated = found.entry?.find((e) => e.resource?.id !== 'oracle-assess-plan-george-smith')?.resource;
    const read = (await (await session.fhir('GET', `CarePlan/${migrated?.id ?? ''}`)).json()) as fhir.CarePlan;
    expect(read).toMatchObject({ resourceType: 'CarePlan', id: migrated?.id });
    expect(read.activity).toBeUndefined();
    expect(resourceOf(await capabilityStatementOf(session.sandbox), 'CarePlan').documentation).toContain(
      'Not returned: CarePlan.activity'
    );
  });

  test('by _id alone, without a category', async () => {
    const response = await session.fhir('GET', 'CarePlan?_id=oracle-assess-plan-george-smith');
    expect(idsIn(await bundleOf(response))).toEqual(['oracle-assess-plan-george-smith']);
  });
});

describe('creates on an Oracle Health-like sandbox', () => {
  test('a problem-list Condition: 201 with an empty body and a Location that reads it back', async () => {
    const { created, stored } = await createAndFollow(newProblem('problem-list-item', 'Poor sleep'));
    expect(created.status).toBe(201);
    expect(await created.text()).toBe('');
    expect(created.headers.get('location')).toMatch(/^http:\/\/localhost:\d+\/fhir\/Condition\/[^/]+/);
    expect(stored).toMatchObject({ resourceType: 'Condition', code: { text: 'Poor sleep' } });
  });

  test('the body stays empty even when the client asks for the representation', async () => {
    const response = await session.fhir('POST', 'Condition', newProblem('encounter-diagnosis'), {
      Prefer: 'return=representation',
    });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
  });

  test('a health-concern Condition is refused with 422', async () => {
    const response = await session.fhir('POST', 'Condition', newProblem('health-concern'));
    expect(response.status).toBe(422);
    expect((await outcomeOf(response)).issue[0]?.diagnostics).toContain('problem-list-item, encounter-diagnosis');
  });

  test('a note in an accepted media type is created; a Word file is refused with 422', async () => {
    expect((await session.fhir('POST', 'DocumentReference', planNote('application/xhtml+xml'))).status).toBe(201);
    const refused = await session.fhir('POST', 'DocumentReference', planNote('application/msword'));
    expect(refused.status).toBe(422);
    expect((await outcomeOf(refused)).issue[0]?.expression).toEqual([
      'DocumentReference.content[0].attachment.contentType',
    ]);
  });

  test('a score Observation is refused (no Observation writes)', async () => {
    const response = await session.fhir('POST', 'Observation', { resourceType: 'Observation' });
    expect(response.status).toBe(405);
  });
});

describe('updating a note on an Oracle Health-like sandbox', () => {
  test('a stale If-Match gets 409, a missing one 412, the current one 200', async () => {
    const { stored } = await createAndFollow(planNote('text/html'));
    const path = `DocumentReference/${stored.id ?? ''}`;
    const version = stored.meta?.versionId ?? '';
    const first = await session.fhir(
      'PUT',
      path,
      { ...stored, description: 'Revised' },
      { 'If-Match': `W/"${version}"` }
    );
    expect(first.status).toBe(200);

    const stale = await session.fhir('PUT', path, { ...stored, description: 'Lost' }, { 'If-Match': `W/"${version}"` });
    expect(stale.status).toBe(409);
    expect((await outcomeOf(stale)).issue[0]?.code).toBe('conflict');

    const blind = await session.fhir('PUT', path, { ...stored, description: 'Blind' });
    expect(blind.status).toBe(412);

    const now = (await (await session.fhir('GET', path)).json()) as fhir.DocumentReference;
    expect(now.description).toBe('Revised');
  });

  test('an update to an id that does not exist is refused (no update-as-create)', async () => {
    const response = await session.fhir(
      'PUT',
      'DocumentReference/made-up-id',
      { ...planNote(), id: 'made-up-id' },
      {
        'If-Match': 'W/"1"',
      }
    );
    expect(response.status).toBe(405);
  });
});

describe('the Oracle Health-like home page', () => {
  test('says which behaviour is active', async () => {
    const html = await (await fetch(session.sandbox.homeUrl)).text();
    expect(html).toContain('Oracle Health-like');
    expect(html).toContain('--behave oracle');
  });
});
