import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { PlanGoal, TreatmentPlan } from '../../src/plan/index.ts';
import { deepFreeze } from './plan-assertions.ts';
import { PHQ9, samplePlan, TODAY } from './plan-fixtures.ts';

/** Picks the n-th of a list (cyclically), or a made-up id when the list is empty. */
const pick = (list: readonly string[], n: number): string => list[n % Math.max(list.length, 1)] ?? `missing-${n}`;
const goalIds = (p: TreatmentPlan): string[] => p.goals.map((g) => g.id);
const goalLikeIds = (p: TreatmentPlan): string[] => plan.goalLikesOf(p).map((l) => l.item.id);
const objectiveIds = (p: TreatmentPlan): string[] => p.goals.flatMap((g) => g.objectives.map((o) => o.id));
const addressable = (p: TreatmentPlan): string[] => [...p.diagnoses, ...p.presentingConcerns].map((x) => x.id);

/** New ids come from a small pool that overlaps the plan's own ids, so clashes are attempted (and must be refused). */
const anId = fc.constantFrom('x-1', 'x-2', 'x-3', 'goal-1-1', 'dx-1', 'int-1', 'm-1', 'c-1');
const n = fc.nat(20);

type Edit = (p: TreatmentPlan) => TreatmentPlan;
const edits: fc.Arbitrary<Edit>[] = [
  fc.tuple(anId, anId, n).map(
    ([id, objectiveId, a]): Edit =>
      (p) =>
        plan.addGoal(p, {
          ...plan.newGoal(
            { description: 'Goal', addresses: [pick(addressable(p), a)], objectives: [{ description: 'Step' }] },
            () => id
          ),
          objectives: [plan.newObjective({ description: 'Step' }, () => objectiveId)],
        })
  ),
  fc.tuple(anId, n).map(
    ([id, g]): Edit =>
      (p) =>
        plan.addObjective(
          p,
          pick(goalIds(p), g),
          plan.newObjective({ description: 'Step' }, () => id)
        )
  ),
  fc.tuple(anId, n, n).map(
    ([id, g, h]): Edit =>
      (p) =>
        plan.addIntervention(
          p,
          plan.newIntervention(
            { technique: 'Technique', goalIds: [pick(goalLikeIds(p), g), pick(goalLikeIds(p), h)] },
            () => id
          )
        )
  ),
  fc.tuple(n, n).map(
    ([i, g]): Edit =>
      (p) =>
        plan.linkInterventionToGoals(
          p,
          pick(
            p.interventions.map((x) => x.id),
            i
          ),
          [pick(goalLikeIds(p), g)]
        )
  ),
  fc.tuple(n, n).map(([i, g]): Edit => (p) => {
    const intervention = p.interventions[i % Math.max(p.interventions.length, 1)];
    return plan.unlinkGoal(p, intervention?.id ?? 'none', pick(intervention?.goalIds ?? [], g));
  }),
  fc.tuple(anId, n).map(
    ([id, g]): Edit =>
      (p) =>
        plan.recordMeasurement(
          p,
          plan.newMeasurement(
            {
              measure: PHQ9,
              value: { value: 9, unit: '{score}' },
              date: '2026-03-09T10:00:00-05:00',
              goalId: pick(goalLikeIds(p), g),
            },
            () => id
          )
        )
  ),
  fc.tuple(anId, n).map(
    ([id, g]): Edit =>
      (p) =>
        plan.addProgressNote(
          p,
          plan.newProgressNote(
            { date: '2026-03-09T10:00:00-05:00', text: 'Note', goalId: pick(goalLikeIds(p), g) },
            () => id
          )
        )
  ),
  fc.tuple(n, fc.boolean()).map(
    ([g, saved]): Edit =>
      (p) =>
        plan.removeDraftGoal(p, pick(goalIds(p), g), { saved })
  ),
  fc.tuple(n, fc.boolean()).map(
    ([o, saved]): Edit =>
      (p) =>
        plan.removeDraftObjective(p, pick(objectiveIds(p), o), { saved })
  ),
  fc.tuple(n, n, fc.nat(3)).map(
    ([o, g, at]): Edit =>
      (p) =>
        plan.moveObjective(p, pick(objectiveIds(p), o), { goalId: pick(goalIds(p), g), index: at })
  ),
  fc.tuple(n, fc.boolean()).map(
    ([d, detach]): Edit =>
      (p) =>
        plan.removeDiagnosis(
          p,
          pick(
            p.diagnoses.map((x) => x.id),
            d
          ),
          { detachFromGoals: detach }
        )
  ),
  fc.tuple(n, fc.boolean()).map(
    ([c, detach]): Edit =>
      (p) =>
        plan.removePresentingConcern(
          p,
          pick(
            p.presentingConcerns.map((x) => x.id),
            c
          ),
          { detachFromGoals: detach }
        )
  ),
  fc.tuple(anId).map(
    ([id]): Edit =>
      (p) =>
        plan.addDiagnosis(
          p,
          plan.newDiagnosis({ condition: 'Condition' }, () => id)
        )
  ),
  fc.tuple(n).map(
    ([m]): Edit =>
      (p) =>
        plan.linkAssessment(
          p,
          pick(
            p.progress.measurements.map((x) => x.id),
            m
          )
        )
  ),
  fc.tuple(n).map(
    ([i]): Edit =>
      (p) =>
        plan.removeDraftIntervention(
          p,
          pick(
            p.interventions.map((x) => x.id),
            i
          ),
          { saved: false }
        )
  ),
  fc.tuple(n, fc.constantFrom('completed' as const, 'cancelled' as const)).map(
    ([g, outcome]): Edit =>
      (p) =>
        plan.retireGoal(p, pick(goalIds(p), g), { outcome, on: TODAY })
  ),
];

const startingPlans = fc.constantFrom(
  samplePlan(),
  plan.emptyPlan({ id: 'plan-new', client: samplePlan().client, today: TODAY })
);

describe('properties of editing', () => {
  test('any sequence of edits, applied or refused, keeps ids unique and every reference pointing at something, without mutating any plan', () => {
    fc.assert(
      fc.property(startingPlans, fc.array(fc.oneof(...edits), { maxLength: 30 }), (start, sequence) => {
        let current = deepFreeze(structuredClone(start));
        for (const edit of sequence) {
          const outcome = plan.attemptEdit(() => edit(current));
          if (outcome.ok) current = deepFreeze(outcome.plan);
          const structural = plan.checkPlanRules(current).filter((v) => plan.STRUCTURAL_RULES.has(v.rule));
          expect(structural).toEqual([]);
        }
      }),
      { numRuns: 200 }
    );
  });

  test('retiring a goal loses nothing: only its lifecycle, status date, achievement and notes change, and notes only grow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('goal-1-1', 'goal-2-1'),
        fc.constantFrom('completed' as const, 'cancelled' as const),
        fc.option(fc.constantFrom('achieved' as const, 'not-achieved' as const), { nil: undefined }),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (goalId, outcome, achievement, reason) => {
          const before = samplePlan();
          const after = plan.retireGoal(before, goalId, {
            outcome,
            on: TODAY,
            ...(achievement ? { achievement } : {}),
            ...(reason !== undefined ? { reason } : {}),
          });
          const index = before.goals.findIndex((g) => g.id === goalId);
          const [was, is] = [before.goals[index], after.goals[index]];
          if (!was || !is) throw new Error('goal missing');
          expect({ ...after, goals: [] }).toEqual({ ...before, goals: [] });
          expect(after.goals.filter((_, i) => i !== index)).toEqual(before.goals.filter((_, i) => i !== index));
          const unchanging = (g: PlanGoal) => ({
            ...g,
            lifecycle: null,
            statusDate: null,
            achievement: null,
            notes: null,
          });
          expect(unchanging(is)).toEqual(unchanging(was));
          expect([is.lifecycle, is.statusDate, is.achievement]).toEqual([
            outcome,
            TODAY,
            achievement ?? was.achievement,
          ]);
          expect(is.notes.slice(0, was.notes.length)).toEqual(was.notes);
        }
      )
    );
  });
});
