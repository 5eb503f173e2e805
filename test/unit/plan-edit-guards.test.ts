import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import { deepFreeze, refusal } from './plan-assertions.ts';
import { closedPlan, PHQ9, phq9Below10, samplePlan, signedPlan, TODAY } from './plan-fixtures.ts';

const ids = plan.sequentialIds('new');
const draftGoal = plan.newGoal(
  { description: 'Return to work part time', objectives: [{ description: 'Call the employer' }] },
  ids
);
const withDraftGoal = (): TreatmentPlan => plan.addGoal(samplePlan(), draftGoal);
const noConsent = (p: TreatmentPlan): TreatmentPlan => ({
  ...p,
  contract: { goalsForChange: p.contract.goalsForChange, responsibilities: p.contract.responsibilities },
});

interface Case {
  readonly name: string;
  readonly edit: (p: TreatmentPlan) => TreatmentPlan;
  /** The unsigned plan the edit applies to; defaults to the sample plan. */
  readonly base?: () => TreatmentPlan;
}

/** Edits of the plan's content: applied to a draft, refused on a signed or closed plan. */
const contentEdits: Case[] = [
  { name: 'editPlanHeader', edit: (p) => plan.editPlanHeader(p, { title: 'Plan' }) },
  { name: 'setDateOfService', edit: (p) => plan.setDateOfService(p, '2026-03-03') },
  { name: 'setSessionTimes', edit: (p) => plan.setSessionTimes(p, { start: '2026-03-02T11:00:00-05:00' }) },
  {
    name: 'setPlaceOfService',
    edit: (p) => plan.setPlaceOfService(p, { system: 'urn:pos', code: '10' }, 'telehealth'),
  },
  { name: 'setSessionProvider', edit: (p) => plan.setSessionProvider(p, { name: 'Sam Lee', credentials: ['PhD'] }) },
  { name: 'setServiceType', edit: (p) => plan.setServiceType(p, { system: 'urn:cpt', code: '90837' }) },
  { name: 'setOccupation', edit: (p) => plan.setOccupation(p, 'Driver') },
  { name: 'setPsychosocialHistory', edit: (p) => plan.setPsychosocialHistory(p, 'Raised by grandparents.') },
  {
    name: 'addPastTreatment',
    edit: (p) => plan.addPastTreatment(p, plan.newPastTreatment({ treatment: 'Group therapy' }, ids)),
  },
  { name: 'editPastTreatment', edit: (p) => plan.editPastTreatment(p, 'past-1', { outcome: 'Helped a little' }) },
  { name: 'removePastTreatment', edit: (p) => plan.removePastTreatment(p, 'past-1') },
  { name: 'linkAssessment', edit: (p) => plan.linkAssessment(p, 'm-2') },
  { name: 'unlinkAssessment', edit: (p) => plan.unlinkAssessment(p, 'm-1') },
  {
    name: 'addPresentingConcern',
    edit: (p) => plan.addPresentingConcern(p, plan.newPresentingConcern({ concern: 'Poor sleep' }, ids)),
  },
  { name: 'editPresentingConcern', edit: (p) => plan.editPresentingConcern(p, 'c-1', { note: 'Worse in winter' }) },
  { name: 'resolvePresentingConcern', edit: (p) => plan.resolvePresentingConcern(p, 'c-1') },
  {
    name: 'reopenPresentingConcern',
    edit: (p) => plan.reopenPresentingConcern(p, 'c-1'),
    base: () => plan.resolvePresentingConcern(samplePlan(), 'c-1'),
  },
  { name: 'removePresentingConcern', edit: (p) => plan.removePresentingConcern(p, 'c-1', { detachFromGoals: true }) },
  {
    name: 'addDiagnosis',
    edit: (p) => plan.addDiagnosis(p, plan.newDiagnosis({ condition: 'Generalized anxiety disorder' }, ids)),
  },
  { name: 'editDiagnosis', edit: (p) => plan.editDiagnosis(p, 'dx-1', { verificationStatus: 'confirmed' }) },
  { name: 'setDiagnosisStatus', edit: (p) => plan.setDiagnosisStatus(p, 'dx-1', 'remission', TODAY) },
  { name: 'setDiagnosisRole', edit: (p) => plan.setDiagnosisRole(p, 'dx-2', 'focus') },
  { name: 'removeDiagnosis', edit: (p) => plan.removeDiagnosis(p, 'dx-2', { detachFromGoals: true }) },
  { name: 'addGoalForChange', edit: (p) => plan.addGoalForChange(p, 'Go back to work') },
  { name: 'editGoalForChange', edit: (p) => plan.editGoalForChange(p, 0, 'Enjoy things again') },
  { name: 'removeGoalForChange', edit: (p) => plan.removeGoalForChange(p, 0) },
  {
    name: 'addResponsibility',
    edit: (p) =>
      plan.addResponsibility(
        p,
        plan.newResponsibility({ party: 'family', description: 'Sister joins one session' }, ids)
      ),
  },
  {
    name: 'editResponsibility',
    edit: (p) => plan.editResponsibility(p, 'r-1', { description: 'Daily thought record' }),
  },
  { name: 'removeResponsibility', edit: (p) => plan.removeResponsibility(p, 'r-2') },
  { name: 'recordConsent', edit: (p) => plan.recordConsent(noConsent(p), plan.newConsent({}, ids)) },
  { name: 'editConsent', edit: (p) => plan.editConsent(p, { end: '2026-09-01' }) },
  {
    name: 'addStrength',
    edit: (p) => plan.addStrength(p, plan.newStrength({ description: 'Keeps a regular job' }, ids)),
  },
  { name: 'editStrength', edit: (p) => plan.editStrength(p, 's-1', { description: 'Two supportive sisters' }) },
  { name: 'setStrengthUse', edit: (p) => plan.setStrengthUse(p, 's-1', 'Walks with him on Sundays') },
  { name: 'removeStrength', edit: (p) => plan.removeStrength(p, 's-1') },
  { name: 'setModality', edit: (p) => plan.setModality(p, plan.concept('Cognitive behavioural therapy')) },
  { name: 'setFormat', edit: (p) => plan.setFormat(p, plan.concept('Individual')) },
  { name: 'setSessionFrequency', edit: (p) => plan.setSessionFrequency(p, { count: 2, per: 1, unit: 'mo' }) },
  { name: 'setSessionMinutes', edit: (p) => plan.setSessionMinutes(p, 45) },
  { name: 'setTreatmentDates', edit: (p) => plan.setTreatmentDates(p, { targetEndDate: '2026-12-01' }) },
  { name: 'addGoal', edit: (p) => plan.addGoal(p, plan.newGoal({ description: 'Reconnect with friends' }, ids)) },
  { name: 'editGoal', edit: (p) => plan.editGoal(p, 'goal-1-1', { priority: 'high' }) },
  { name: 'moveGoal', edit: (p) => plan.moveGoal(p, 'goal-2-1', 0) },
  { name: 'setGoalLifecycle', edit: (p) => plan.setGoalLifecycle(p, 'goal-2-1', 'on-hold', TODAY) },
  { name: 'retireGoal', edit: (p) => plan.retireGoal(p, 'goal-2-1', { outcome: 'cancelled', on: TODAY }) },
  {
    name: 'removeDraftGoal',
    edit: (p) => plan.removeDraftGoal(p, draftGoal.id, { saved: false }),
    base: withDraftGoal,
  },
  { name: 'addTarget', edit: (p) => plan.addTarget(p, 'goal-1-1', phq9Below10) },
  { name: 'setTarget', edit: (p) => plan.setTarget(p, 'goal-1-1', 0, { ...phq9Below10, comparator: '<=' }) },
  { name: 'removeTarget', edit: (p) => plan.removeTarget(p, 'goal-1-1', 0) },
  {
    name: 'addObjective',
    edit: (p) => plan.addObjective(p, 'goal-1-1', plan.newObjective({ description: 'Walk daily' }, ids)),
  },
  { name: 'editObjective', edit: (p) => plan.editObjective(p, 'goal-1-2', { startDate: TODAY }) },
  { name: 'moveObjective', edit: (p) => plan.moveObjective(p, 'goal-1-2', { goalId: 'goal-2-1' }) },
  { name: 'retireObjective', edit: (p) => plan.retireObjective(p, 'goal-1-2', { outcome: 'completed', on: TODAY }) },
  {
    name: 'removeDraftObjective',
    edit: (p) => plan.removeDraftObjective(p, draftGoal.objectives[0]?.id ?? '', { saved: false }),
    base: withDraftGoal,
  },
  {
    name: 'addIntervention',
    edit: (p) => plan.addIntervention(p, plan.newIntervention({ technique: 'Behavioural activation' }, ids)),
  },
  { name: 'editIntervention', edit: (p) => plan.editIntervention(p, 'int-2', { performer: 'clinician' }) },
  { name: 'linkInterventionToGoals', edit: (p) => plan.linkInterventionToGoals(p, 'int-2', ['goal-1-1']) },
  { name: 'unlinkGoal', edit: (p) => plan.unlinkGoal(p, 'int-1', 'goal-1-2') },
  { name: 'stopIntervention', edit: (p) => plan.stopIntervention(p, 'int-2', { status: 'revoked', on: TODAY }) },
  { name: 'removeDraftIntervention', edit: (p) => plan.removeDraftIntervention(p, 'int-2', { saved: false }) },
  { name: 'setReviewPeriod', edit: (p) => plan.setReviewPeriod(p, { periodStart: '2026-03-03' }) },
  { name: 'setNextReviewDate', edit: (p) => plan.setNextReviewDate(p, '2026-05-01') },
  { name: 'addClientPreference', edit: (p) => plan.addClientPreference(p, 'Female interpreter') },
  { name: 'editClientPreference', edit: (p) => plan.editClientPreference(p, 0, 'Evening appointments') },
  { name: 'removeClientPreference', edit: (p) => plan.removeClientPreference(p, 0) },
  { name: 'addCulturalConsideration', edit: (p) => plan.addCulturalConsideration(p, 'Observes Ramadan') },
  { name: 'editCulturalConsideration', edit: (p) => plan.editCulturalConsideration(p, 0, 'Faith is a resource') },
  { name: 'removeCulturalConsideration', edit: (p) => plan.removeCulturalConsideration(p, 0) },
  {
    name: 'addParticipant',
    edit: (p) => plan.addParticipant(p, plan.newParticipant({ person: { name: 'Tom' }, relationship: 'son' }, ids)),
  },
  { name: 'editParticipant', edit: (p) => plan.editParticipant(p, 'p-1', { relationship: 'older sister' }) },
  { name: 'removeParticipant', edit: (p) => plan.removeParticipant(p, 'p-1') },
];

/** Record keeping: applied to a signed plan, refused only on a closed plan. */
const recordKeeping: Case[] = [
  { name: 'setPlanStatus', edit: (p) => plan.setPlanStatus(p, 'active') },
  { name: 'withdrawConsent', edit: (p) => plan.withdrawConsent(p, '2026-04-01T09:00:00-04:00') },
  {
    name: 'recordMeasurement',
    edit: (p) =>
      plan.recordMeasurement(
        p,
        plan.newMeasurement(
          { measure: PHQ9, value: { value: 12, unit: '{score}' }, date: '2026-03-09T10:00:00-05:00' },
          ids
        )
      ),
  },
  {
    name: 'addProgressNote',
    edit: (p) =>
      plan.addProgressNote(p, plan.newProgressNote({ date: '2026-03-09T10:50:00-05:00', text: 'Better week.' }, ids)),
  },
  { name: 'setOutcomeSummary', edit: (p) => plan.setOutcomeSummary(p, 'Responding to CBT.') },
  {
    name: 'recordDiagnosis',
    edit: (p) => plan.recordDiagnosis(p, plan.newDiagnosis({ condition: 'Nightmare disorder' }, ids)),
  },
  { name: 'setAchievement', edit: (p) => plan.setAchievement(p, 'goal-1-1', 'improving', '2026-03-09') },
  {
    name: 'signPlan',
    edit: (p) =>
      plan.signPlan(
        p,
        plan.newSignature(
          { role: 'supervisor', signer: { name: 'Pat Kim' }, signedAt: '2026-03-03T09:00:00-05:00' },
          ids
        )
      ),
  },
  { name: 'withdrawSignature', edit: (p) => plan.withdrawSignature(p, 'sig-2') },
  {
    name: 'signCheckedPlan',
    edit: (p) =>
      plan.signCheckedPlan(
        p,
        plan.newSignature(
          {
            role: 'clinician',
            signer: { name: 'Pat Kim' },
            signedAt: '2026-03-03T09:00:00-05:00',
            incompleteReason: 'Crisis plan first; the rest at the next session.',
          },
          ids
        ),
        TODAY
      ),
  },
  {
    name: 'fileSignedCopy',
    edit: (p) => plan.fileSignedCopy(p, { contentType: 'application/pdf', data: 'JVBERi0=' }, 'consent-new'),
  },
];

const signed = (base: TreatmentPlan): TreatmentPlan => ({ ...base, signatures: signedPlan().signatures });
const closed = (base: TreatmentPlan): TreatmentPlan => ({ ...signed(base), status: 'completed' });

function expectUntouched(input: TreatmentPlan, edit: (p: TreatmentPlan) => TreatmentPlan): void {
  const before = structuredClone(input);
  const output = edit(deepFreeze(input));
  expect(input).toEqual(before);
  expect(output).not.toEqual(before);
}

describe.each(contentEdits)('$name, an edit of the plan’s content,', ({ edit, base = samplePlan }) => {
  test('returns a changed plan and leaves the (frozen) input as it was', () => {
    expectUntouched(base(), edit);
  });

  test('is refused on a signed plan, which only a revision can change', () => {
    expect(plan.isLocked(signed(base()))).toBe(true);
    refusal(() => edit(signed(base())), 'plan-locked');
  });

  test('is refused on a closed plan', () => {
    refusal(() => edit(closed(base())), 'plan-closed');
  });
});

describe.each(recordKeeping)('$name, record keeping,', ({ edit }) => {
  test('goes on after signing and leaves the (frozen) signed plan as it was', () => {
    expectUntouched(signedPlan(), edit);
  });

  test('is refused on a closed plan', () => {
    refusal(() => edit(closedPlan()), 'plan-closed');
  });
});

test('every edit function in src/plan/edits is checked above, so none can skip the lock', () => {
  const modules = import.meta.glob<Record<string, unknown>>(
    ['../../src/plan/edits/*.ts', '!**/internal.ts', '!**/goal-history.ts'],
    {
      eager: true,
    }
  );
  const queries = new Set(['responsibilitiesByParty']);
  const exported = Object.values(modules)
    .flatMap((module) => Object.entries(module))
    .filter(([name, value]) => typeof value === 'function' && !queries.has(name))
    .map(([name]) => name);
  expect(exported.length).toBeGreaterThan(70);
  expect(exported.sort()).toEqual([...contentEdits, ...recordKeeping].map((c) => c.name).sort());
});
