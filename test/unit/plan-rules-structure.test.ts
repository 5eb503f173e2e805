import { describe, expect, test } from 'vitest';
import { checkPlanRules, keepsRules, STRUCTURAL_RULES } from '../../src/plan/index.ts';
import { violations } from './plan-assertions.ts';
import { samplePlan, signedPlan } from './plan-fixtures.ts';

describe('the sample plans', () => {
  test('a complete plan, signed or not, breaks no rule', () => {
    expect(checkPlanRules(samplePlan())).toEqual([]);
    expect(checkPlanRules(signedPlan())).toEqual([]);
    expect(keepsRules(checkPlanRules(samplePlan()))).toBe(true);
  });
});

describe('ids and references', () => {
  test('ids are unique across the plan: a goal with a strength’s id is reported at the goal', () => {
    const p = samplePlan();
    const broken = { ...p, strengths: [{ id: 'goal-1-1', description: 'Humour' }] };
    expect(violations(broken, 'unique-ids')).toEqual([
      expect.objectContaining({ path: 'goals[0]', severity: 'error' }),
    ]);
    expect(violations(broken, 'unique-ids')[0]?.message).toMatch(/strengths\[0\]/);
    expect(keepsRules(checkPlanRules(broken))).toBe(false);
  });

  test('objective ids are unique across the plan, across goals too', () => {
    const p = samplePlan();
    const [first, second] = p.goals;
    const step = second?.objectives[0];
    if (!first || !second || !step) throw new Error('fixture');
    const clash = { ...second, objectives: [{ ...step, id: 'goal-1-2' }] };
    expect(violations({ ...p, goals: [first, clash] }, 'unique-ids').map((v) => v.path)).toEqual([
      'goals[1].objectives[0]',
    ]);
  });

  test('a goal addresses only diagnoses and concerns that are in the plan', () => {
    const p = samplePlan();
    const broken = { ...p, diagnoses: p.diagnoses.slice(0, 1) };
    expect(violations(broken, 'goal-addresses-exist').map((v) => v.path)).toEqual(['goals[1].addresses[0]']);
  });

  test('an intervention serves only goals and objectives that are in the plan', () => {
    const p = samplePlan();
    const broken = {
      ...p,
      interventions: p.interventions.map((i) => ({ ...i, goalIds: [...i.goalIds, 'goal-gone'] })),
    };
    expect(violations(broken, 'intervention-goal-exists').map((v) => v.path)).toEqual([
      'interventions[0].goalIds[2]',
      'interventions[1].goalIds[1]',
    ]);
  });

  test('a measurement tracks only a goal or objective in the plan', () => {
    const p = samplePlan();
    const measurements = p.progress.measurements.map((m, i) => (i === 1 ? { ...m, goalId: 'goal-gone' } : m));
    expect(violations({ ...p, progress: { ...p.progress, measurements } }, 'measurement-goal-exists')).toEqual([
      expect.objectContaining({ path: 'progress.measurements[1].goalId', severity: 'error' }),
    ]);
  });

  test('a progress note is about a goal in the plan, or about the plan', () => {
    const p = samplePlan();
    const notes = [
      ...p.progress.notes,
      { id: 'n-2', date: '2026-03-09T10:00:00-05:00', text: 'x', goalId: 'goal-gone' },
      { id: 'n-3', date: '2026-03-09T10:00:00-05:00', text: 'on the plan' },
    ];
    expect(violations({ ...p, progress: { ...p.progress, notes } }, 'note-goal-exists').map((v) => v.path)).toEqual([
      'progress.notes[1].goalId',
    ]);
  });

  test('assessment results in the history are recorded measurements', () => {
    const p = samplePlan();
    const broken = { ...p, history: { ...p.history, assessmentIds: ['m-1', 'm-gone'] } };
    expect(violations(broken, 'assessment-exists').map((v) => v.path)).toEqual(['history.assessmentIds[1]']);
  });

  test('these are the structural rules', () => {
    expect([...STRUCTURAL_RULES].sort()).toEqual(
      [
        'assessment-exists',
        'goal-addresses-exist',
        'intervention-goal-exists',
        'measurement-goal-exists',
        'note-goal-exists',
        'unique-ids',
      ].sort()
    );
  });
});
