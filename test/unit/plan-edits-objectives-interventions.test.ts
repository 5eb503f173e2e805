import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import { refusal } from './plan-assertions.ts';
import { samplePlan, TODAY } from './plan-fixtures.ts';

const ids = plan.sequentialIds('new');
const objective = (description: string): plan.Objective => plan.newObjective({ description }, ids);
const objectiveIds = (p: plan.TreatmentPlan, g: number): string[] => p.goals[g]?.objectives.map((o) => o.id) ?? [];

describe('objectives', () => {
  test('an objective is added to its goal, at the end or at a position', () => {
    const walk = objective('Walk 20 minutes a day');
    const call = objective('Call a friend each week');
    let p = plan.addObjective(samplePlan(), 'goal-1-1', walk);
    p = plan.addObjective(p, 'goal-1-1', call, 0);
    expect(objectiveIds(p, 0)).toEqual([call.id, 'goal-1-2', walk.id]);
  });

  test('an objective belongs to a goal: adding one to an objective or an unknown goal is refused', () => {
    refusal(() => plan.addObjective(samplePlan(), 'goal-1-2', objective('x')), 'not-found');
    refusal(() => plan.addObjective(samplePlan(), 'goal-404', objective('x')), 'not-found');
    refusal(() => plan.addObjective(samplePlan(), 'goal-1-1', objective('x'), 5), 'not-found');
  });

  test('objective ids are unique across the plan', () => {
    refusal(() => plan.addObjective(samplePlan(), 'goal-1-1', { ...objective('x'), id: 'goal-2-2' }), 'duplicate-id');
  });

  test('an objective is reworded and its start date set', () => {
    const p = plan.editObjective(samplePlan(), 'goal-1-2', {
      description: plan.concept('Two thought records a week'),
      startDate: TODAY,
    });
    expect(p.goals[0]?.objectives[0]).toMatchObject({
      description: { text: 'Two thought records a week' },
      startDate: TODAY,
    });
    refusal(() => plan.editObjective(samplePlan(), 'goal-1-1', { startDate: TODAY }), 'not-found');
  });

  test('an objective moves within its goal and to another goal, keeping its id and links', () => {
    const first = objective('Psychoeducation on depression');
    let p = plan.addObjective(samplePlan(), 'goal-1-1', first);
    p = plan.moveObjective(p, first.id, { index: 0 });
    expect(objectiveIds(p, 0)).toEqual([first.id, 'goal-1-2']);
    p = plan.moveObjective(p, 'goal-1-2', { goalId: 'goal-2-1', index: 0 });
    expect(objectiveIds(p, 0)).toEqual([first.id]);
    expect(objectiveIds(p, 1)).toEqual(['goal-1-2', 'goal-2-2']);
    expect(p.interventions[0]?.goalIds).toContain('goal-1-2');
  });

  test('moving an objective to a goal that does not exist is refused', () => {
    refusal(() => plan.moveObjective(samplePlan(), 'goal-1-2', { goalId: 'goal-9' }), 'not-found');
  });

  test('retiring an objective completes it without deleting it', () => {
    const p = plan.retireObjective(samplePlan(), 'goal-1-2', {
      outcome: 'completed',
      on: '2026-04-01',
      achievement: 'achieved',
    });
    expect(p.goals[0]?.objectives[0]).toMatchObject({
      id: 'goal-1-2',
      lifecycle: 'completed',
      statusDate: '2026-04-01',
      achievement: 'achieved',
    });
  });

  test('a never-saved objective is removed and unlinked from interventions; a saved one is refused', () => {
    const p = plan.removeDraftObjective(samplePlan(), 'goal-1-2', { saved: false });
    expect(objectiveIds(p, 0)).toEqual([]);
    expect(p.interventions[0]?.goalIds).toEqual(['goal-1-1']);
    refusal(() => plan.removeDraftObjective(samplePlan(), 'goal-1-2', { saved: true }), 'has-history');
  });

  test('an objective with a measurement cannot be removed', () => {
    const scored = plan.recordMeasurement(
      samplePlan(),
      plan.newMeasurement(
        {
          measure: plan.concept('Thought records'),
          value: { value: 2, unit: '/wk' },
          date: '2026-03-09T10:00:00-05:00',
          goalId: 'goal-1-2',
        },
        ids
      )
    );
    refusal(() => plan.removeDraftObjective(scored, 'goal-1-2', { saved: false }), 'has-history');
  });
});

describe('interventions', () => {
  test('an intervention serving a goal is added', () => {
    const activation = plan.newIntervention(
      { technique: 'Behavioural activation', application: 'Weekly activity schedule', goalIds: ['goal-1-1'] },
      ids
    );
    expect(plan.addIntervention(samplePlan(), activation).interventions.at(-1)).toEqual(activation);
  });

  test('an intervention serving a goal that is not in the plan is refused', () => {
    refusal(
      () => plan.addIntervention(samplePlan(), plan.newIntervention({ technique: 'EMDR', goalIds: ['goal-404'] }, ids)),
      'not-found'
    );
  });

  test('an intervention’s application, frequency and performer are edited', () => {
    const p = plan.editIntervention(samplePlan(), 'int-2', {
      application: 'Sleep diary every morning',
      frequency: { count: 2, per: 1, unit: 'wk' },
      performer: 'client',
    });
    expect(p.interventions[1]).toMatchObject({
      application: 'Sleep diary every morning',
      performer: 'client',
      goalIds: ['goal-2-1'],
    });
  });

  test('linking an intervention to goals adds each once', () => {
    const p = plan.linkInterventionToGoals(samplePlan(), 'int-2', ['goal-2-2', 'goal-1-1', 'goal-2-2', 'goal-2-1']);
    expect(p.interventions[1]?.goalIds).toEqual(['goal-2-1', 'goal-2-2', 'goal-1-1']);
    refusal(() => plan.linkInterventionToGoals(samplePlan(), 'int-2', ['goal-404']), 'not-found');
  });

  test('unlinking a goal removes only that link; a goal it does not serve is reported', () => {
    const p = plan.unlinkGoal(samplePlan(), 'int-1', 'goal-1-2');
    expect(p.interventions[0]?.goalIds).toEqual(['goal-1-1']);
    refusal(() => plan.unlinkGoal(samplePlan(), 'int-1', 'goal-2-1'), 'not-found');
  });

  test('stopping an intervention keeps it with its end date and status', () => {
    const p = plan.stopIntervention(samplePlan(), 'int-1', { status: 'completed', on: '2026-06-01' });
    expect(p.interventions[0]).toMatchObject({ id: 'int-1', status: 'completed', end: '2026-06-01' });
  });

  test('a draft intervention is removed; a saved one is refused', () => {
    expect(
      plan.removeDraftIntervention(samplePlan(), 'int-2', { saved: false }).interventions.map((i) => i.id)
    ).toEqual(['int-1']);
    refusal(() => plan.removeDraftIntervention(samplePlan(), 'int-2', { saved: true }), 'has-history');
  });
});
