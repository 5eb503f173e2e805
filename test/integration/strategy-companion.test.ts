/**
 * The companion-store strategy, in-process against two real servers: the sandbox behaving like Epic as the EHR
 * (launched for George Smith with a real SMART token), and the sandbox's FHIR service alone, empty and open, as
 * the practice's companion store. Every request the app sends to either is recorded at `fetch`, so the writes
 * that land are asserted from outside the code under test; both servers are then read with plain searches.
 */
import { randomUUID } from 'node:crypto';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { loadMergedPlanRecords } from '../../src/fhir/load-merged-records.ts';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import type { ServerTraits } from '../../src/fhir/server-traits.ts';
import { planFromFhir } from '../../src/mapping/index.ts';
import {
  addDiagnosis,
  addGoal,
  editGoal,
  newGoal,
  setDiagnosisRole,
  type TreatmentPlan,
} from '../../src/plan/index.ts';
import type { SmartConfiguration } from '../../src/smart/smart-configuration.ts';
import { HELD_PROBLEM_REASON, heldProblemIds } from '../../src/workspace/held-problems.ts';
import { startPlan } from '../../src/workspace/start-plan.ts';
import { chooseStrategy } from '../../src/workspace/strategies/choose-strategy.ts';
import { companionStrategy, type CompanionStore } from '../../src/workspace/strategies/companion.ts';
import { refusalOf } from '../../src/workspace/strategies/runtime-refusal.ts';
import type { StrategyOutcome, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { appScope, smartConfigurationOf } from './support/behave-fixture.ts';
import { startFhirOnlyServer, type FhirOnlyServer } from './support/fhir-only-server.ts';
import { ehrLaunchUrl, launch } from './support/fhirclient-launch.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const GEORGE = 'george-smith';
const RECORD_ID = 'https://treatment-plan.example.org/fhir/sid/record-id';

/** Epic's required search parameters, built by hand as in strategy-note.test.ts. */
const EPIC_REQUIRED: ServerTraits['requiredSearchParams'] = {
  CarePlan: ['38717003', '734163000', '736271009', 'assess-plan'].map((category) => ({ category })),
  Condition: ['problem-list-item', 'encounter-diagnosis', 'health-concern'].map((category) => ({ category })),
};

interface Sent {
  readonly server: 'ehr' | 'companion';
  readonly method: string;
  readonly path: string;
  readonly ifNoneExist: string | null;
}

function recording(server: Sent['server'], sent: Sent[]): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    sent.push({
      server,
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^.*\/fhir\/?/, '') + url.search,
      ifNoneExist: headers.get('if-none-exist'),
    });
    return fetch(input, init);
  };
}

const writesOf = (sent: readonly Sent[]): string[] =>
  sent.filter((s) => s.method !== 'GET').map((s) => `${s.server}: ${s.method} ${s.path.split('?')[0] ?? ''}`);

function saved(outcome: StrategyOutcome): void {
  expect(outcome.kind).toBe('sent');
  if (outcome.kind === 'sent') expect(outcome.result).toMatchObject({ kind: 'saved' });
}

describe('the companion store beside an EHR that behaves like Epic', () => {
  let sandbox: TestSandbox;
  let store: FhirOnlyServer;
  let ehr: FhirGateway;
  let ehrProfile: ServerProfile;
  let companion: CompanionStore;
  let george: fhir.Patient;
  const sent: Sent[] = [];
  const diagnosisId = randomUUID();
  const goalId = randomUUID();
  let firstSaved: TreatmentPlan;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ behave: 'epic' });
    store = await startFhirOnlyServer({ seed: false });
    const client = await launch({
      launchUrl: ehrLaunchUrl(sandbox.fhirBaseUrl, sandbox.createLaunch(GEORGE_LAUNCH)),
      scope: await appScope(sandbox),
    });
    const token = client.state.tokenResponse ?? {};
    ehr = createFetchGateway({
      baseUrl: sandbox.fhirBaseUrl,
      authorization: () => Promise.resolve(`Bearer ${token.access_token ?? ''}`),
      fetch: recording('ehr', sent),
    });
    const companionGateway = createFetchGateway({ baseUrl: store.baseUrl, fetch: recording('companion', sent) });
    const smartConfiguration = (await smartConfigurationOf(sandbox)) as unknown as SmartConfiguration;
    ehrProfile = {
      ...serverProfile({
        smartConfiguration,
        capabilityStatement: await ehr.read<fhir.CapabilityStatement>('metadata'),
        grantedScope: token.scope,
      }),
      requiredSearchParams: EPIC_REQUIRED,
    };
    companion = {
      gateway: companionGateway,
      label: 'the practice plan store',
      profile: serverProfile({
        smartConfiguration: undefined,
        capabilityStatement: await companionGateway.read<fhir.CapabilityStatement>('metadata'),
        grantedScope: undefined,
      }),
    };
    george = await ehr.read<fhir.Patient>(`Patient/${GEORGE}`);
    sent.length = 0;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([sandbox.close(), store.close()]);
  });

  async function load(): Promise<fhir.FhirResource[]> {
    const records = await loadMergedPlanRecords(ehr, george, ehrProfile, {
      gateway: companion.gateway,
      traits: companion.profile,
    });
    expect(records.incomplete).toEqual([]);
    return [george, ...records.resources.filter((r) => r.resourceType !== 'Patient')];
  }

  function strategy(): WriteStrategy {
    const choice = chooseStrategy(ehrProfile, ehr, undefined, companion);
    if (choice.kind !== 'chosen') throw new Error(choice.reasons.join(' '));
    return choice.strategy;
  }

  async function companionSearch<T extends fhir.FhirResource>(type: T['resourceType'], query: string): Promise<T[]> {
    return (await companion.gateway.search<T>(type, Object.fromEntries(new URLSearchParams(query)))).matches;
  }

  test('the chooser saves as a note without a companion store and in the companion store with one', () => {
    const without = chooseStrategy(ehrProfile, ehr);
    expect(without.kind === 'chosen' ? without.strategy.kind : without.kind).toBe('note');

    const choice = chooseStrategy(ehrProfile, ehr, undefined, companion);
    if (choice.kind !== 'chosen') throw new Error(choice.reasons.join(' '));
    expect(choice.strategy.kind).toBe('companion');
    expect(choice.strategy.edits).toBe('plan');
    expect(choice.strategy.explanation).toContain('the practice plan store');
    expect(choice.strategy.explanation).toMatch(/plan of care note/);
    expect(choice.because).toContain('This server does not let apps write care plans.');
    expect(choice.because.some((reason) => reason.includes(store.baseUrl))).toBe(true);
  });

  test('before the first save the workspace has no current plan: the EHR plans are not the companion plan', async () => {
    const loaded = await load();
    expect(loaded.filter((r) => r.resourceType === 'CarePlan')).toEqual([]);
    expect(loaded.some((r) => r.resourceType === 'Condition')).toBe(true);
  });

  test('the first save writes the structured plan to the companion and the note and new problem to the EHR, nothing else', async () => {
    const loaded = await load();
    const started = startPlan({
      id: randomUUID(),
      today: '2026-11-27',
      now: '2026-11-27T09:00:00+00:00',
      patient: george,
      resources: loaded,
    });
    const existing = started.diagnoses.map((d) => d.id);
    expect(existing.length).toBeGreaterThan(0);
    const withProblem = addDiagnosis(started, {
      id: diagnosisId,
      condition: {
        text: 'Insomnia due to a mental disorder',
        codes: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F51.05' }],
      },
      category: 'problem-list-item',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      role: 'comorbidity',
    });
    const plan = addGoal(
      withProblem,
      newGoal({ description: 'Sleep through the night', addresses: [diagnosisId, ...existing] }, () => goalId)
    );
    sent.length = 0;

    const outcome = await strategy().save({ plan, loaded, now: new Date('2026-11-27T09:30:00Z') });

    saved(outcome);
    const transactions = companion.profile.transactions.run === 'atomic';
    expect(writesOf(sent)).toEqual([
      'ehr: POST Condition',
      'ehr: POST DocumentReference',
      'companion: POST Patient',
      ...(transactions ? ['companion: POST '] : ['companion: POST Goal', 'companion: POST CarePlan']),
    ]);
    expect(sent.find((s) => s.server === 'companion' && s.path === 'Patient')?.ifNoneExist).toContain('identifier=');

    // The EHR: the note and the problem; no plan, no goal.
    const ehrProblems = await ehr.search<fhir.Condition>('Condition', {
      patient: GEORGE,
      category: 'problem-list-item',
      identifier: `${RECORD_ID}|${diagnosisId}`,
    });
    expect(ehrProblems.matches).toHaveLength(1);
    const problem = `${sandbox.fhirBaseUrl}/Condition/${ehrProblems.matches[0]?.id ?? ''}`;
    const notes = await ehr.search('DocumentReference', { patient: GEORGE, type: 'http://loinc.org|18776-5' });
    expect(notes.matches).toHaveLength(1);
    const ehrGoals = await ehr.search<fhir.Goal>('Goal', { patient: GEORGE, identifier: `${RECORD_ID}|${goalId}` });
    expect(ehrGoals.matches).toEqual([]);

    // The companion: the client matched by the EHR identifiers, the plan and its goal pointing at the EHR by URL.
    const patients = await companionSearch<fhir.Patient>('Patient', '');
    expect(patients).toHaveLength(1);
    expect(patients[0]?.identifier?.map((i) => i.value)).toEqual(george.identifier?.map((i) => i.value));
    const plans = await companionSearch<fhir.CarePlan>('CarePlan', '');
    expect(plans).toHaveLength(1);
    expect(plans[0]?.subject.reference).toBe(`Patient/${patients[0]?.id ?? ''}`);
    const planAddresses = plans[0]?.addresses?.map((a) => a.reference) ?? [];
    expect(planAddresses.length).toBeGreaterThan(0);
    expect(planAddresses.every((reference) => reference?.startsWith(`${sandbox.fhirBaseUrl}/Condition/`))).toBe(true);
    expect(JSON.stringify(plans[0])).not.toContain('record-origin');
    const goals = await companionSearch<fhir.Goal>('Goal', '');
    expect(goals.map((g) => g.description.text)).toEqual(['Sleep through the night']);
    expect(goals[0]?.addresses?.map((a) => a.reference)).toContain(problem);
    expect(await companionSearch('Condition', '')).toEqual([]);
    expect(await companionSearch('DocumentReference', '')).toEqual([]);
    firstSaved = plan;
  });

  test('reloading merges both servers and gives the plan that was saved', async () => {
    const loaded = await load();
    const { plan } = planFromFhir(loaded);
    expect(plan.id).toBe(firstSaved.id);
    expect(plan.client.reference).toBe(`Patient/${GEORGE}`);
    // A goal addresses the same problems: compared by what they say, since the reader names a record of the EHR by
    // its record identifier where it carries one, and startPlan by its address.
    const goalsOf = (p: TreatmentPlan): { id: string; text: string | undefined; addresses: string[] }[] =>
      p.goals.map((g) => ({
        id: g.id,
        text: g.description.text,
        addresses: g.addresses.map((a) => p.diagnoses.find((d) => d.id === a)?.condition.text ?? `missing ${a}`).sort(),
      }));
    expect(goalsOf(plan)).toEqual(goalsOf(firstSaved));
    expect(plan.diagnoses.map((d) => d.condition.text).sort()).toEqual(
      firstSaved.diagnoses.map((d) => d.condition.text).sort()
    );
  });

  test('a second save updates the plan in the companion and matches the same client there, never a second one', async () => {
    const loaded = await load();
    const { plan } = planFromFhir(loaded);
    const edited = editGoal(plan, goalId, { description: { text: 'Sleep seven hours most nights', codes: [] } });
    sent.length = 0;

    const outcome = await strategy().save({ plan: edited, loaded, now: new Date('2026-11-28T09:30:00Z') });

    saved(outcome);
    const companionWrites = writesOf(sent).filter((w) => w.startsWith('companion'));
    expect(companionWrites[0]).toBe('companion: POST Patient');
    if (companion.profile.transactions.run === 'atomic') {
      expect(companionWrites).toEqual(['companion: POST Patient', 'companion: POST ']);
    }
    expect(writesOf(sent).filter((w) => w.startsWith('ehr'))).toEqual(['ehr: POST DocumentReference']);
    expect(await companionSearch('Patient', '')).toHaveLength(1);
    expect(await companionSearch('CarePlan', '')).toHaveLength(1);
    const goals = await companionSearch<fhir.Goal>('Goal', '');
    expect(goals.map((g) => g.description.text)).toEqual(['Sleep seven hours most nights']);
    // Read back from both servers, the plan is the one that was saved, whole.
    const reloaded = planFromFhir(await load()).plan;
    expect(reloaded).toEqual(edited);
  });
  test('what the workspace leaves open on a problem the EHR holds is saved: its role in the plan survives save and reload', async () => {
    const loaded = await load();
    const { plan } = planFromFhir(loaded);
    const choice = chooseStrategy(ehrProfile, ehr, undefined, companion);
    expect(choice.kind === 'chosen' ? choice.heldProblems : choice.kind).toBe(HELD_PROBLEM_REASON);
    // Every diagnosis of this plan is a Condition of the EHR, so its Condition fields are locked in the workspace.
    const held = heldProblemIds(loaded);
    expect(plan.diagnoses.length).toBeGreaterThan(1);
    expect(plan.diagnoses.every((d) => held.has(d.id))).toBe(true);
    const [first, second] = plan.diagnoses;
    if (first === undefined || second === undefined) throw new Error('the plan has two diagnoses');
    const flip = (role: 'focus' | 'comorbidity'): 'focus' | 'comorbidity' =>
      role === 'focus' ? 'comorbidity' : 'focus';
    const edited = setDiagnosisRole(setDiagnosisRole(plan, first.id, flip(first.role)), second.id, flip(second.role));
    sent.length = 0;

    saved(await strategy().save({ plan: edited, loaded, now: new Date('2026-11-28T10:30:00Z') }));

    // The EHR's problems are not written (it refuses that); the plan's choices about them go to the companion.
    expect(writesOf(sent).filter((w) => w.startsWith('ehr'))).toEqual(['ehr: POST DocumentReference']);
    expect(await companionSearch('Condition', '')).toEqual([]);
    const reloaded = planFromFhir(await load()).plan;
    const roleOf = (id: string): string | undefined => reloaded.diagnoses.find((d) => d.id === id)?.role;
    expect([roleOf(first.id), roleOf(second.id)]).toEqual([flip(first.role), flip(second.role)]);
    expect(reloaded).toEqual(edited);
  });

  test('a companion that refuses the plan: the note is in the chart, the save is reported refused, the EHR is not blamed', async () => {
    const refusing = await startFhirOnlyServer({
      seed: false,
      access: {
        allows: (resourceType, action) => !(resourceType === 'Goal' && action === 'c'),
        describeNeed: (resourceType, action) => `patient/${resourceType}.${action}`,
      },
    });
    try {
      const gateway = createFetchGateway({ baseUrl: refusing.baseUrl, fetch: recording('companion', sent) });
      const store: CompanionStore = { ...companion, gateway };
      const records = await loadMergedPlanRecords(ehr, george, ehrProfile, { gateway, traits: store.profile });
      const loaded = [george, ...records.resources.filter((r) => r.resourceType !== 'Patient')];
      const plan = addGoal(
        startPlan({
          id: randomUUID(),
          today: '2026-11-29',
          now: '2026-11-29T09:00:00+00:00',
          patient: george,
          resources: loaded,
        }),
        newGoal({ description: 'Walk every morning' }, randomUUID)
      );
      sent.length = 0;

      const outcome = await companionStrategy(ehr, ehrProfile, store).save({
        plan,
        loaded,
        now: new Date('2026-11-29T09:30:00Z'),
      });

      expect(outcome.kind === 'sent' ? outcome.result : undefined).toMatchObject({ kind: 'rejected', status: 403 });
      expect(refusalOf(outcome, 'companion')).toBeUndefined();
      // The sentence names the store that refused, and who to ask: not the EHR.
      const said = outcome.kind === 'sent' && outcome.result.kind === 'rejected' ? outcome.result.issues : [];
      expect(said[0]?.message).toMatch(/^The practice plan store does not let this app write the treatment plan\./);
      expect(said[0]?.message).toContain('ask whoever runs the practice plan store');
      expect(said.map((issue) => issue.message).join(' ')).not.toMatch(/\bEHR\b/);
      expect(writesOf(sent).filter((w) => w.startsWith('ehr'))).toEqual(['ehr: POST DocumentReference']);
      expect((await gateway.search('CarePlan', {})).matches).toEqual([]);
    } finally {
      await refusing.close();
    }
  });
});
