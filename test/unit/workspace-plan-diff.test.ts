import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import { diffPlans, diffSectionOfPath, type DiffSectionId } from '../../src/workspace/plan-diff.ts';
import { planArbitrary } from '../support/plan-arbitrary.ts';
import { PHQ9, samplePlan } from './plan-fixtures.ts';

const texts = (before: TreatmentPlan, after: TreatmentPlan, section: DiffSectionId): string[] =>
  diffPlans(before, after)
    .find((s) => s.section === section)
    ?.changes.map((c) => c.text) ?? [];

describe('what changed between two versions of a plan, per section', () => {
  test('a changed target value reads as the goal, the field and both values', () => {
    const before = samplePlan();
    const after = plan.setTarget(before, 'goal-1-1', 0, {
      ...(before.goals[0]?.targets[0] ?? fail()),
      value: { value: 5, unit: '{score}' },
    });
    expect(diffPlans(before, after)).toEqual([
      {
        section: 'goals',
        title: 'Goals and objectives',
        changes: [
          { kind: 'changed', text: 'Goal “Reduce depressive symptoms to the mild range”: target value 10 → 5' },
        ],
      },
    ]);
  });

  test('an added strength and a removed responsibility are named by their words', () => {
    const before = samplePlan();
    const withStrength = plan.addStrength(before, { id: 's-2', description: 'Keeps a regular job' });
    const after = plan.removeResponsibility(withStrength, 'r-2');
    expect(texts(before, after, 'strengths')).toEqual(['Strength added: “Keeps a regular job”']);
    expect(diffPlans(before, after).find((s) => s.section === 'contract')?.changes).toEqual([
      { kind: 'removed', text: 'Responsibility removed: “Provide weekly CBT sessions”' },
    ]);
  });

  test('an objective is named under its goal, and the goals an intervention serves by their words', () => {
    const before = samplePlan();
    const retired = plan.retireObjective(before, 'goal-1-2', { outcome: 'completed', on: '2026-04-01' });
    const after = plan.unlinkGoal(retired, 'int-1', 'goal-1-2');
    expect(texts(before, after, 'goals')).toEqual([
      'Goal “Reduce depressive symptoms to the mild range”, objective “Challenge three negative automatic thoughts a week”: status active → completed',
      'Goal “Reduce depressive symptoms to the mild range”, objective “Challenge three negative automatic thoughts a week”: status date set to 2026-04-01',
    ]);
    expect(texts(before, after, 'interventions')).toEqual([
      'Intervention “Cognitive restructuring (CBT)”: goals served no longer: “Challenge three negative automatic thoughts a week”',
    ]);
  });

  test('session, schedule and review fields read as the form labels them', () => {
    const before = samplePlan();
    let after = plan.setDateOfService(before, '2026-03-03');
    after = plan.setSessionFrequency(after, { count: 2, per: 1, unit: 'wk' });
    after = plan.setNextReviewDate(after, null);
    expect(texts(before, after, 'session')).toEqual(['Date of service 2026-03-02 → 2026-03-03']);
    expect(texts(before, after, 'schedule')).toEqual(['Session frequency 1 per week → 2 per week']);
    expect(texts(before, after, 'review')).toEqual(['Next review date cleared (was 2026-06-01)']);
  });

  test('texts in a list: one edited reads as before → after, one added as added', () => {
    const before = samplePlan();
    const edited = plan.editGoalForChange(before, 0, 'Get back to work');
    expect(texts(before, edited, 'contract')).toEqual([
      'Goal for change: “Feel like myself again” → “Get back to work”',
    ]);
    const added = plan.addGoalForChange(before, 'Sleep better');
    expect(texts(before, added, 'contract')).toEqual(['Goal for change added: “Sleep better”']);
  });

  test('a diagnosis recoded under the same words shows its codes', () => {
    const before = samplePlan();
    const condition = { text: 'Major depressive disorder, recurrent, moderate', codes: [] };
    const coded = { ...condition, codes: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.1' }] };
    const after = plan.editDiagnosis(plan.editDiagnosis(before, 'dx-1', { condition }), 'dx-1', { condition: coded });
    expect(texts(before, after, 'diagnoses')).toEqual([
      'Diagnosis “Major depressive disorder, recurrent, moderate”: condition codes no codes → F33.1',
    ]);
  });

  test('scores and progress notes show under progress; signatures and the title in their own groups', () => {
    const before = samplePlan();
    let after = plan.recordMeasurement(
      before,
      plan.newMeasurement(
        { measure: PHQ9, value: { value: 12, unit: '{score}' }, date: '2026-04-01T10:00:00-04:00' },
        () => 'm-9'
      )
    );
    after = plan.editPlanHeader(after, { title: 'Plan for George' });
    after = plan.signPlan(
      after,
      plan.newSignature(
        {
          role: 'clinician',
          signer: { name: 'Dana Rivera' },
          signedAt: '2026-04-01T10:30:00-04:00',
          typedName: 'Dana Rivera',
        },
        () => 'sig-1'
      )
    );
    expect(diffPlans(before, after).map((s) => s.section)).toEqual(['plan', 'progress', 'signatures']);
    expect(texts(before, after, 'progress')).toEqual(['Score added: “PHQ-9 total score” of 2026-04-01']);
    expect(texts(before, after, 'plan')).toEqual(['Title “Treatment plan for George Smith” → “Plan for George”']);
    expect(texts(before, after, 'signatures')).toEqual(['Signature added: Dana Rivera (clinician)']);
  });

  test('moving a goal says the order changed, and nothing else', () => {
    const before = samplePlan();
    const after = plan.moveGoal(before, 'goal-2-1', 0);
    expect(texts(before, after, 'goals')).toEqual(['Order of goals changed']);
  });

  test('the section of a plan path: workspace sections, signatures, and the header as “the plan”', () => {
    expect(diffSectionOfPath('goals[0].targets[1].value')).toBe('goals');
    expect(diffSectionOfPath('progress.measurements')).toBe('progress');
    expect(diffSectionOfPath('client.name')).toBe('history');
    expect(diffSectionOfPath('signatures[0]')).toBe('signatures');
    expect(diffSectionOfPath('title')).toBe('plan');
  });
});

/** Picks the n-th of a list cyclically, or a made-up id when it is empty (the edit is then refused). */
const pick = (list: readonly string[], n: number): string =>
  list[n % Math.max(list.length, 1)] ?? `missing-${String(n)}`;
const goalLikeIds = (p: TreatmentPlan): string[] => plan.goalLikesOf(p).map((l) => l.item.id);
const n = fc.nat(20);
const words = fc.constantFrom('Sleep better', 'Walk daily', '<b>&amp;</b>', 'Call a friend');

/** Edits with the plan path they change; each may be refused (PlanEditError) or change nothing on some plans. */
const pathEdits: fc.Arbitrary<readonly [string, (p: TreatmentPlan) => TreatmentPlan]> = fc.oneof(
  fc.tuple(words).map(([t]) => ['title', (p: TreatmentPlan) => plan.editPlanHeader(p, { title: t })] as const),
  fc
    .constantFrom('2026-01-05', '2026-07-01')
    .map((d) => ['session.dateOfService', (p: TreatmentPlan) => plan.setDateOfService(p, d)] as const),
  fc.tuple(words).map(([t]) => ['history.occupation', (p: TreatmentPlan) => plan.setOccupation(p, t)] as const),
  fc.tuple(words).map(
    ([t]) =>
      [
        'presentingConcerns',
        (p: TreatmentPlan) =>
          plan.addPresentingConcern(
            p,
            plan.newPresentingConcern({ concern: t }, () => 'new-concern')
          ),
      ] as const
  ),
  fc.tuple(n, fc.boolean()).map(
    ([d, detach]) =>
      [
        'diagnoses',
        (p: TreatmentPlan) =>
          plan.removeDiagnosis(
            p,
            pick(
              p.diagnoses.map((x) => x.id),
              d
            ),
            { detachFromGoals: detach }
          ),
      ] as const
  ),
  fc.tuple(words).map(([t]) => ['contract.goalsForChange', (p: TreatmentPlan) => plan.addGoalForChange(p, t)] as const),
  fc.tuple(n, words).map(
    ([r, t]) =>
      [
        'contract.responsibilities',
        (p: TreatmentPlan) =>
          plan.editResponsibility(
            p,
            pick(
              p.contract.responsibilities.map((x) => x.id),
              r
            ),
            { description: t }
          ),
      ] as const
  ),
  fc.tuple(n, words).map(
    ([s, t]) =>
      [
        'strengths',
        (p: TreatmentPlan) =>
          plan.setStrengthUse(
            p,
            pick(
              p.strengths.map((x) => x.id),
              s
            ),
            t
          ),
      ] as const
  ),
  fc.nat(120).map((m) => ['schedule.sessionMinutes', (p: TreatmentPlan) => plan.setSessionMinutes(p, m + 1)] as const),
  fc.tuple(n, fc.nat(3)).map(
    ([g, at]) =>
      [
        'goals',
        (p: TreatmentPlan) =>
          plan.moveGoal(
            p,
            pick(
              p.goals.map((x) => x.id),
              g
            ),
            at
          ),
      ] as const
  ),
  fc.tuple(n, fc.integer({ min: 0, max: 27 })).map(
    ([g, value]) =>
      [
        'goals',
        (p: TreatmentPlan) => {
          const id = pick(goalLikeIds(p), g);
          const target = plan.locateGoalLike(p, id)?.item.targets[0];
          return plan.setTarget(p, id, 0, {
            ...(target ?? { measure: PHQ9, comparator: '<' }),
            value: { value, unit: '{score}' },
          });
        },
      ] as const
  ),
  fc
    .tuple(n, fc.constantFrom('improving' as const, 'achieved' as const, null))
    .map(
      ([g, a]) =>
        ['goals', (p: TreatmentPlan) => plan.setAchievement(p, pick(goalLikeIds(p), g), a, '2026-04-01')] as const
    ),
  fc.tuple(n, words).map(
    ([i, t]) =>
      [
        'interventions',
        (p: TreatmentPlan) =>
          plan.editIntervention(
            p,
            pick(
              p.interventions.map((x) => x.id),
              i
            ),
            { application: t }
          ),
      ] as const
  ),
  fc.tuple(n).map(
    ([i]) =>
      [
        'interventions',
        (p: TreatmentPlan) =>
          plan.stopIntervention(
            p,
            pick(
              p.interventions.map((x) => x.id),
              i
            ),
            { status: 'revoked', on: '2026-04-02' }
          ),
      ] as const
  ),
  fc
    .constantFrom('2026-05-01', null)
    .map((d) => ['review.nextReviewDate', (p: TreatmentPlan) => plan.setNextReviewDate(p, d)] as const),
  fc
    .tuple(words)
    .map(([t]) => ['considerations.clientPreferences', (p: TreatmentPlan) => plan.addClientPreference(p, t)] as const),
  fc.tuple(words).map(
    ([t]) =>
      [
        'progress.notes',
        (p: TreatmentPlan) =>
          plan.addProgressNote(
            p,
            plan.newProgressNote({ date: '2026-04-01T09:00:00-04:00', text: t }, () => 'new-note')
          ),
      ] as const
  ),
  fc.constant([
    'diagnoses',
    (p: TreatmentPlan) =>
      plan.addDiagnosis(
        p,
        plan.newDiagnosis({ condition: 'Insomnia' }, () => 'new-dx')
      ),
  ] as const),
  fc.tuple(n).map(
    ([d]) =>
      [
        'diagnoses',
        (p: TreatmentPlan) =>
          plan.setDiagnosisStatus(
            p,
            pick(
              p.diagnoses.map((x) => x.id),
              d
            ),
            'remission',
            '2026-04-01'
          ),
      ] as const
  ),
  fc.constant([
    'contract.consent',
    (p: TreatmentPlan) =>
      plan.recordConsent(
        p,
        plan.newConsent({ status: 'active' }, () => 'new-consent')
      ),
  ] as const),
  fc.constant([
    'contract.consent',
    (p: TreatmentPlan) => plan.withdrawConsent(p, '2026-04-01T10:00:00-04:00'),
  ] as const),
  fc.tuple(n).map(
    ([r]) =>
      [
        'contract.responsibilities',
        (p: TreatmentPlan) =>
          plan.removeResponsibility(
            p,
            pick(
              p.contract.responsibilities.map((x) => x.id),
              r
            )
          ),
      ] as const
  ),
  fc
    .tuple(n)
    .map(([i]) => ['contract.goalsForChange', (p: TreatmentPlan) => plan.removeGoalForChange(p, i % 3)] as const),
  fc.tuple(n).map(
    ([s]) =>
      [
        'strengths',
        (p: TreatmentPlan) =>
          plan.removeStrength(
            p,
            pick(
              p.strengths.map((x) => x.id),
              s
            )
          ),
      ] as const
  ),
  fc.tuple(words).map(
    ([t]) =>
      [
        'history.treatmentHistory',
        (p: TreatmentPlan) =>
          plan.addPastTreatment(
            p,
            plan.newPastTreatment({ treatment: t }, () => 'new-past')
          ),
      ] as const
  ),
  fc.tuple(n).map(
    ([m]) =>
      [
        'history.assessmentIds',
        (p: TreatmentPlan) =>
          plan.linkAssessment(
            p,
            pick(
              p.progress.measurements.map((x) => x.id),
              m
            )
          ),
      ] as const
  ),
  fc
    .constantFrom('10', '11', '53')
    .map(
      (code) =>
        [
          'session.placeOfService',
          (p: TreatmentPlan) =>
            plan.setPlaceOfService(p, { system: 'urn:example:pos', code }, code === '10' ? 'telehealth' : 'in-person'),
        ] as const
    ),
  fc.constant([
    'session.start',
    (p: TreatmentPlan) => plan.setSessionTimes(p, { start: '2026-03-02T09:00:00-05:00', end: null }),
  ] as const),
  fc
    .tuple(words)
    .map(([t]) => ['schedule.modality', (p: TreatmentPlan) => plan.setModality(p, { text: t, codes: [] })] as const),
  fc.constant([
    'review.periodStart',
    (p: TreatmentPlan) => plan.setReviewPeriod(p, { periodStart: '2026-01-02' }),
  ] as const),
  fc.tuple(n).map(
    ([g]) =>
      [
        'goals',
        (p: TreatmentPlan) =>
          plan.addObjective(
            p,
            pick(
              p.goals.map((x) => x.id),
              g
            ),
            plan.newObjective({ description: 'Step' }, () => 'new-objective')
          ),
      ] as const
  ),
  fc.tuple(n).map(
    ([g]) =>
      [
        'goals',
        (p: TreatmentPlan) =>
          plan.retireGoal(
            p,
            pick(
              p.goals.map((x) => x.id),
              g
            ),
            { outcome: 'cancelled', on: '2026-04-01', reason: 'Moved away' }
          ),
      ] as const
  ),
  fc.tuple(n, fc.boolean()).map(
    ([g, saved]) =>
      [
        'goals',
        (p: TreatmentPlan) =>
          plan.removeDraftGoal(
            p,
            pick(
              p.goals.map((x) => x.id),
              g
            ),
            { saved }
          ),
      ] as const
  ),
  fc.tuple(n).map(
    ([g]) =>
      [
        'goals',
        (p: TreatmentPlan) =>
          plan.addTarget(p, pick(goalLikeIds(p), g), {
            measure: PHQ9,
            comparator: '<',
            value: { value: 5, unit: '{score}' },
          }),
      ] as const
  ),
  fc.tuple(n).map(([g]) => ['goals', (p: TreatmentPlan) => plan.removeTarget(p, pick(goalLikeIds(p), g), 0)] as const),
  fc
    .tuple(words)
    .map(([t]) => ['progress.outcomeSummary', (p: TreatmentPlan) => plan.setOutcomeSummary(p, t)] as const),
  fc.tuple(words).map(
    ([t]) =>
      [
        'considerations.participants',
        (p: TreatmentPlan) =>
          plan.addParticipant(
            p,
            plan.newParticipant({ person: { name: t }, relationship: 'sister' }, () => 'new-participant')
          ),
      ] as const
  ),
  fc
    .constantFrom('active' as const, 'on-hold' as const)
    .map((status) => ['status', (p: TreatmentPlan) => plan.setPlanStatus(p, status)] as const),
  fc.constant([
    'signatures',
    (p: TreatmentPlan) =>
      plan.signPlan(
        p,
        plan.newSignature(
          {
            role: 'supervisor',
            signer: { name: 'Sam Supervisor' },
            signedAt: '2026-04-01T10:00:00-04:00',
            typedName: 'Sam',
          },
          () => 'new-signature'
        )
      ),
  ] as const)
);

/** An arbitrary plan that edits apply to: open, unsigned. */
const openPlan = planArbitrary.map((p): TreatmentPlan => ({ ...p, status: 'draft', signatures: [] }));

describe('plan diff properties', () => {
  test('a plan compared with itself (or a copy of itself) has no changes', () => {
    fc.assert(
      fc.property(planArbitrary, (p) => {
        expect(diffPlans(p, p)).toEqual([]);
        expect(diffPlans(p, structuredClone(p))).toEqual([]);
      })
    );
  });

  test('two plans that differ anywhere but their ids have a change in some section, both ways round', () => {
    fc.assert(
      fc.property(planArbitrary, planArbitrary, (a, b) => {
        const same = JSON.stringify({ ...a, id: '' }) === JSON.stringify({ ...b, id: '' });
        expect(diffPlans(a, b).length === 0).toBe(same);
        expect(diffPlans(a, b).map((s) => s.section)).toEqual(diffPlans(b, a).map((s) => s.section));
      })
    );
  });

  test('every edit that changes the plan shows in the section of the path it edits, with a line of words', () => {
    fc.assert(
      fc.property(openPlan, pathEdits, (p, [path, edit]) => {
        const outcome = plan.attemptEdit(() => edit(p));
        fc.pre(outcome.ok && JSON.stringify(outcome.plan) !== JSON.stringify(p));
        const section = diffPlans(p, outcome.plan).find((s) => s.section === diffSectionOfPath(path));
        expect(section?.changes.length).toBeGreaterThan(0);
        for (const change of section?.changes ?? []) expect(change.text).toMatch(/^[A-Z]\S* .+/);
      }),
      { numRuns: 300 }
    );
  });
});

function fail(): never {
  throw new Error('fixture lacks the expected part');
}
