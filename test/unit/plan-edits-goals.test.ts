import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import { refusal } from './plan-assertions.ts';
import { PHQ9, phq9Below10, samplePlan, TODAY } from './plan-fixtures.ts';

const ids = plan.sequentialIds('new');
const fresh = (): plan.PlanGoal =>
  plan.newGoal(
    {
      description: 'Return to work part time',
      addresses: ['dx-1'],
      objectives: [{ description: 'Call the employer' }],
    },
    ids
  );

describe('adding and editing goals', () => {
  test('a goal with its objectives is added at the end', () => {
    const goal = fresh();
    const p = plan.addGoal(samplePlan(), goal);
    expect(p.goals.at(-1)).toEqual(goal);
    expect(p.goals).toHaveLength(3);
  });

  test('a goal that reuses an id, or addresses a diagnosis not in the plan, is refused', () => {
    refusal(() => plan.addGoal(samplePlan(), { ...fresh(), id: 'dx-1' }), 'duplicate-id');
    const twins = fresh();
    refusal(
      () => plan.addGoal(samplePlan(), { ...twins, objectives: [...twins.objectives, ...twins.objectives] }),
      'duplicate-id'
    );
    refusal(() => plan.addGoal(samplePlan(), { ...fresh(), addresses: ['dx-404'] }), 'not-found');
  });

  test('editing a goal changes its words, priority and what it addresses', () => {
    const p = plan.editGoal(samplePlan(), 'goal-2-1', {
      description: plan.concept('Sleep seven hours most nights'),
      priority: 'low',
      addresses: ['dx-1', 'dx-2'],
    });
    expect(p.goals[1]).toMatchObject({
      description: { text: 'Sleep seven hours most nights' },
      priority: 'low',
      addresses: ['dx-1', 'dx-2'],
    });
    refusal(() => plan.editGoal(samplePlan(), 'goal-2-1', { addresses: ['c-404'] }), 'not-found');
  });

  test('editGoal is for goals: an objective id is not found there', () => {
    refusal(() => plan.editGoal(samplePlan(), 'goal-1-2', { priority: 'high' }), 'not-found');
  });

  test('a goal is moved to first place', () => {
    expect(plan.moveGoal(samplePlan(), 'goal-2-1', 0).goals.map((g) => g.id)).toEqual(['goal-2-1', 'goal-1-1']);
    refusal(() => plan.moveGoal(samplePlan(), 'goal-2-1', 2), 'not-found');
  });

  test('a goal or objective moves between open lifecycle states with the date of the change', () => {
    const p = plan.setGoalLifecycle(samplePlan(), 'goal-1-2', 'on-hold', '2026-03-20');
    expect(p.goals[0]?.objectives[0]).toMatchObject({ lifecycle: 'on-hold', statusDate: '2026-03-20' });
  });
});

describe('retiring a goal', () => {
  test('completing a goal records the outcome, date, achievement and reason, and keeps everything else', () => {
    const before = samplePlan();
    const p = plan.retireGoal(before, 'goal-1-1', {
      outcome: 'completed',
      on: '2026-06-01',
      achievement: 'achieved',
      reason: 'PHQ-9 under 10 for a month',
    });
    const goal = p.goals[0];
    expect(goal).toMatchObject({
      lifecycle: 'completed',
      statusDate: '2026-06-01',
      achievement: 'achieved',
      notes: ['PHQ-9 under 10 for a month'],
    });
    expect(goal?.objectives).toEqual(before.goals[0]?.objectives);
    expect(goal?.targets).toEqual(before.goals[0]?.targets);
    expect(p.progress).toEqual(before.progress);
    expect(p.interventions).toEqual(before.interventions);
  });

  test('cancelling a goal keeps it in the plan', () => {
    const p = plan.retireGoal(samplePlan(), 'goal-2-1', { outcome: 'cancelled', on: TODAY });
    expect(p.goals.map((g) => [g.id, g.lifecycle])).toEqual([
      ['goal-1-1', 'active'],
      ['goal-2-1', 'cancelled'],
    ]);
  });

  test('a goal that already ended cannot be retired again', () => {
    const p = plan.retireGoal(samplePlan(), 'goal-2-1', { outcome: 'cancelled', on: TODAY });
    const error = refusal(() => plan.retireGoal(p, 'goal-2-1', { outcome: 'completed', on: TODAY }), 'not-allowed');
    expect(error.path).toBe('goals[1].lifecycle');
  });
});

describe('removing a draft goal', () => {
  test('a never-saved goal without data is removed with its objectives, and interventions lose the link only', () => {
    const goal = fresh();
    let p = plan.addGoal(samplePlan(), goal);
    p = plan.linkInterventionToGoals(p, 'int-1', [goal.id, goal.objectives[0]?.id ?? '']);
    p = plan.removeDraftGoal(p, goal.id, { saved: false });
    expect(p.goals.map((g) => g.id)).toEqual(['goal-1-1', 'goal-2-1']);
    expect(p.interventions[0]?.goalIds).toEqual(['goal-1-1', 'goal-1-2']);
  });

  test('a saved goal is refused: retire it instead', () => {
    const goal = fresh();
    const error = refusal(
      () => plan.removeDraftGoal(plan.addGoal(samplePlan(), goal), goal.id, { saved: true }),
      'has-history'
    );
    expect(error.message).toMatch(/Retire it instead/);
  });

  test('a goal with measurements, progress notes, notes or an achievement is refused', () => {
    refusal(() => plan.removeDraftGoal(samplePlan(), 'goal-2-1', { saved: false }), 'has-history');
    const noted = { ...fresh(), notes: ['Client’s own words'] };
    refusal(() => plan.removeDraftGoal(plan.addGoal(samplePlan(), noted), noted.id, { saved: false }), 'has-history');
    const goal = fresh();
    const rated = plan.setAchievement(
      plan.addGoal(samplePlan(), goal),
      goal.objectives[0]?.id ?? '',
      'improving',
      TODAY
    );
    refusal(() => plan.removeDraftGoal(rated, goal.id, { saved: false }), 'has-history');
  });
});

describe('targets', () => {
  const sleepTarget: plan.MeasurableTarget = {
    measure: plan.concept('Hours of sleep per night'),
    comparator: '>=',
    value: { value: 6, unit: 'h' },
  };

  test('a target is added to a goal or an objective', () => {
    let p = plan.addTarget(samplePlan(), 'goal-2-1', phq9Below10);
    expect(p.goals[1]?.targets).toHaveLength(2);
    p = plan.addTarget(p, 'goal-2-2', sleepTarget);
    expect(p.goals[1]?.objectives[0]?.targets.at(-1)).toEqual(sleepTarget);
  });

  test('a target is replaced and removed by position', () => {
    const stricter = { ...phq9Below10, comparator: '<' as const, value: { value: 5, unit: '{score}' } };
    let p = plan.setTarget(samplePlan(), 'goal-1-1', 0, stricter);
    expect(p.goals[0]?.targets).toEqual([stricter]);
    p = plan.removeTarget(p, 'goal-1-1', 0);
    expect(p.goals[0]?.targets).toEqual([]);
  });

  test('a target position or goal that does not exist is refused', () => {
    expect(refusal(() => plan.setTarget(samplePlan(), 'goal-1-1', 1, phq9Below10), 'not-found').path).toBe(
      'goals[0].targets'
    );
    refusal(() => plan.removeTarget(samplePlan(), 'goal-9', 0), 'not-found');
    refusal(() => plan.addTarget(samplePlan(), 'goal-9', { ...phq9Below10, measure: PHQ9 }), 'not-found');
  });
});
