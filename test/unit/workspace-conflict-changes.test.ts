import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { planFromFhir } from '../../src/mapping/index.ts';
import { setTarget, setOccupation, type TreatmentPlan } from '../../src/plan/index.ts';
import { revisePlan } from '../../src/plan/revise.ts';
import { conflictChanges } from '../../src/workspace/conflict-changes.ts';
import type { SectionChanges } from '../../src/workspace/plan-diff.ts';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { exampleRecords } from './workspace-example-records.ts';

const loaded = exampleRecords('george-smith');
const currentAddress = plansOnRecord(loaded).currentAddress ?? '';
const onRecord = planFromFhir(loaded, { planId: currentAddress }).plan;
const firstGoal = onRecord.goals[0];

const lines = (changes: readonly SectionChanges[]): string[] =>
  changes.flatMap((s) => s.changes.map((c) => `${s.title}: ${c.text}`));

/** The records as the server holds them after someone else set the first goal's first target to `value`. */
function serverWithTarget(value: number): fhir.FhirResource[] {
  return loaded.map((r) => {
    if (r.resourceType !== 'Goal' || !r.identifier?.some((i) => i.value === firstGoal?.id)) return r;
    const [target, ...rest] = r.target ?? [];
    const detailQuantity = { ...target?.detailQuantity, value };
    return { ...r, target: [{ ...target, detailQuantity }, ...rest], meta: { ...r.meta, versionId: '2' } };
  });
}

function myTarget(plan: TreatmentPlan, value: number): TreatmentPlan {
  const target = firstGoal?.targets[0];
  if (firstGoal === undefined || target === undefined) throw new Error('the example plan has a goal with a target');
  return setTarget(plan, firstGoal.id, 0, { ...target, value: { ...target.value, value } });
}

describe('what changed on the server and in the working plan, after a conflict', () => {
  test('a revision: the server’s change to a carried goal, and the clinician’s changes since starting it', () => {
    const mine = setOccupation(myTarget(revisePlan(onRecord, '2026-11-27', 'revision-1'), 7), 'Head teacher');
    const changes = conflictChanges(loaded, serverWithTarget(12), mine);
    const goal = `Goal “${firstGoal?.description.text ?? ''}”`;
    expect(lines(changes?.theirs ?? [])).toEqual([`Goals and objectives: ${goal}: target value 10 → 12`]);
    expect(lines(changes?.mine ?? [])).toEqual([
      expect.stringMatching(/^History and assessment: Occupation .* → “Head teacher”$/),
      `Goals and objectives: ${goal}: target value 10 → 7`,
    ]);
  });

  test('the plan on record edited in place: both sides are counted from the plan as loaded', () => {
    const unsigned = { ...onRecord, signatures: [] };
    const changes = conflictChanges(loaded, loaded, myTarget(unsigned, 5));
    expect(changes?.theirs).toEqual([]);
    expect(lines(changes?.mine ?? [])).toContainEqual(expect.stringMatching(/target value 10 → 5$/));
    expect(changes?.mine.map((s) => s.section)).toEqual(['goals', 'signatures']);
  });

  test('nothing to compare when the loaded records do not hold the plan, or the server no longer does', () => {
    expect(conflictChanges(loaded, loaded, { ...onRecord, id: 'never-saved', review: {} })).toBeUndefined();
    const withoutPlan = loaded.filter((r) => `${r.resourceType}/${r.id ?? ''}` !== currentAddress);
    expect(conflictChanges(loaded, withoutPlan, onRecord)).toBeUndefined();
  });
});
