import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import { refusal } from './plan-assertions.ts';
import { samplePlan, signedPlan, TODAY } from './plan-fixtures.ts';

const ids = plan.sequentialIds('new');
const withoutConsent = (): plan.TreatmentPlan => {
  const p = samplePlan();
  return {
    ...p,
    contract: { goalsForChange: p.contract.goalsForChange, responsibilities: p.contract.responsibilities },
  };
};

describe('the treatment contract', () => {
  test('goals for change are added, reworded and removed by position', () => {
    let p = plan.addGoalForChange(samplePlan(), 'Get back to the gym');
    expect(p.contract.goalsForChange).toEqual(['Feel like myself again', 'Get back to the gym']);
    p = plan.editGoalForChange(p, 1, 'Exercise twice a week');
    expect(p.contract.goalsForChange[1]).toBe('Exercise twice a week');
    p = plan.removeGoalForChange(p, 0);
    expect(p.contract.goalsForChange).toEqual(['Exercise twice a week']);
    refusal(() => plan.removeGoalForChange(p, 3), 'not-found');
  });

  test('responsibilities are split by client, clinician and family', () => {
    const sister = plan.newResponsibility(
      { party: 'family', person: { name: 'Anne Smith' }, description: 'Joins one session' },
      ids
    );
    const p = plan.addResponsibility(samplePlan(), sister);
    const split = plan.responsibilitiesByParty(p);
    expect(split.client.map((r) => r.id)).toEqual(['r-1']);
    expect(split.clinician.map((r) => r.id)).toEqual(['r-2']);
    expect(split.family).toEqual([sister]);
    expect(split.other).toEqual([]);
  });

  test('a responsibility is edited and removed by id', () => {
    let p = plan.editResponsibility(samplePlan(), 'r-1', { party: 'family' });
    expect(plan.responsibilitiesByParty(p).family.map((r) => r.id)).toEqual(['r-1']);
    p = plan.removeResponsibility(p, 'r-1');
    expect(p.contract.responsibilities.map((r) => r.id)).toEqual(['r-2']);
  });

  test('consent to treatment is recorded once, then edited', () => {
    const consent = plan.newConsent({ grantor: { name: 'George Smith' } }, ids);
    let p = plan.recordConsent(withoutConsent(), consent);
    expect(p.contract.consent).toEqual(consent);
    p = plan.editConsent(p, { status: 'active', dateTime: '2026-03-02T10:50:00-05:00' });
    expect(p.contract.consent).toMatchObject({ status: 'active', decision: 'permit' });
    refusal(() => plan.recordConsent(p, plan.newConsent({}, ids)), 'not-allowed');
  });

  test('editing consent that was never recorded is refused', () => {
    refusal(() => plan.editConsent(withoutConsent(), { status: 'active' }), 'not-found');
  });

  test('withdrawing consent makes it inactive from that day, even on a signed plan', () => {
    const p = plan.withdrawConsent(signedPlan(), '2026-04-10T09:00:00-04:00');
    expect(p.contract.consent).toMatchObject({ status: 'inactive', end: '2026-04-10', start: TODAY });
    refusal(() => plan.withdrawConsent(p, '2026-04-11T09:00:00-04:00'), 'not-allowed');
  });
});

describe('strengths', () => {
  test('a strength is added, reworded, given a use and removed', () => {
    const strength = plan.newStrength({ description: 'Enjoys cooking' }, ids);
    let p = plan.addStrength(samplePlan(), strength);
    p = plan.editStrength(p, strength.id, { description: 'Enjoys cooking for friends' });
    p = plan.setStrengthUse(p, strength.id, 'Plans one shared meal a week (behavioural activation)');
    expect(p.strengths.at(-1)).toEqual({
      id: strength.id,
      description: 'Enjoys cooking for friends',
      use: 'Plans one shared meal a week (behavioural activation)',
    });
    p = plan.removeStrength(p, strength.id);
    expect(p.strengths.map((s) => s.id)).toEqual(['s-1']);
  });

  test('a blank use clears it', () => {
    expect(plan.setStrengthUse(samplePlan(), 's-1', '').strengths[0]).toEqual({
      id: 's-1',
      description: 'Supportive sister',
    });
  });
});

describe('schedule', () => {
  test('modality, format, frequency, session length and dates are set and cleared', () => {
    let p = plan.setModality(samplePlan(), plan.concept('Cognitive behavioural therapy'));
    p = plan.setFormat(p, plan.concept('Individual'));
    p = plan.setSessionFrequency(p, { count: 2, per: 1, unit: 'mo' });
    p = plan.setSessionMinutes(p, 45);
    p = plan.setTreatmentDates(p, { startDate: '2026-03-09', targetEndDate: '2026-12-01' });
    expect(p.schedule).toEqual({
      modality: { text: 'Cognitive behavioural therapy', codes: [] },
      format: { text: 'Individual', codes: [] },
      sessionFrequency: { count: 2, per: 1, unit: 'mo' },
      sessionMinutes: 45,
      startDate: '2026-03-09',
      targetEndDate: '2026-12-01',
    });
    p = plan.setSessionMinutes(plan.setTreatmentDates(p, { targetEndDate: null }), null);
    expect(p.schedule).not.toHaveProperty('targetEndDate');
    expect(p.schedule).not.toHaveProperty('sessionMinutes');
  });
});

describe('review', () => {
  test('the plan period and next review date are set; what the plan replaces is left alone', () => {
    const before = { ...samplePlan(), review: { periodStart: TODAY, replaces: 'plan-old' } };
    const p = plan.setNextReviewDate(plan.setReviewPeriod(before, { periodStart: '2026-03-09' }), '2026-06-09');
    expect(p.review).toEqual({ periodStart: '2026-03-09', nextReviewDate: '2026-06-09', replaces: 'plan-old' });
  });
});

describe('considerations', () => {
  test('client preferences and cultural considerations are added, reworded and removed', () => {
    let p = plan.addClientPreference(samplePlan(), 'Text reminders');
    p = plan.editClientPreference(p, 0, 'Early morning appointments');
    p = plan.addCulturalConsideration(p, 'Spanish at home');
    p = plan.removeCulturalConsideration(plan.editCulturalConsideration(p, 1, 'Bilingual, Spanish at home'), 0);
    expect(p.considerations.clientPreferences).toEqual(['Early morning appointments', 'Text reminders']);
    expect(p.considerations.culturalConsiderations).toEqual(['Bilingual, Spanish at home']);
    expect(plan.removeClientPreference(p, 1).considerations.clientPreferences).toEqual(['Early morning appointments']);
    refusal(() => plan.editCulturalConsideration(p, 5, 'x'), 'not-found');
  });

  test('participants of a family plan are added, edited and removed', () => {
    const partner = plan.newParticipant(
      { person: { reference: 'RelatedPerson/7', name: 'Maria' }, relationship: 'partner' },
      ids
    );
    let p = plan.addParticipant(samplePlan(), partner);
    p = plan.editParticipant(p, partner.id, { relationship: 'wife' });
    expect(p.considerations.participants.at(-1)).toEqual({ ...partner, relationship: 'wife' });
    expect(plan.removeParticipant(p, 'p-1').considerations.participants).toEqual([
      { ...partner, relationship: 'wife' },
    ]);
  });
});
