/**
 * The transactional strategy against the in-process sandbox over real HTTP with a real SMART token: on an open
 * server (atomic transactions) it is the strategy chosen, a save is one request and reading back gives the plan
 * that was saved; a stale version writes nothing. On Medplum, whose transactions run as batches unless a project
 * turns them on, the same stale save half-applies, which is why the chooser never picks it there.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { serverProfile, withRefusal } from '../../src/fhir/server-profile.ts';
import { planFromFhir } from '../../src/mapping/index.ts';
import { addGoal, editPlanHeader, newGoal, randomIds, type TreatmentPlan } from '../../src/plan/index.ts';
import type { SandboxOptions } from '../../src/sandbox/server.ts';
import { startPlan } from '../../src/workspace/start-plan.ts';
import { chooseStrategy } from '../../src/workspace/strategies/choose-strategy.ts';
import { refusalOf } from '../../src/workspace/strategies/runtime-refusal.ts';
import { transactionStrategy } from '../../src/workspace/strategies/transaction.ts';
import type { StrategyOutcome } from '../../src/workspace/strategies/write-strategy.ts';
import { launchCountedGateway, serverCount, type CountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const CLIENT = 'john-doe';
const NOW = new Date('2026-11-27T15:00:00Z');

interface Running {
  readonly sandbox: TestSandbox;
  readonly session: CountedGateway;
}

async function running(options: SandboxOptions): Promise<Running> {
  const sandbox = await startTestSandbox({ seed: 'records', ...options });
  return { sandbox, session: await launchCountedGateway(sandbox, CLIENT) };
}

async function load({ session }: Running): Promise<fhir.FhirResource[]> {
  return (await loadPlanRecords(session.gateway, CLIENT, session.traits, { documentElements: 'all' })).resources;
}

/** A new plan for John Doe with one goal, started from his record the way the workspace starts one. */
async function newPlan(at: Running, goal: string): Promise<{ plan: TreatmentPlan; loaded: fhir.FhirResource[] }> {
  const loaded = await load(at);
  const patient = await at.session.gateway.read<fhir.Patient>(`Patient/${CLIENT}`);
  const started = startPlan({
    id: randomIds(),
    today: '2026-11-27',
    now: NOW.toISOString(),
    patient,
    resources: loaded,
  });
  return { plan: addGoal(started, newGoal({ description: goal }, randomIds)), loaded };
}

function savedOrThrow(outcome: StrategyOutcome): void {
  if (outcome.kind !== 'sent' || outcome.result.kind !== 'saved') {
    throw new Error(`expected a saved plan, got ${JSON.stringify(outcome)}`);
  }
}

/** Someone else changes the plan's CarePlan on the server, so the version the app loaded is stale. */
async function changeElsewhere(at: Running, planId: string): Promise<void> {
  const resources = await load(at);
  const carePlan = planFromFhir(resources, { planId }).plan;
  const onServer = resources.find(
    (r): r is fhir.CarePlan =>
      r.resourceType === 'CarePlan' && (r.identifier ?? []).some((i) => i.value === carePlan.id)
  );
  if (onServer?.id === undefined) throw new Error('the saved plan is on the server');
  await at.session.gateway.request({
    method: 'PUT',
    url: `CarePlan/${onServer.id}`,
    body: { ...onServer, title: 'Changed by a colleague' },
    headers: { 'If-Match': `W/"${onServer.meta?.versionId ?? ''}"` },
  });
}

describe('on an open server (atomic transactions)', () => {
  let at: Running;

  beforeAll(async () => {
    at = await running({ behave: 'open' });
  });

  afterAll(async () => {
    await at.sandbox.close();
  });

  test('the profile chooses the transactional strategy, which saves in one request and reads back as saved', async () => {
    const statement = (await at.session.gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' }))
      .body;
    // The launch was granted the plan scopes; how scopes narrow the profile is tested in strategy-choice.test.ts.
    const profile = serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: statement,
      grantedScope: undefined,
    });
    const choice = chooseStrategy(profile, at.session.gateway);
    if (choice.kind !== 'chosen') throw new Error(`expected a strategy, got ${choice.reasons.join(' ')}`);
    expect(choice.strategy.kind).toBe('transaction');

    const { plan, loaded } = await newPlan(at, 'Sleep seven hours a night');
    at.session.counter.reset();
    const outcome = await choice.strategy.save({ plan, loaded, now: NOW });
    savedOrThrow(outcome);
    expect(outcome.kind === 'sent' ? outcome.requests : 0).toBe(1);
    expect(at.session.counter.count.requests).toBe(1);

    const back = planFromFhir(await load(at), { planId: plan.id }).plan;
    expect(back.id).toBe(plan.id);
    expect(back.title).toBe(plan.title);
    expect(back.goals.map((g) => g.description.text)).toEqual(['Sleep seven hours a night']);
  });

  test('a stale version is a conflict and writes nothing: the new goal is not on the server', async () => {
    const strategy = transactionStrategy(at.session.gateway);
    const first = await newPlan(at, 'Walk daily');
    savedOrThrow(await strategy.save({ ...first, now: NOW }));
    const loaded = await load(at);
    const saved = planFromFhir(loaded, { planId: first.plan.id }).plan;
    await changeElsewhere(at, first.plan.id);
    const goalsBefore = await serverCount(at.session.gateway, 'Goal', CLIENT);

    const edited = addGoal(
      editPlanHeader(saved, { title: 'My edit' }),
      newGoal({ description: 'Call a friend' }, randomIds)
    );
    const outcome = await strategy.save({ plan: edited, loaded, now: NOW });
    expect(outcome.kind === 'sent' ? outcome.result : undefined).toMatchObject({
      kind: 'conflict',
      written: 'nothing',
    });
    expect(await serverCount(at.session.gateway, 'Goal', CLIENT)).toBe(goalsBefore);
  });
});

describe.each([
  { atomicTransactions: true, written: 'nothing', goalsAdded: 0 },
  { atomicTransactions: false, written: 'some', goalsAdded: 1 },
])('on Medplum with atomicTransactions $atomicTransactions', ({ atomicTransactions, written, goalsAdded }) => {
  let at: Running;

  beforeAll(async () => {
    at = await running({ behave: 'medplum', atomicTransactions });
  });

  afterAll(async () => {
    await at.sandbox.close();
  });

  test('the chooser does not pick one transaction, since the statement cannot prove it atomic', async () => {
    const statement = (await at.session.gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' }))
      .body;
    const profile = serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: statement,
      grantedScope: undefined,
    });
    const choice = chooseStrategy(profile, at.session.gateway, {
      transaction: (gateway) => transactionStrategy(gateway),
      sequential: () => ({ ...transactionStrategy(at.session.gateway), kind: 'sequential' }),
    });
    expect(choice.kind === 'chosen' ? choice.strategy.kind : choice.reasons).toBe('sequential');
  });

  test(`a transaction saves a new plan, and a stale one writes ${written} of its entries`, async () => {
    const strategy = transactionStrategy(at.session.gateway);
    const first = await newPlan(at, 'Practise breathing');
    savedOrThrow(await strategy.save({ ...first, now: NOW }));
    const loaded = await load(at);
    const saved = planFromFhir(loaded, { planId: first.plan.id }).plan;
    expect(saved.goals.map((g) => g.description.text)).toEqual(['Practise breathing']);
    await changeElsewhere(at, first.plan.id);
    const goalsBefore = await serverCount(at.session.gateway, 'Goal', CLIENT);

    const edited = addGoal(
      editPlanHeader(saved, { title: 'My edit' }),
      newGoal({ description: 'Sleep early' }, randomIds)
    );
    const outcome = await strategy.save({ plan: edited, loaded, now: NOW });
    expect(outcome.kind === 'sent' ? outcome.result : undefined).toMatchObject({
      kind: 'conflict',
      status: 412,
      written,
    });
    expect(await serverCount(at.session.gateway, 'Goal', CLIENT)).toBe(goalsBefore + goalsAdded);
  });
});

describe('on an Epic-like server, which takes no Bundles', () => {
  let at: Running;

  beforeAll(async () => {
    at = await running({ behave: 'epic' });
  });

  afterAll(async () => {
    await at.sandbox.close();
  });

  test('a transaction is refused with 403 and writes nothing; the profile learns it and no longer offers one', async () => {
    const statement = (await at.session.gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' }))
      .body;
    // As if the statement had listed transactions: only the refusal tells the app otherwise.
    const claimed = statement && {
      ...statement,
      rest: statement.rest?.map((rest) => ({ ...rest, interaction: [{ code: 'transaction' as const }] })),
    };
    const profile = serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: claimed,
      grantedScope: undefined,
    });
    const loaded = (await loadPlanRecords(at.session.gateway, CLIENT, profile, { documentElements: 'all' })).resources;
    const patient = await at.session.gateway.read<fhir.Patient>(`Patient/${CLIENT}`);
    const plan = startPlan({
      id: randomIds(),
      today: '2026-11-27',
      now: NOW.toISOString(),
      patient,
      resources: loaded,
    });
    const goalsBefore = await serverCount(at.session.gateway, 'Goal', CLIENT);

    const outcome = await transactionStrategy(at.session.gateway).save({ plan, loaded, now: NOW });
    expect(outcome.kind === 'sent' ? outcome.result : undefined).toMatchObject({
      kind: 'rejected',
      status: 403,
      written: 'nothing',
    });
    expect(await serverCount(at.session.gateway, 'Goal', CLIENT)).toBe(goalsBefore);

    const refusal = refusalOf(outcome, 'transaction');
    expect(refusal).toEqual({ status: 403, interaction: 'transaction' });
    if (refusal === undefined) return;
    const learnt = withRefusal(profile, refusal);
    expect(learnt.transactions.run).toBe('none');
    const choice = chooseStrategy(learnt, at.session.gateway);
    // Epic's known rules already rule plan writes out, so the plan is filed as a note.
    expect(choice.kind === 'chosen' ? choice.strategy.kind : choice.reasons).toBe('note');
  });
});
