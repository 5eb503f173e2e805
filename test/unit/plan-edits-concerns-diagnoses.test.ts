import { describe, expect, test } from 'vitest';
import {
  addDiagnosis,
  addPresentingConcern,
  attemptEdit,
  editDiagnosis,
  editPresentingConcern,
  newDiagnosis,
  newPresentingConcern,
  removeDiagnosis,
  removePresentingConcern,
  reopenPresentingConcern,
  resolvePresentingConcern,
  sequentialIds,
  setDiagnosisRole,
  setDiagnosisStatus,
} from '../../src/plan/index.ts';
import { refusal } from './plan-assertions.ts';
import { samplePlan, TODAY } from './plan-fixtures.ts';

describe('presenting concerns', () => {
  test('a concern is added with its onset, edited, resolved and reopened', () => {
    const concern = newPresentingConcern(
      { concern: 'Nightmares', onset: { date: '2025-11-01' } },
      sequentialIds('c-new')
    );
    let plan = addPresentingConcern(samplePlan(), concern);
    expect(plan.presentingConcerns.at(-1)).toEqual({ ...concern, status: 'active' });
    plan = editPresentingConcern(plan, concern.id, { note: 'Three nights a week' });
    expect(plan.presentingConcerns.at(-1)?.note).toBe('Three nights a week');
    plan = resolvePresentingConcern(plan, concern.id);
    expect(plan.presentingConcerns.at(-1)?.status).toBe('resolved');
    expect(reopenPresentingConcern(plan, concern.id).presentingConcerns.at(-1)?.status).toBe('active');
  });

  test('a concern no goal addresses is removed', () => {
    const concern = newPresentingConcern({ concern: 'Grief' }, sequentialIds('c-new'));
    const plan = removePresentingConcern(addPresentingConcern(samplePlan(), concern), concern.id);
    expect(plan.presentingConcerns.map((c) => c.id)).toEqual(['c-1']);
  });

  test('removing a concern a goal addresses is refused, naming the goal', () => {
    const error = refusal(() => removePresentingConcern(samplePlan(), 'c-1'), 'in-use');
    expect(error.related).toEqual(['goals[0].addresses']);
    expect(error.path).toBe('presentingConcerns[0]');
    expect(error.message).toMatch(/goal addresses this concern/);
  });

  test('removing it with its goals detached takes it off those goals too', () => {
    const plan = removePresentingConcern(samplePlan(), 'c-1', { detachFromGoals: true });
    expect(plan.presentingConcerns).toEqual([]);
    expect(plan.goals[0]?.addresses).toEqual(['dx-1']);
  });
});

describe('diagnoses', () => {
  test('a diagnosis coded in ICD-10-CM and SNOMED CT is added and edited', () => {
    const gad = newDiagnosis(
      {
        condition: {
          text: 'Generalized anxiety disorder',
          codes: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F41.1' }],
        },
      },
      sequentialIds('dx-new')
    );
    let plan = addDiagnosis(samplePlan(), gad);
    expect(plan.diagnoses.at(-1)?.condition.codes).toHaveLength(1);
    plan = editDiagnosis(plan, gad.id, { verificationStatus: 'provisional', onset: { text: 'teens' } });
    expect(plan.diagnoses.at(-1)).toMatchObject({ verificationStatus: 'provisional', onset: { text: 'teens' } });
  });

  test('an ended status records when it ended; an active one clears that date', () => {
    let plan = setDiagnosisStatus(samplePlan(), 'dx-1', 'remission', TODAY);
    expect(plan.diagnoses[0]).toMatchObject({ clinicalStatus: 'remission', abatement: TODAY });
    plan = setDiagnosisStatus(plan, 'dx-1', 'recurrence');
    expect(plan.diagnoses[0]?.clinicalStatus).toBe('recurrence');
    expect(plan.diagnoses[0] && 'abatement' in plan.diagnoses[0]).toBe(false);
  });

  test('a diagnosis becomes a comorbidity (it shapes the plan) or the focus (the plan treats it)', () => {
    expect(setDiagnosisRole(samplePlan(), 'dx-1', 'comorbidity').diagnoses[0]?.role).toBe('comorbidity');
    expect(setDiagnosisRole(samplePlan(), 'dx-2', 'focus').diagnoses[1]?.role).toBe('focus');
  });

  test('removing a diagnosis goals address is refused with a message and the goals to look at', () => {
    const outcome = attemptEdit(() => removeDiagnosis(samplePlan(), 'dx-2'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('in-use');
    expect(outcome.error.related).toEqual(['goals[1].addresses']);
  });

  test('a diagnosis is removed once detached from its goals, and the goals stay', () => {
    const plan = removeDiagnosis(samplePlan(), 'dx-2', { detachFromGoals: true });
    expect(plan.diagnoses.map((d) => d.id)).toEqual(['dx-1']);
    expect(plan.goals[1]?.addresses).toEqual([]);
    expect(plan.goals).toHaveLength(2);
  });

  test('an unknown diagnosis is reported as not found', () => {
    refusal(() => setDiagnosisRole(samplePlan(), 'dx-9', 'focus'), 'not-found');
    refusal(() => removeDiagnosis(samplePlan(), 'dx-9'), 'not-found');
  });
});
