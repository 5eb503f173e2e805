/**
 * What the reader must make of each shape of foreign care-plan data (../shared/foreign-plans/MANIFEST.md), as
 * assertions shared by the test over the shared folder and the test over our own fixtures in
 * test/fixtures/foreign/, so both hold the reader to the same behaviour.
 */
import { expect } from 'vitest';
import { planInput } from '../../src/mapping/plan-input.ts';
import type { PlanInputReading } from '../../src/mapping/read-plan-input.ts';
import { checkPlanRules } from '../../src/plan/rules/check-plan-rules.ts';
import { STRUCTURAL_RULES } from '../../src/plan/rules/rule-violation.ts';

type Check = (reading: PlanInputReading) => void;

const reported = (reading: PlanInputReading, path: string | RegExp, reason?: RegExp): boolean =>
  reading.notUnderstood.some(
    (n) => (typeof path === 'string' ? n.path === path : path.test(n.path)) && (reason ? reason.test(n.reason) : true)
  );

/** Every reading: a plan the model accepts, and every record either placed or reported. */
export function expectSoundReading(json: unknown, reading: PlanInputReading): void {
  const structural = checkPlanRules(reading.plan).filter((v) => STRUCTURAL_RULES.has(v.rule));
  expect(structural).toEqual([]);
  for (const item of reading.notUnderstood) {
    expect(item.resource).not.toBe('');
    expect(item.path).toMatch(/^[A-Z][A-Za-z]+(\.|\[|$)/);
    expect(item.reason.length).toBeGreaterThan(10);
  }
  for (const { resource, fullUrl } of planInput(json).entries) {
    const address = resource.id ? `${resource.resourceType}/${resource.id}` : (fullUrl ?? '');
    const accounted = reading.placed.includes(address) || reading.notUnderstood.some((n) => n.resource === address);
    expect(accounted, `${address} is neither placed nor reported`).toBe(true);
  }
}

const SHAPES: Record<string, Check> = {
  'inline-activity': (r) => {
    expect(r.source).toBe('care-plan');
    expect(r.plan.interventions).toHaveLength(1);
    expect(r.plan.interventions[0]).toMatchObject({ frequency: { count: 1, per: 1, unit: 'd' }, performer: 'client' });
    expect(r.plan.interventions[0]?.technique.codes.length).toBe(2);
    expect(r.plan.diagnoses).toHaveLength(1);
    expect(r.plan.diagnoses[0]?.id).toMatch(/#/);
    expect(reported(r, /^CarePlan\.category\[0\]$/)).toBe(true);
    expect(reported(r, /^CarePlan\.goal\[0\]$/, /not loaded/)).toBe(true);
    expect(reported(r, /^CarePlan\.activity\[0\]\.detail\.(statusReason|location)$/)).toBe(true);
  },
  'contained-goal-do-not-perform': (r) => {
    expect(r.plan.status).toBe('completed');
    expect(r.plan.goals).toMatchObject([{ lifecycle: 'completed', achievement: 'achieved', targets: [] }]);
    expect(r.plan.goals[0]?.id).toMatch(/#goal$/);
    expect(r.plan.interventions).toEqual([]);
    expect(reported(r, 'CarePlan.activity[0].detail', /doNotPerform/)).toBe(true);
    expect(reported(r, 'CarePlan.addresses[0]')).toBe(true);
  },
  'proposal-contained-goal': (r) => {
    expect(r.plan.intent).toBe('proposal');
    expect(r.plan.goals).toHaveLength(1);
    expect(r.plan.goals[0]?.id).toMatch(/#goal$/);
    expect(r.plan.goals[0]?.targets).toEqual([]);
    expect(r.plan.interventions).toHaveLength(1);
    expect(r.plan.interventions[0]?.id).toMatch(/#activity\[1\]$/);
    expect(
      reported(r, 'CarePlan.activity[0].detail', /NutritionOrder activities are not part of a treatment plan/)
    ).toBe(true);
  },
  'narrative-only': (r) => {
    expect(r.source).toBe('care-plan');
    expect(r.plan.status).toBe('active');
    expect(r.plan.goals).toEqual([]);
    expect(reported(r, 'CarePlan.text', /narrative/)).toBe(true);
  },
  'goal-range': (r) => {
    expect(r.source).toBe('assembled');
    expect(r.plan.goals).toHaveLength(1);
    const targets = r.plan.goals[0]?.targets ?? [];
    expect(targets.map((t) => t.comparator)).toEqual(['>=', '<=']);
    expect(targets[0]?.value.value).toBeLessThan(targets[1]?.value.value ?? 0);
    expect(targets[0]?.measure).toEqual(targets[1]?.measure);
    expect(reported(r, 'Goal.statusReason')).toBe(true);
  },
  'goal-no-target': (r) => {
    expect(r.plan.goals).toMatchObject([{ lifecycle: 'completed', achievement: 'achieved', targets: [] }]);
    expect(reported(r, 'Goal.outcomeCode')).toBe(true);
  },
  'consent-privacy': (r) => {
    expect(r.plan.contract.consent).toBeUndefined();
    expect(r.plan.signatures).toEqual([]);
    expect(reported(r, 'Consent', /not consent to treatment/)).toBe(true);
    expect(reported(r, 'Provenance', /not of the plan/)).toBe(true);
  },
  'consent-treatment': (r) => {
    expect(r.plan.contract.consent).toMatchObject({ decision: 'permit', status: 'active' });
    expect(reported(r, 'Consent.sourceReference')).toBe(true);
  },
  'narrative-with-condition': (r) => {
    expect(r.plan.diagnoses).toMatchObject([
      { category: 'problem-list-item', role: 'focus', clinicalStatus: 'active' },
    ]);
    expect(r.plan.goals).toEqual([]);
    expect(reported(r, 'CarePlan.text')).toBe(true);
    expect(reported(r, /^Condition\.extension\[0\]$/, /assertedDate/)).toBe(true);
  },
  phq9: (r) => {
    expect(r.plan.progress.measurements).toHaveLength(1);
    expect(r.plan.progress.measurements[0]?.measure.codes.map((c) => c.code)).toEqual(['44261-6']);
    expect(r.plan.progress.measurements[0]?.value.unit).toBe('{score}');
    expect(reported(r, 'Observation', /panel has no score of its own/)).toBe(true);
    expect(reported(r, 'Observation', /one item of the panel/)).toBe(true);
  },
  conditions: (r) => {
    expect(r.plan.diagnoses).toHaveLength(3);
    const coded = r.plan.diagnoses.filter((d) => d.category === 'encounter-diagnosis');
    expect(coded).toHaveLength(2);
    for (const d of coded) expect(new Set(d.condition.codes.map((c) => c.system)).size).toBe(2);
    expect(reported(r, 'Condition.clinicalStatus', /shown as active/)).toBe(true);
    expect(reported(r, /^Condition\.category\[1\]$/)).toBe(true);
  },
  'gad7-goal': (r) => {
    const goal = r.plan.goals.find((g) => g.targets.some((t) => t.measure.codes.some((c) => c.code === '70274-6')));
    expect(goal?.targets[0]).toMatchObject({ comparator: '<', value: { value: 6, unit: '{score}' } });
    expect(r.plan.interventions.some((i) => goal !== undefined && i.goalIds.includes(goal.id))).toBe(true);
    expect(r.plan.progress.measurements.some((m) => goal !== undefined && m.goalId === goal.id)).toBe(true);
  },
  synthea: (r) => {
    expect(r.source).toBe('care-plan');
    expect(r.because).toMatch(/mental-health/);
    expect(r.plan.status).toBe('active');
    expect(r.otherPlans.length).toBeGreaterThanOrEqual(3);
    expect(r.otherPlans.some((p) => p.mentalHealth)).toBe(true);
    expect(reported(r, 'CarePlan.intent', /order/)).toBe(true);
    expect(reported(r, 'CarePlan', /another/)).toBe(true);
  },
};

/** The shape a file holds, by the words in its name (the shared folder's names and ours). */
const BY_NAME: [RegExp, string][] = [
  [/inline-activity/, 'inline-activity'],
  [/pharynx|do-not-perform/, 'contained-goal-do-not-perform'],
  [/renal-proposal|proposal-contained-goal/, 'proposal-contained-goal'],
  [/narrative-only/, 'narrative-only'],
  [/target-range/, 'goal-range'],
  [/no-target/, 'goal-no-target'],
  [/consent-privacy/, 'consent-privacy'],
  [/consent-treatment/, 'consent-treatment'],
  [/narrative-with-condition/, 'narrative-with-condition'],
  [/phq9/, 'phq9'],
  [/conditions-icd10/, 'conditions'],
  [/gad7-goal/, 'gad7-goal'],
  [/synthea/, 'synthea'],
];

export function shapeOf(fileName: string): string | undefined {
  return BY_NAME.find(([pattern]) => pattern.test(fileName))?.[1];
}

export function expectShape(shape: string, reading: PlanInputReading): void {
  const check = SHAPES[shape];
  if (!check) throw new Error(`no expectations for shape ${shape}`);
  check(reading);
}

export const SHAPE_NAMES: readonly string[] = Object.keys(SHAPES);
