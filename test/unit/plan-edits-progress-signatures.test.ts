import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import { refusal } from './plan-assertions.ts';
import { closedPlan, PHQ9, samplePlan, signedPlan } from './plan-fixtures.ts';

const ids = plan.sequentialIds('new');
const score = (value: number, date: string, goalId?: string): plan.Measurement =>
  plan.newMeasurement({ measure: PHQ9, value: { value, unit: '{score}' }, date, ...(goalId ? { goalId } : {}) }, ids);

describe('progress', () => {
  test('a score is recorded against a goal, and against nothing at all', () => {
    const linked = score(14, '2026-03-16T10:00:00-04:00', 'goal-1-1');
    const loose = score(13, '2026-03-23T10:00:00-04:00');
    const p = plan.recordMeasurement(plan.recordMeasurement(signedPlan(), linked), loose);
    expect(p.progress.measurements.slice(-2)).toEqual([linked, loose]);
  });

  test('a score for a goal that is not in the plan, or with a used id, is refused', () => {
    refusal(
      () => plan.recordMeasurement(samplePlan(), score(14, '2026-03-16T10:00:00-04:00', 'goal-404')),
      'not-found'
    );
    refusal(
      () => plan.recordMeasurement(samplePlan(), { ...score(14, '2026-03-16T10:00:00-04:00'), id: 'm-1' }),
      'duplicate-id'
    );
  });

  test('progress notes are added on the plan or on a goal', () => {
    const onGoal = plan.newProgressNote(
      { date: '2026-03-16T10:50:00-04:00', text: 'Two thought records done.', goalId: 'goal-1-2' },
      ids
    );
    const p = plan.addProgressNote(samplePlan(), onGoal);
    expect(p.progress.notes.at(-1)).toEqual(onGoal);
    refusal(() => plan.addProgressNote(samplePlan(), { ...onGoal, id: 'n-new', goalId: 'goal-404' }), 'not-found');
  });

  test('the outcome summary is set, and cleared by blank text', () => {
    const p = plan.setOutcomeSummary(samplePlan(), 'PHQ-9 from 18 to 8 over 12 weeks.');
    expect(p.progress.outcomeSummary).toBe('PHQ-9 from 18 to 8 over 12 weeks.');
    expect(plan.setOutcomeSummary(p, '').progress).not.toHaveProperty('outcomeSummary');
  });

  test('achievement is recorded with its date, and cleared with null', () => {
    let p = plan.setAchievement(signedPlan(), 'goal-1-1', 'improving', '2026-03-30');
    expect(p.goals[0]).toMatchObject({ achievement: 'improving', statusDate: '2026-03-30' });
    p = plan.setAchievement(p, 'goal-1-1', null, '2026-04-06');
    expect(p.goals[0]).not.toHaveProperty('achievement');
    expect(p.goals[0]?.objectives).toEqual(samplePlan().goals[0]?.objectives);
  });
});

describe('signing and the lock', () => {
  test('an unsigned draft is not locked; the first signature locks it', () => {
    expect(plan.isLocked(samplePlan())).toBe(false);
    const p = plan.signPlan(
      samplePlan(),
      plan.newSignature(
        { role: 'clinician', signer: { name: 'Dana Rivera' }, signedAt: '2026-03-02T10:52:00-05:00' },
        ids
      )
    );
    expect(plan.lockReason(p)).toBe('signed');
    refusal(() => plan.addGoalForChange(p, 'Anything'), 'plan-locked');
  });

  test('the client signs after the clinician, with a drawn image and the plan version', () => {
    const clinicianOnly = { ...signedPlan(), signatures: signedPlan().signatures.slice(0, 1) };
    const client = plan.newSignature(
      {
        role: 'client',
        signer: { reference: 'Patient/george', name: 'George Smith' },
        signedAt: '2026-03-02T10:53:00-05:00',
        image: 'iVBORw0KGgo=',
        planVersion: '3',
      },
      ids
    );
    expect(plan.signPlan(clinicianOnly, client).signatures.map((s) => s.role)).toEqual(['clinician', 'client']);
  });

  test('the same person cannot sign twice in the same role', () => {
    const again = plan.newSignature(
      {
        role: 'client',
        signer: { reference: 'Patient/george', name: 'G. Smith' },
        signedAt: '2026-03-03T09:00:00-05:00',
      },
      ids
    );
    expect(refusal(() => plan.signPlan(signedPlan(), again), 'not-allowed').path).toBe('signatures[1]');
  });

  test('two guardians may each sign', () => {
    const mother = plan.newSignature(
      { role: 'guardian', signer: { name: 'Ana Doe' }, signedAt: '2026-03-02T11:00:00-05:00' },
      ids
    );
    const father = plan.newSignature(
      { role: 'guardian', signer: { name: 'Joe Doe' }, signedAt: '2026-03-02T11:01:00-05:00' },
      ids
    );
    expect(plan.signPlan(plan.signPlan(signedPlan(), mother), father).signatures).toHaveLength(4);
  });

  test('a signature given by mistake before saving is withdrawn; the last one unlocks the plan', () => {
    let p = plan.withdrawSignature(signedPlan(), 'sig-2');
    expect(plan.isLocked(p)).toBe(true);
    p = plan.withdrawSignature(p, 'sig-1');
    expect(plan.isLocked(p)).toBe(false);
    expect(plan.addGoalForChange(p, 'Sleep').contract.goalsForChange).toContain('Sleep');
  });

  test('a signature on a saved plan version cannot be withdrawn: a revision is needed', () => {
    const p = { ...signedPlan(), signatures: signedPlan().signatures.map((s) => ({ ...s, planVersion: '4' })) };
    expect(refusal(() => plan.withdrawSignature(p, 'sig-1'), 'has-history').message).toMatch(/revision/);
  });

  test('a closed plan is locked for good and says so', () => {
    expect(plan.lockReason(closedPlan())).toBe('closed');
    expect(plan.isClosed(closedPlan())).toBe(true);
    expect(refusal(() => plan.setOutcomeSummary(closedPlan(), 'x'), 'plan-closed').message).toMatch(/completed/);
  });

  test('attemptEdit returns a refusal as a value and lets other errors rise', () => {
    const refused = plan.attemptEdit(() => plan.addGoalForChange(signedPlan(), 'x'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'plan-locked', path: 'signatures' } });
    expect(plan.attemptEdit(() => samplePlan())).toEqual({ ok: true, plan: samplePlan() });
    expect(() =>
      plan.attemptEdit(() => {
        throw new TypeError('bug');
      })
    ).toThrow(TypeError);
  });
});
