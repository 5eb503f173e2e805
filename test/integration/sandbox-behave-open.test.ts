/**
 * The default behaviour (`open`, no `--behave`) is the sandbox as it always was: every type writable, batch and
 * atomic transactions, 412 on a stale version, bodies on create, no required search parameters, and a SMART side
 * that grants what the app asks for.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  appScope,
  bundleOf,
  capabilityStatementOf,
  newCarePlan,
  newProblem,
  smartConfigurationOf,
  startBehaveSession,
  type BehaveSession,
} from './support/behave-fixture.ts';

let session: BehaveSession;

beforeAll(async () => {
  session = await startBehaveSession({ seed: 'records' });
});

afterAll(async () => {
  await session.close();
});

describe('the sandbox without --behave', () => {
  test('behaves as open and says so on the home page', async () => {
    expect(session.sandbox.behaviour).toBe('open');
    const html = await (await fetch(session.sandbox.homeUrl)).text();
    expect(html).toContain('Open FHIR server');
    expect(html).toContain('--behave open');
  });

  test('advertises batch and atomic transactions and every interaction on plan resources', async () => {
    const statement = await capabilityStatementOf(session.sandbox);
    expect(statement.rest?.[0]?.interaction).toEqual([{ code: 'transaction' }, { code: 'batch' }]);
    const carePlan = statement.rest?.[0]?.resource?.find((r) => r.type === 'CarePlan');
    expect(carePlan?.interaction?.map((i) => i.code)).toEqual(
      expect.arrayContaining(['create', 'update', 'patch', 'delete', 'read', 'search-type'])
    );
    expect(carePlan?.conditionalCreate).toBe(true);
  });

  test('grants the write scopes the app asks for on plan resources, with a refresh token', async () => {
    expect(await appScope(session.sandbox)).toContain('patient/CarePlan.crus');
    expect(session.grantedScope.split(' ')).toEqual(
      expect.arrayContaining(['patient/CarePlan.crus', 'patient/Goal.crus'])
    );
    expect((await smartConfigurationOf(session.sandbox))['scopes_supported']).toContain('patient/*.cruds');
    expect(session.refreshToken).toBeDefined();
  });

  test('creates a CarePlan with a body, searches it without a category, and answers a stale version with 412', async () => {
    const created = await session.fhir('POST', 'CarePlan', newCarePlan());
    expect(created.status).toBe(201);
    const plan = (await created.json()) as fhir.CarePlan;
    const search = await session.fhir('GET', 'CarePlan?patient=george-smith');
    expect(search.status).toBe(200);
    const ifMatch = { 'If-Match': `W/"${plan.meta?.versionId ?? ''}"` };
    expect((await session.fhir('PUT', `CarePlan/${plan.id ?? ''}`, { ...plan, title: 'A' }, ifMatch)).status).toBe(200);
    expect((await session.fhir('PUT', `CarePlan/${plan.id ?? ''}`, { ...plan, title: 'B' }, ifMatch)).status).toBe(412);
  });

  test('keeps a transaction all or nothing', async () => {
    const bundle: fhir.Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: newProblem('problem-list-item', 'Open atomic'), request: { method: 'POST', url: 'Condition' } },
        { resource: { resourceType: 'Goal' }, request: { method: 'POST', url: 'Goal' } },
      ],
    };
    expect((await session.fhir('POST', '', bundle)).status).toBe(400);
    const conditions = await bundleOf(await session.fhir('GET', 'Condition?patient=george-smith&_count=1000'));
    expect(conditions.entry?.some((e) => (e.resource as fhir.Condition).code?.text === 'Open atomic')).toBe(false);
  });
});
