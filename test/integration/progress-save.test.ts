/**
 * Record keeping on a signed plan, against the seeded sandbox EHR over real HTTP with a real SMART token: a score
 * added in the Progress section is saved as an Observation whose focus is the goal it tracks, the signed content
 * is not rewritten, and the plan read back has the score against the same goal.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { planFromFhir } from '../../src/mapping/index.ts';
import { addProgressNote, isLocked, newProgressNote, recordMeasurement } from '../../src/plan/index.ts';
import { scoreMeasurement } from '../../src/ui/progress/score-entry.ts';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { savePlan } from '../../src/workspace/save-plan.ts';
import { launchCountedGateway, type CountedGateway } from './support/plan-gateway.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const CLIENT = 'george-smith';
let sandbox: TestSandbox;
let session: CountedGateway;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  session = await launchCountedGateway(sandbox, CLIENT);
}, 60_000);

afterAll(async () => {
  await sandbox.close();
});

async function load(): Promise<fhir.FhirResource[]> {
  return (await loadPlanRecords(session.gateway, CLIENT, session.traits, { documentElements: 'all' })).resources;
}

function hasIdentifier(resource: fhir.FhirResource, value: string): boolean {
  const found: fhir.Identifier | fhir.Identifier[] | undefined =
    'identifier' in resource ? resource.identifier : undefined;
  const list = found === undefined ? [] : Array.isArray(found) ? found : [found];
  return list.some((identifier) => identifier.value === value);
}

describe('a score added to a signed plan', () => {
  test('is saved as an Observation referencing the goal and reads back against that goal', async () => {
    const loaded = await load();
    const current = plansOnRecord(loaded).current?.plan;
    if (current === undefined) throw new Error('George Smith has a current plan in the sandbox');
    expect(isLocked(current)).toBe(true);
    const goal = current.goals.find((g) => g.id === 'gs-goal-mood');
    const target = goal?.targets[0];
    if (goal === undefined || target === undefined) throw new Error('the mood goal has a PHQ-9 target');
    const goalRecord = loaded.find((r) => r.resourceType === 'Goal' && hasIdentifier(r, goal.id));

    const score = scoreMeasurement(
      { date: '2026-11-23', value: '6' },
      target,
      goal.id,
      new Date(2026, 10, 27, 10, 0),
      () => 'progress-test-score'
    );
    const note = newProgressNote(
      { date: score.date, text: 'PHQ-9 6 today.', goalId: goal.id, author: { name: 'Dana Rivera' } },
      () => 'progress-test-note'
    );
    const edited = addProgressNote(recordMeasurement(current, score), note);
    session.counter.reset();

    const attempt = await savePlan(session.gateway, edited, loaded);

    if (attempt.kind !== 'sent' || attempt.result.kind !== 'saved') {
      throw new Error(`expected saved, got ${JSON.stringify(attempt)}`);
    }
    expect(session.counter.count).toEqual({ requests: 1, roundTrips: 1 });
    const written = (attempt.request.entry ?? []).map(
      (entry) => `${entry.request?.method ?? ''} ${entry.resource?.resourceType ?? ''}`
    );
    expect(written).toContain('POST Observation');
    expect(written).toContain('POST DocumentReference');
    // The score is its own record; the goal and the plan list it among their outcomes (DESIGN.md §4), updated
    // only at the versions loaded.
    expect(written).toEqual(expect.arrayContaining(['POST Observation', 'POST DocumentReference', 'PUT Goal']));
    const updates = (attempt.request.entry ?? []).filter((entry) => entry.request?.method === 'PUT');
    expect(updates.every((entry) => (entry.request?.ifMatch ?? '') !== '')).toBe(true);

    const fresh = await load();
    const observation = fresh.find(
      (r): r is fhir.Observation => r.resourceType === 'Observation' && hasIdentifier(r, 'progress-test-score')
    );
    expect(observation?.focus).toEqual([{ reference: `Goal/${goalRecord?.id ?? 'missing'}` }]);
    expect(observation?.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '44261-6')).toBe(true);
    expect(observation?.valueQuantity).toMatchObject({ value: 6, code: '{score}' });
    expect(observation?.effectiveDateTime).toBe(score.date);
    const goalAfter = fresh.find((r): r is fhir.Goal => r.resourceType === 'Goal' && r.id === goalRecord?.id);
    expect(goalAfter?.outcomeReference).toContainEqual({ reference: `Observation/${observation?.id ?? 'missing'}` });
    const carePlanAfter = fresh.find(
      (r): r is fhir.CarePlan => r.resourceType === 'CarePlan' && hasIdentifier(r, current.id)
    );
    const outcomes = (carePlanAfter?.activity ?? []).flatMap((a) => a.outcomeReference ?? []);
    expect(outcomes).toContainEqual({ reference: `Observation/${observation?.id ?? 'missing'}` });

    const reread = planFromFhir(fresh, { planId: current.id }).plan;
    expect(reread.progress.measurements).toContainEqual(score);
    expect(reread.progress.notes).toContainEqual(
      expect.objectContaining({ id: 'progress-test-note', goalId: goal.id, text: 'PHQ-9 6 today.' })
    );
    expect(reread.signatures).toEqual(current.signatures);
    expect(isLocked(reread)).toBe(true);
  });
});
