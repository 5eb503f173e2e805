import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { MeasurableTarget, Measurement } from '../../src/plan/index.ts';
import { PHQ9, phq9Below10, samplePlan } from './plan-fixtures.ts';

const TODAY = '2026-05-01';
let counter = 0;
function scores(...values: number[]): Measurement[] {
  return values.map((value, week) => ({
    id: `phq-${(counter += 1)}`,
    measure: PHQ9,
    value: { value, unit: '{score}' },
    date: `2026-03-${String(2 + week * 7).padStart(2, '0')}T10:00:00-05:00`,
  }));
}
function single(value: number): Measurement {
  const [measurement] = scores(value);
  if (!measurement) throw new Error('no score');
  return measurement;
}
const suggest = (target: MeasurableTarget, measurements: Measurement[], options?: plan.SuggestionOptions) =>
  plan.suggestAchievement(target, measurements, TODAY, options).achievement;

describe('suggesting an achievement from PHQ-9 scores against “below 10”', () => {
  test('in progress with no scores, or a single one, even if it meets the target', () => {
    expect(plan.suggestAchievement(phq9Below10, [], TODAY)).toMatchObject({
      achievement: 'in-progress',
      reason: 'No scores recorded yet.',
    });
    expect(suggest(phq9Below10, scores(8))).toBe('in-progress');
  });

  test('achieved when the last two scores meet the target', () => {
    const result = plan.suggestAchievement(phq9Below10, scores(18, 12, 9, 7), TODAY);
    expect(result.achievement).toBe('achieved');
    expect(result.reason).toBe('The last 2 scores (9 and 7) meet the target (< 10 {score}).');
    expect(result.basis.map((m) => m.value.value)).toEqual([18, 12, 9, 7]);
  });

  test('not achieved when only the latest meets it: one good week is improving', () => {
    expect(suggest(phq9Below10, scores(18, 14, 9))).toBe('improving');
  });

  test('a score equal to a strict target does not meet it', () => {
    expect(suggest(phq9Below10, scores(10, 10))).toBe('no-change');
    expect(suggest({ ...phq9Below10, comparator: '<=' }, scores(10, 10))).toBe('achieved');
  });

  test('improving when scores drop toward the target by at least a fifth of the way', () => {
    // Baseline 20 is 10 points from the target: a fifth is 2 points.
    expect(suggest(phq9Below10, scores(20, 19, 18))).toBe('improving');
    expect(suggest(phq9Below10, scores(20, 19))).toBe('no-change');
  });

  test('worsening when scores rise away from the target', () => {
    const result = plan.suggestAchievement(phq9Below10, scores(12, 14, 16), TODAY);
    expect(result.achievement).toBe('worsening');
    expect(result.reason).toContain('from 12 on 2026-03-02 to 16 on 2026-03-16');
  });

  test('no change when scores stay within the minimum change', () => {
    expect(suggest(phq9Below10, scores(15, 16, 15))).toBe('no-change');
  });

  test('a reliable-change threshold from the caller replaces the default', () => {
    expect(suggest(phq9Below10, scores(20, 17), { minimumChange: 5 })).toBe('no-change');
    expect(suggest(phq9Below10, scores(20, 15), { minimumChange: 5 })).toBe('improving');
  });

  test('scores are taken in time order, not list order', () => {
    expect(suggest(phq9Below10, scores(12, 14, 16).reverse())).toBe('worsening');
  });

  test('scores after today and scores in another unit are left out', () => {
    const later: Measurement = { ...single(30), date: '2026-05-02T09:00:00-04:00' };
    const percent: Measurement = { ...single(90), value: { value: 90, unit: '%' } };
    const result = plan.suggestAchievement(phq9Below10, [...scores(16, 12), later, percent], TODAY);
    expect(result.basis).toHaveLength(2);
    expect(result.achievement).toBe('improving');
  });
});

describe('targets to rise to, or to hit exactly', () => {
  const sleep: MeasurableTarget = {
    measure: plan.concept('Hours of sleep'),
    comparator: '>=',
    value: { value: 7, unit: 'h' },
  };
  const hours = (...values: number[]): Measurement[] =>
    scores(...values).map((m) => ({ ...m, measure: sleep.measure, value: { value: m.value.value, unit: 'h' } }));

  test('for “at least 7 hours”, rising is improving and falling is worsening', () => {
    expect(suggest(sleep, hours(4, 5, 6))).toBe('improving');
    expect(suggest(sleep, hours(6, 5, 4))).toBe('worsening');
    expect(suggest(sleep, hours(6, 7, 8))).toBe('achieved');
  });

  test('for “exactly 3 per week”, coming closer from either side is improving', () => {
    const exact: MeasurableTarget = {
      measure: plan.concept('Exposure exercises'),
      comparator: '=',
      value: { value: 3, unit: '/wk' },
    };
    const perWeek = (...values: number[]): Measurement[] =>
      scores(...values).map((m) => ({ ...m, value: { value: m.value.value, unit: '/wk' } }));
    expect(suggest(exact, perWeek(8, 5))).toBe('improving');
    expect(suggest(exact, perWeek(3, 6))).toBe('worsening');
    expect(suggest(exact, perWeek(5, 3, 3))).toBe('achieved');
  });
});

describe('suggesting for a goal of the plan', () => {
  test('uses the plan’s scores of the goal’s measure, linked to the goal or not', () => {
    let p = samplePlan();
    for (const m of scores(0, 14, 9, 8).slice(1)) p = plan.recordMeasurement(p, m);
    expect(plan.suggestGoalAchievement(p, 'goal-1-1', TODAY)).toMatchObject({ achievement: 'achieved' });
  });

  test('counts scores recorded against the goal under other words when the goal has one target', () => {
    const differentlyWorded = plan.newMeasurement(
      {
        measure: 'Sleep (hours, diary)',
        value: { value: 7.5, unit: 'h' },
        date: '2026-03-20T08:00:00-04:00',
        goalId: 'goal-2-1',
      },
      () => 'm-diary'
    );
    const p = plan.recordMeasurement(samplePlan(), differentlyWorded);
    expect(plan.suggestGoalAchievement(p, 'goal-2-1', TODAY)?.basis.map((m) => m.id)).toEqual(['m-2', 'm-diary']);
  });

  test('has nothing to suggest for a goal without a target or an unknown id', () => {
    expect(
      plan.suggestGoalAchievement(plan.removeTarget(samplePlan(), 'goal-1-1', 0), 'goal-1-1', TODAY)
    ).toBeUndefined();
    expect(plan.suggestGoalAchievement(samplePlan(), 'goal-404', TODAY)).toBeUndefined();
  });
});
