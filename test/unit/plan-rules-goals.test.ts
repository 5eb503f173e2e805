import { describe, expect, test } from 'vitest';
import type { MeasurableTarget, TreatmentPlan } from '../../src/plan/index.ts';
import { violations } from './plan-assertions.ts';
import { phq9Below10, samplePlan } from './plan-fixtures.ts';

/** The sample plan with the first goal's first target replaced. */
function withGoalTarget(target: MeasurableTarget, startDate = '2026-03-02'): TreatmentPlan {
  const p = samplePlan();
  return { ...p, goals: p.goals.map((g, i) => (i === 0 ? { ...g, startDate, targets: [target] } : g)) };
}

/** The sample plan with the first objective's due date changed. */
function withObjectiveDue(dueDate: string): TreatmentPlan {
  const p = samplePlan();
  return {
    ...p,
    goals: p.goals.map((g, i) =>
      i === 0
        ? { ...g, objectives: g.objectives.map((o) => ({ ...o, targets: o.targets.map((t) => ({ ...t, dueDate })) })) }
        : g
    ),
  };
}

describe('a measurable goal has a measure and a target value with its unit', () => {
  test('a target that does not say what is measured is reported at the measure', () => {
    const broken = withGoalTarget({ ...phq9Below10, measure: { text: ' ', codes: [] } });
    expect(violations(broken, 'target-measure')).toEqual([
      expect.objectContaining({ path: 'goals[0].targets[0].measure', severity: 'error' }),
    ]);
    expect(
      violations(
        withGoalTarget({
          ...phq9Below10,
          measure: { text: '', codes: [{ system: 'http://loinc.org', code: '44261-6' }] },
        }),
        'target-measure'
      )
    ).toEqual([]);
  });

  test('a target without a number to reach is reported at the value', () => {
    const broken = withGoalTarget({ ...phq9Below10, value: { value: Number.NaN, unit: '{score}' } });
    expect(violations(broken, 'target-value').map((v) => v.path)).toEqual(['goals[0].targets[0].value.value']);
    expect(violations(samplePlan(), 'target-value')).toEqual([]);
  });

  test('a target value without a unit is reported at the unit', () => {
    const broken = withGoalTarget({ ...phq9Below10, value: { value: 10, unit: '' } });
    expect(violations(broken, 'target-unit')).toEqual([
      {
        path: 'goals[0].targets[0].value.unit',
        severity: 'error',
        message: expect.stringMatching(/no unit/) as unknown,
      },
    ]);
  });

  test('a target is due on or after the goal starts', () => {
    expect(
      violations(withGoalTarget({ ...phq9Below10, dueDate: '2026-03-01' }), 'target-due-after-start').map((v) => v.path)
    ).toEqual(['goals[0].targets[0].dueDate']);
    expect(violations(withGoalTarget({ ...phq9Below10, dueDate: '2026-03-02' }), 'target-due-after-start')).toEqual([]);
  });
});

describe('an objective is a step toward its goal', () => {
  test('an objective due after its goal is a warning', () => {
    expect(violations(withObjectiveDue('2026-07-01'), 'objective-due-within-goal')).toEqual([
      expect.objectContaining({ path: 'goals[0].objectives[0].targets[0].dueDate', severity: 'warning' }),
    ]);
  });

  test('an objective due on the goal’s due date is fine', () => {
    expect(violations(withObjectiveDue('2026-06-01'), 'objective-due-within-goal')).toEqual([]);
  });
});

describe('numbers make sense', () => {
  test('a percentage is between 0 and 100', () => {
    const broken = withGoalTarget({
      measure: { text: 'Sessions attended', codes: [] },
      comparator: '>=',
      value: { value: 120, unit: '%' },
    });
    expect(violations(broken, 'amount-range').map((v) => v.path)).toEqual(['goals[0].targets[0].value.value']);
    const fine = withGoalTarget({
      measure: { text: 'Sessions attended', codes: [] },
      comparator: '>=',
      value: { value: 80, unit: '%' },
    });
    expect(violations(fine, 'amount-range')).toEqual([]);
  });

  test('a score cannot be negative, in a target or a measurement', () => {
    const p = withGoalTarget({ ...phq9Below10, value: { value: -1, unit: '{score}' } });
    const measurements = p.progress.measurements.map((m, i) =>
      i === 0 ? { ...m, value: { value: -3, unit: '{score}' } } : m
    );
    const paths = violations({ ...p, progress: { ...p.progress, measurements } }, 'amount-range').map((v) => v.path);
    expect(paths).toEqual(['goals[0].targets[0].value.value', 'progress.measurements[0].value.value']);
  });

  test('a target that can never be met is reported: below 0 points, above 100 %', () => {
    expect(
      violations(withGoalTarget({ ...phq9Below10, value: { value: 0, unit: '{score}' } }), 'amount-range')
    ).toHaveLength(1);
    const above = withGoalTarget({
      measure: { text: 'Attendance', codes: [] },
      comparator: '>',
      value: { value: 100, unit: '%' },
    });
    expect(violations(above, 'amount-range')[0]?.message).toMatch(/never be met/);
    expect(
      violations(
        withGoalTarget({ ...phq9Below10, comparator: '<=', value: { value: 0, unit: '{score}' } }),
        'amount-range'
      )
    ).toEqual([]);
  });

  test('session length and frequencies are above zero', () => {
    const p = samplePlan();
    const broken: TreatmentPlan = {
      ...p,
      schedule: { ...p.schedule, sessionMinutes: 0, sessionFrequency: { count: 0, per: 1, unit: 'wk' } },
      interventions: p.interventions.map((i, n) =>
        n === 0 ? { ...i, frequency: { count: 1, per: -1, unit: 'wk' } } : i
      ),
    };
    expect(violations(broken, 'positive-number').map((v) => v.path)).toEqual([
      'schedule.sessionMinutes',
      'schedule.sessionFrequency.count',
      'interventions[0].frequency.per',
    ]);
    expect(violations(samplePlan(), 'positive-number')).toEqual([]);
  });
});
