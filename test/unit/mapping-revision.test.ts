import fc from 'fast-check';
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { RECORD_ID_SYSTEM } from '../../src/mapping/codes.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { revisePlan } from '../../src/plan/revise.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { fullPlan } from '../support/full-plan.ts';
import { planArbitrary } from '../support/plan-arbitrary.ts';
import { savePlan, stored } from '../support/save-plan.ts';

/** The full plan with its work goal finished, so the revision carries one goal and leaves one. */
function reviewedPlan(): TreatmentPlan {
  const plan = fullPlan();
  return {
    ...plan,
    goals: plan.goals.map((g) =>
      g.id === 'goal-work' ? { ...g, lifecycle: 'completed', achievement: 'achieved' } : g
    ),
  };
}

describe('revisePlan', () => {
  const old = reviewedPlan();
  const revision = revisePlan(old, '2026-04-05', 'plan-jordan-2026-04');

  it('starts a draft that replaces the old plan, for a new period, with no signatures, session or notes of its own', () => {
    expect(revision).toMatchObject({ id: 'plan-jordan-2026-04', status: 'draft', session: {}, signatures: [] });
    expect(revision.review).toEqual({ periodStart: '2026-04-05', nextReviewDate: '2026-07-05', replaces: old.id });
    expect(revision.progress.notes).toEqual([]);
    expect(revision.progress.outcomeSummary).toBeUndefined();
    expect(revision.created).toBeUndefined();
  });

  it('carries continuing goals over with their ids and objectives, saying which plan they came from', () => {
    expect(revision.goals.map((g) => [g.id, g.carriedFrom, g.objectives.map((o) => o.id)])).toEqual([
      ['goal-mood', old.id, ['objective-activities', 'objective-sleep']],
    ]);
  });

  it('leaves finished goals, and the interventions and scores tied only to them, with the old plan', () => {
    expect(revision.interventions.map((i) => i.id)).toEqual(['intervention-cbt']);
    expect(revision.progress.measurements.map((m) => m.id)).toEqual(old.progress.measurements.map((m) => m.id));
    const withoutMood = revisePlan(
      { ...old, goals: old.goals.map((g) => ({ ...g, lifecycle: 'cancelled' })) },
      '2026-04-05',
      'p2'
    );
    expect(withoutMood.goals).toEqual([]);
    expect(withoutMood.interventions).toEqual([]);
    expect(withoutMood.progress.measurements).toEqual([]);
    expect(withoutMood.history.assessmentIds).toEqual([]);
  });
});

describe('saving a revision', () => {
  const old = reviewedPlan();
  const { store } = savePlan(old);
  const revision = revisePlan(old, '2026-04-05', 'plan-jordan-2026-04');
  const saved = savePlan(revision, store, { supersedes: old });
  const oldPlan = stored(store, 'CarePlan', old.id);

  it('writes the old plan as completed, with If-Match of its loaded version', () => {
    const entry = saved.writeSet.find((e) => e.request.url === `CarePlan/${oldPlan.id ?? ''}`);
    expect(entry?.request).toEqual({
      method: 'PUT',
      url: `CarePlan/${oldPlan.id ?? ''}`,
      ifMatch: `W/"${oldPlan.meta?.versionId ?? ''}"`,
    });
    expect(stored(saved.store, 'CarePlan', old.id).status).toBe('completed');
    expect(stored(saved.store, 'CarePlan', old.id).text?.div).toContain('<b>Status: </b>completed');
  });

  it('creates the new plan replacing the old one, and reuses the carried goals rather than copying them', () => {
    const created = stored(saved.store, 'CarePlan', revision.id);
    expect(created.replaces).toEqual([
      { reference: `CarePlan/${oldPlan.id ?? ''}`, identifier: { system: RECORD_ID_SYSTEM, value: old.id } },
    ]);
    const goals = saved.store.filter((r): r is fhir.Goal => r.resourceType === 'Goal');
    expect(goals.length).toBe(store.filter((r) => r.resourceType === 'Goal').length);
    const mood = `Goal/${stored(store, 'Goal', 'goal-mood').id ?? ''}`;
    expect(created.goal?.[0]?.reference).toBe(mood);
    expect(stored(saved.store, 'CarePlan', old.id).goal?.[0]?.reference).toBe(mood);
    expect(saved.writeSet.filter((e) => e.request.method === 'POST' && e.resource.resourceType === 'Goal')).toEqual([]);
  });

  it('reads back as the revision by default, and the old plan as completed when asked for', () => {
    expect(planFromFhir(saved.store).plan).toEqual(revision);
    const before = planFromFhir(saved.store, { planId: old.id }).plan;
    expect(before.status).toBe('completed');
    expect(before.goals.map((g) => g.id)).toEqual(['goal-mood', 'goal-work']);
  });
});

describe('any plan revised and saved', () => {
  it('reads back as its revision, beside the old plan now completed', () => {
    fc.assert(
      fc.property(planArbitrary, (old) => {
        const { store } = savePlan(old);
        const revision = revisePlan(old, '2027-06-01', 'plan-revised');
        const after = savePlan(revision, store, { supersedes: old }).store;
        expect(planFromFhir(after).plan).toEqual(revision);
        // A carried goal is one record: it now says it was carried from the old plan, which the old plan omits.
        const carried = new Set(revision.goals.map((g) => g.id));
        const goals = old.goals.map(({ carriedFrom, ...g }) => (carried.has(g.id) ? g : { ...g, carriedFrom }));
        expect(planFromFhir(after, { planId: old.id }).plan).toEqual(
          JSON.parse(JSON.stringify({ ...old, status: 'completed', goals }))
        );
      }),
      { numRuns: 100 }
    );
  });
});
