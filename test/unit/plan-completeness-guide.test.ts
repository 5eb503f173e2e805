import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { CompletenessItemId, TreatmentPlan } from '../../src/plan/index.ts';
import { PHQ9, samplePlan, signedPlan, TODAY } from './plan-fixtures.ts';

const ids = plan.sequentialIds('new');

function item(p: TreatmentPlan, id: CompletenessItemId, today = TODAY): plan.CompletenessItem {
  const found = plan.checkCompleteness(p, today).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

const withoutConsent = (p: TreatmentPlan): TreatmentPlan => ({
  ...p,
  contract: { goalsForChange: [], responsibilities: [] },
});

describe('the complete sample plan', () => {
  test('passes every item, guide questions first, with no paths to fix', () => {
    const items = plan.checkCompleteness(samplePlan(), TODAY);
    expect(items.map((i) => [i.group, i.passed])).toEqual([
      ...Array.from({ length: 7 }, () => ['guide', true]),
      ...Array.from({ length: 5 }, () => ['insurer', true]),
    ]);
    expect(items.every((i) => i.paths.length === 0 && i.question.endsWith('?') && i.why !== '')).toBe(true);
    expect(plan.isComplete(items)).toBe(true);
  });
});

describe('1. are the presenting concerns defined?', () => {
  test('fails without a concern, pointing at the concerns', () => {
    expect(item({ ...samplePlan(), presentingConcerns: [] }, 'concerns-defined')).toMatchObject({
      passed: false,
      paths: ['presentingConcerns'],
    });
  });

  test('fails when every concern is resolved, or one is blank', () => {
    expect(item(plan.resolvePresentingConcern(samplePlan(), 'c-1'), 'concerns-defined').why).toMatch(/resolved/);
    const blank = plan.editPresentingConcern(samplePlan(), 'c-1', { concern: plan.concept('') });
    expect(item(blank, 'concerns-defined').paths).toEqual(['presentingConcerns[0].concern.text']);
  });
});

describe('2. are the interventions tailored?', () => {
  test('fails for a goal no intervention serves, naming it', () => {
    const p = plan.unlinkGoal(samplePlan(), 'int-2', 'goal-2-1');
    expect(item(p, 'interventions-tailored')).toMatchObject({
      passed: false,
      paths: ['goals[1]'],
      why: expect.stringContaining('“Sleep at least seven hours a night”') as unknown,
    });
  });

  test('an intervention serving only an objective serves its goal', () => {
    const p = plan.linkInterventionToGoals(plan.unlinkGoal(samplePlan(), 'int-2', 'goal-2-1'), 'int-2', ['goal-2-2']);
    expect(item(p, 'interventions-tailored').passed).toBe(true);
  });

  test('fails for an intervention that does not say how it is applied', () => {
    const p = plan.editIntervention(samplePlan(), 'int-2', { application: null });
    expect(item(p, 'interventions-tailored').paths).toEqual(['interventions[1].application']);
  });

  test('a stopped intervention no longer serves its goal, and a retired goal needs none', () => {
    const stopped = plan.stopIntervention(samplePlan(), 'int-2', { status: 'completed', on: TODAY });
    expect(item(stopped, 'interventions-tailored').paths).toEqual(['goals[1]']);
    expect(
      item(plan.retireGoal(stopped, 'goal-2-1', { outcome: 'completed', on: TODAY }), 'interventions-tailored').passed
    ).toBe(true);
  });
});

describe('3. is there a timeline with review dates?', () => {
  test('fails without a next review date', () => {
    expect(item(plan.setNextReviewDate(samplePlan(), null), 'timeline')).toMatchObject({
      passed: false,
      paths: ['review.nextReviewDate'],
    });
  });

  test('fails when the review is overdue on the day of the check', () => {
    expect(item(samplePlan(), 'timeline', '2026-06-02')).toMatchObject({
      passed: false,
      why: 'The review planned for 2026-06-01 is overdue.',
    });
    expect(item(samplePlan(), 'timeline', '2026-06-01').passed).toBe(true);
  });
});

describe('4. are the goals and objectives measurable?', () => {
  test('fails without goals', () => {
    expect(item({ ...samplePlan(), goals: [], interventions: [] }, 'measurable-goals')).toMatchObject({
      passed: false,
      paths: ['goals'],
    });
  });

  test('fails for a goal or objective without a target, pointing at its targets', () => {
    const p = plan.removeTarget(plan.removeTarget(samplePlan(), 'goal-1-1', 0), 'goal-2-2', 0);
    expect(item(p, 'measurable-goals').paths).toEqual(['goals[0].targets', 'goals[1].objectives[0].targets']);
  });

  test('a cancelled objective need not be measurable', () => {
    const p = plan.retireObjective(plan.removeTarget(samplePlan(), 'goal-2-2', 0), 'goal-2-2', {
      outcome: 'cancelled',
      on: TODAY,
    });
    expect(item(p, 'measurable-goals').passed).toBe(true);
  });
});

describe('5. are there milestones?', () => {
  test('fails for a goal without objectives', () => {
    const p = plan.removeDraftObjective(samplePlan(), 'goal-2-2', { saved: false });
    expect(item(p, 'milestones')).toMatchObject({
      passed: false,
      paths: ['goals[1].objectives'],
      why: '“Sleep at least seven hours a night” has no objectives.',
    });
  });

  test('fails for an objective without a due date', () => {
    const target = samplePlan().goals[0]?.objectives[0]?.targets[0];
    if (!target) throw new Error('fixture');
    const undated = { measure: target.measure, comparator: target.comparator, value: target.value };
    expect(item(plan.setTarget(samplePlan(), 'goal-1-2', 0, undated), 'milestones').paths).toEqual([
      'goals[0].objectives[0].targets',
    ]);
  });
});

describe('6. did client and clinician agree?', () => {
  test('fails without signatures or consent', () => {
    expect(item(withoutConsent(samplePlan()), 'mutual-agreement')).toMatchObject({
      passed: false,
      paths: ['signatures', 'contract.consent'],
    });
  });

  test('passes with an active consent, or with client and clinician signatures', () => {
    expect(item(samplePlan(), 'mutual-agreement').passed).toBe(true);
    expect(item(withoutConsent(signedPlan()), 'mutual-agreement').passed).toBe(true);
    expect(item(plan.withdrawConsent(samplePlan(), '2026-03-03T09:00:00-05:00'), 'mutual-agreement').passed).toBe(
      false
    );
  });

  test('for a minor it takes the guardian’s signature, not only the client’s', () => {
    const teen = { ...withoutConsent(signedPlan()), client: { ...samplePlan().client, birthDate: '2012-01-01' } };
    expect(item(teen, 'mutual-agreement').why).toMatch(/guardian/);
    const guardian = plan.newSignature(
      { role: 'guardian', signer: { name: 'Ana Smith' }, signedAt: '2026-03-02T10:54:00-05:00' },
      ids
    );
    expect(item(plan.signPlan(teen, guardian), 'mutual-agreement').passed).toBe(true);
  });
});

describe('7. is progress tracked?', () => {
  const unscored = (p: TreatmentPlan): TreatmentPlan => ({
    ...p,
    history: { ...p.history, assessmentIds: [] },
    progress: { ...p.progress, measurements: p.progress.measurements.slice(1) },
  });

  test('fails for a measurable goal without scores or a scheduled measure', () => {
    expect(item(unscored(samplePlan()), 'progress-tracking')).toMatchObject({
      passed: false,
      paths: ['goals[0].targets', 'progress.measurements'],
    });
  });

  test('a PHQ-9 not linked to the goal still tracks its PHQ-9 target', () => {
    const loose = plan.newMeasurement(
      { measure: PHQ9, value: { value: 16, unit: '{score}' }, date: '2026-02-20T09:00:00-05:00' },
      ids
    );
    expect(item(plan.recordMeasurement(unscored(samplePlan()), loose), 'progress-tracking').passed).toBe(true);
  });

  test('a PHQ-9 scheduled every two weeks counts as tracking', () => {
    const scheduled = plan.newIntervention({ technique: PHQ9, frequency: { count: 1, per: 2, unit: 'wk' } }, ids);
    expect(item(plan.addIntervention(unscored(samplePlan()), scheduled), 'progress-tracking').passed).toBe(true);
  });
});
