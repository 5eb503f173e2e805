/**
 * The structured, sequential strategy (issue 5 §2, §5) against the in-process sandbox behaving as an open server
 * and as Medplum (whose transactions run like a batch), over real HTTP with a real SMART token: the records that
 * land are exactly the plan's, each once, the plan reads back as saved; and a failure at every step, followed by
 * a retry, leaves no duplicate, no reference to a missing record, and the same records as a save that never
 * failed.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway, FhirRequest } from '../../src/fhir/gateway.ts';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import { businessKeyOf } from '../../src/mapping/identifiers.ts';
import { planFromFhir, planToFhir } from '../../src/mapping/index.ts';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import type { Behaviour } from '../../src/sandbox/behaviour/behaviours.ts';
import { smartConfigurationFromJson } from '../../src/smart/smart-configuration.ts';
import { chooseStrategy } from '../../src/workspace/strategies/choose-strategy.ts';
import { sequentialStrategy } from '../../src/workspace/strategies/sequential.ts';
import type { StrategyOutcome, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { applyWriteSet } from '../support/apply-write-set.ts';
import { fullPlan as everySection } from '../support/full-plan.ts';
import { PATIENT, PRACTITIONER, PRACTITIONER_ROLE } from '../support/mapping-world.ts';
import { smartConfigurationOf } from './support/behave-fixture.ts';
import { PLAN_SCOPES } from './support/fhirclient-launch.ts';
import { launchCountedGateway, storeInSandbox, type CountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';
import { danglingReferences, duplicates, serverIndependent, serverRecords } from './support/server-records.ts';

const CLIENT = 'client-jordan';

/** The full plan: every section, participants and the provider's specialty included. */
function fullPlan(): TreatmentPlan {
  return everySection();
}

const NOW = new Date('2026-01-05T16:00:00Z');

/** The records of others the full plan points at: the client, the clinicians, the client's sister. */
const EHR_RECORDS: fhir.FhirResource[] = (
  [
    PATIENT,
    PRACTITIONER,
    PRACTITIONER_ROLE,
    { resourceType: 'Practitioner', id: 'supervisor-lee', name: [{ text: 'Lee Chen' }] },
    {
      resourceType: 'RelatedPerson',
      id: 'sister-sam',
      patient: { reference: `Patient/${CLIENT}` },
      name: [{ text: 'Sam Avery' }],
    },
  ] satisfies fhir.FhirResource[]
).map((resource): fhir.FhirResource => ({ ...resource, meta: undefined }));

interface World {
  readonly sandbox: TestSandbox;
  readonly session: CountedGateway;
  readonly profile: ServerProfile;
}

async function startWorld(behave: Behaviour): Promise<World> {
  const sandbox = await startTestSandbox({ behave, seed: false });
  await storeInSandbox(sandbox, [
    {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: EHR_RECORDS.map((resource) => ({
        resource,
        request: { method: 'PUT', url: `${resource.resourceType}/${resource.id ?? ''}` },
      })),
    },
  ]);
  const session = await launchCountedGateway(sandbox, CLIENT);
  const { body: statement } = await session.gateway.request<fhir.CapabilityStatement>({
    method: 'GET',
    url: 'metadata',
  });
  const smartConfiguration = smartConfigurationFromJson(await smartConfigurationOf(sandbox));
  const profile = serverProfile({ smartConfiguration, capabilityStatement: statement, grantedScope: PLAN_SCOPES });
  session.counter.reset();
  return { sandbox, session, profile };
}

async function load(world: World): Promise<fhir.FhirResource[]> {
  return (await loadPlanRecords(world.session.gateway, CLIENT, world.profile, { documentElements: 'all' })).resources;
}

function sent(outcome: StrategyOutcome): Extract<StrategyOutcome, { kind: 'sent' }> {
  if (outcome.kind !== 'sent') throw new Error('The save sent nothing');
  return outcome;
}

/** Saves `plan` through the strategy on `gateway`, starting from what the sandbox holds now. */
async function save(world: World, plan: TreatmentPlan, gateway: FhirGateway = world.session.gateway) {
  const loaded = await load(world);
  world.session.counter.reset();
  const strategy: WriteStrategy = sequentialStrategy(gateway, world.profile);
  return { loaded, outcome: await strategy.save({ plan, loaded, now: NOW }) };
}

/** `Goal|goal-mood` for every record that carries a business identifier. */
function heldKeys(records: readonly fhir.FhirResource[]): string[] {
  return records.flatMap((r) => {
    const key = businessKeyOf(r);
    return key === undefined ? [] : [`${r.resourceType}|${key}`];
  });
}

describe.each<Behaviour>(['open', 'medplum'])('the sequential strategy on a sandbox behaving %s', (behave) => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld(behave);
  });

  afterAll(async () => {
    await world.sandbox.close();
  });

  test('is what the workspace chooses where transactions are not atomic', () => {
    const choice = chooseStrategy(world.profile, world.session.gateway);
    if (behave === 'medplum') {
      expect(choice).toMatchObject({ kind: 'chosen', strategy: { kind: 'sequential', edits: 'plan' } });
    } else {
      expect(choice).toMatchObject({ kind: 'chosen', strategy: { kind: 'transaction' } });
    }
    expect(sequentialStrategy(world.session.gateway, world.profile).explanation).toMatch(/one record at a time/);
  });

  test('writes each record of a new plan once, one request each, and the plan reads back as saved', async () => {
    const plan = fullPlan();
    const { loaded, outcome } = await save(world, plan);
    const { result, requests } = sent(outcome);

    expect(result.kind).toBe('saved');
    const expected = planToFhir(plan, loaded);
    const stored = await serverRecords(world.sandbox);
    expect(heldKeys(stored).sort()).toEqual(heldKeys(expected.map((entry) => entry.resource)).sort());
    expect(duplicates(stored)).toEqual([]);
    expect(danglingReferences(stored)).toEqual([]);
    // The same records, saying the same, as one transaction of the write set would leave.
    const transaction = applyWriteSet(EHR_RECORDS, expected).store;
    expect(serverIndependent(stored, { meta: false })).toEqual(serverIndependent(transaction, { meta: false }));
    // One POST per new record, and one PUT for each goal that was created before the scores that name it.
    const goalsWithScores = new Set(plan.progress.measurements.flatMap((m) => (m.goalId ? [m.goalId] : [])));
    expect(requests).toBe(expected.length + goalsWithScores.size);
    expect(world.session.counter.count.requests).toBe(requests);

    const reloaded = await load(world);
    expect(planFromFhir(reloaded, { planId: plan.id }).plan).toEqual(plan);
    expect(planToFhir(plan, reloaded)).toEqual([]);
  });

  test('saving the same plan again writes nothing; an edit updates only its record, with If-Match', async () => {
    const plan = fullPlan();
    expect(await save(world, plan).then((s) => s.outcome)).toEqual({ kind: 'nothing-to-save' });

    const edited: TreatmentPlan = { ...plan, summary: 'Weekly CBT; review sleep at week 4.' };
    const spy = recordingGateway(world.session.gateway);
    const { loaded, outcome } = await save(world, edited, spy);

    expect(sent(outcome).result.kind).toBe('saved');
    const carePlan = loaded.find((r) => r.resourceType === 'CarePlan' && businessKeyOf(r) === plan.id);
    expect(spy.writes.map((w) => `${w.method} ${w.url}`)).toEqual([`PUT CarePlan/${carePlan?.id ?? ''}`]);
    expect(spy.writes[0]?.headers?.['If-Match']).toBe(`W/"${carePlan?.meta?.versionId ?? ''}"`);
    expect(planFromFhir(await load(world), { planId: plan.id }).plan).toEqual(edited);
  });

  test('stops at a record someone changed meanwhile with a conflict naming it, and nothing points at a gap', async () => {
    const loaded = await load(world);
    const opened = planFromFhir(loaded, { planId: fullPlan().id }).plan;
    const goal = loaded.find((r): r is fhir.Goal => r.resourceType === 'Goal' && businessKeyOf(r) === 'goal-work');
    if (goal?.id === undefined) throw new Error('goal-work was not saved');
    await world.session.gateway.request({
      method: 'PUT',
      url: `Goal/${goal.id}`,
      body: { ...goal, note: [{ text: 'Changed at the front desk' }] },
    });

    const strategy = sequentialStrategy(world.session.gateway, world.profile);
    const outcome = await strategy.save({ plan: editedPlan(opened), loaded, now: NOW });
    const { result, request } = sent(outcome);

    expect(result).toMatchObject({ kind: 'conflict', status: 412 });
    const entryIndex = result.kind === 'conflict' ? (result.entryIndex ?? -1) : -1;
    expect(request?.entry?.[entryIndex]?.request?.url).toBe(`Goal/${goal.id}`);
    const held = await serverRecords(world.sandbox);
    expect(danglingReferences(held)).toEqual([]);
    expect(duplicates(held)).toEqual([]);
    const after = await world.session.gateway.read<fhir.Goal>(`Goal/${goal.id}`);
    expect(after.note).toEqual([{ text: 'Changed at the front desk' }]);
  });

  test.each(['refused', 'lost'] as const)(
    'a new plan: a failure at every write (%s), then a retry: no duplicates, no dangling references, as a clean save',
    async (failure) => {
      const writes = await failEveryWrite({ behave, failure, plan: fullPlan(), before: () => Promise.resolve() });
      expect(writes).toBeGreaterThan(planToFhir(fullPlan(), EHR_RECORDS).length);
    },
    300_000
  );

  test.each(['refused', 'lost'] as const)(
    'an edited plan: a failure at every write (%s), then a retry from the same loaded versions: saved, as edited',
    async (failure) => {
      const plan = fullPlan();
      const edited = editedPlan(plan);
      const before = async (world: World): Promise<void> => {
        expect(sent((await save(world, plan)).outcome).result.kind).toBe('saved');
      };
      // A new score, the goal and the plan that list it, another goal's wording, the plan's summary.
      expect(await failEveryWrite({ behave, failure, plan: edited, before })).toBe(4);
    },
    120_000
  );
});

type Failure = 'refused' | 'lost';

/**
 * Saves `plan` on a fresh sandbox once without a failure (the reference), then once per write with that write
 * failing, each on a fresh sandbox after `before`, then retries from the records loaded before the failed save,
 * as the workspace's retry does. Returns how many writes the save makes.
 */
async function failEveryWrite(run: {
  readonly behave: Behaviour;
  readonly failure: Failure;
  readonly plan: TreatmentPlan;
  readonly before: (world: World) => Promise<void>;
}): Promise<number> {
  const { behave, failure, plan, before } = run;
  const attempt = async <T>(step: number, check: (world: World, faulty: FailingGateway) => Promise<T>): Promise<T> => {
    const world = await startWorld(behave);
    try {
      await before(world);
      return await check(world, failingGateway(world.session.gateway, step, failure));
    } finally {
      await world.sandbox.close();
    }
  };
  const { clean, writes } = await attempt(0, async (world, faulty) => {
    const { outcome } = await save(world, plan, faulty);
    expect(sent(outcome).result.kind).toBe('saved');
    return { clean: serverIndependent(await serverRecords(world.sandbox)), writes: faulty.writes };
  });
  for (let step = 1; step <= writes; step += 1) {
    await attempt(step, async (world, faulty) => {
      const { loaded, outcome } = await save(world, plan, faulty);
      const { result } = sent(outcome);
      const context = `${failure} at write ${step} of ${writes}`;
      if (failure === 'refused') {
        expect(result, context).toMatchObject({ kind: 'rejected', status: 500 });
        expect(result, context).toMatchObject({ written: step === 1 ? 'nothing' : 'some' });
      } else {
        expect(result.kind, context).toBe('unreachable');
      }
      const midway = await serverRecords(world.sandbox);
      expect(danglingReferences(midway), context).toEqual([]);
      expect(duplicates(midway), context).toEqual([]);

      const retry = await sequentialStrategy(world.session.gateway, world.profile).save({ plan, loaded, now: NOW });
      expect(sent(retry).result, context).toMatchObject({ kind: 'saved' });
      const after = await serverRecords(world.sandbox);
      expect(duplicates(after), context).toEqual([]);
      expect(danglingReferences(after), context).toEqual([]);
      expect(serverIndependent(after), context).toEqual(clean);
      const reloaded = await load(world);
      expect(planFromFhir(reloaded, { planId: plan.id }).plan, context).toEqual(plan);
      expect(planToFhir(plan, reloaded), context).toEqual([]);
    });
  }
  return writes;
}

/** The plan with a new PHQ-9 score for its first goal, its second goal reworded and a new summary. */
function editedPlan(plan: TreatmentPlan): TreatmentPlan {
  const [first, second, ...others] = plan.goals;
  if (first === undefined || second === undefined) throw new Error('The full plan has two goals');
  const [intake] = plan.progress.measurements;
  if (intake === undefined) throw new Error('The full plan has an intake score');
  const score = {
    ...intake,
    id: 'score-week-12',
    value: { value: 8, unit: '{score}' },
    date: '2026-03-30T10:10:00-04:00',
  };
  return {
    ...plan,
    summary: 'Weekly CBT; symptoms now mild, sleep next.',
    goals: [first, { ...second, description: { text: 'Return to work four days a week', codes: [] } }, ...others],
    progress: { ...plan.progress, measurements: [...plan.progress.measurements, { ...score, goalId: first.id }] },
  };
}

/** A gateway that remembers every create and update it passes on. */
function recordingGateway(gateway: FhirGateway): FhirGateway & { writes: FhirRequest[] } {
  const writes: FhirRequest[] = [];
  return {
    ...gateway,
    writes,
    request: (request) => {
      if (request.method === 'POST' || request.method === 'PUT') writes.push(request);
      return gateway.request(request);
    },
  };
}

/**
 * A gateway whose `step`-th create or update fails (none when `step` is 0): `refused`, the server answers 500 and writes nothing;
 * `lost`, the server writes it but the answer never arrives (the connection drops).
 */
interface FailingGateway extends FhirGateway {
  /** Creates and updates so far. */
  readonly writes: number;
}

function failingGateway(gateway: FhirGateway, step: number, failure: Failure): FailingGateway {
  let writes = 0;
  return {
    ...gateway,
    get writes() {
      return writes;
    },
    request: async (request) => {
      if (request.method !== 'POST' && request.method !== 'PUT') return gateway.request(request);
      writes += 1;
      if (writes !== step) return gateway.request(request);
      if (failure === 'lost') {
        await gateway.request(request);
        throw new FhirError(0, request.url, `${request.method} ${request.url} got no response: connection dropped`);
      }
      const outcome: fhir.OperationOutcome = {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'exception', diagnostics: 'Injected server error' }],
      };
      throw new FhirError(500, request.url, `${request.method} ${request.url} failed: 500`, outcome);
    },
  };
}
