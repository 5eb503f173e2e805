import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureOrder } from '../../src/mapping/careplan-from-fhir.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import { checkPlanRules, keepsRules } from '../../src/plan/rules/check-plan-rules.ts';
import { applyWriteSet } from '../support/apply-write-set.ts';
import { fullPlan } from '../support/full-plan.ts';
import { EHR_RECORDS } from '../support/mapping-world.ts';
import { planArbitrary } from '../support/plan-arbitrary.ts';
import { savePlan } from '../support/save-plan.ts';

/** How many plans each property tries (about 5 s in all). */
const RUNS = 300;

describe('the arbitrary plans', () => {
  it('keep every rule of the model', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        expect(checkPlanRules(plan).filter((v) => v.severity === 'error')).toEqual([]);
        expect(keepsRules(checkPlanRules(plan))).toBe(true);
      }),
      { numRuns: RUNS }
    );
  });
});

describe('a plan saved and read back', () => {
  it('is the same plan, with nothing left not understood', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const { store } = savePlan(plan);
        const read = planFromFhir(store, { planId: plan.id });
        expect(read.plan).toEqual(plan);
        expect(read.notUnderstood).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  });

  it('is the plan the reader picks by default when it is the only one', () => {
    const { store } = savePlan(fullPlan());
    expect(planFromFhir(store).plan).toEqual(fullPlan());
  });

  it('needs no write when saved again unchanged', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const { store } = savePlan(plan);
        expect(planToFhir(plan, store)).toEqual([]);
        expect(planToFhir(planFromFhir(store, { planId: plan.id }).plan, store)).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  });

  it('creates nothing twice when the same write set is sent again (a retry after a lost response)', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const writeSet = planToFhir(plan, EHR_RECORDS);
        const once = applyWriteSet(EHR_RECORDS, writeSet);
        const twice = applyWriteSet(once.store, writeSet);
        expect(twice.store.length).toBe(once.store.length);
        expect(twice.locations).toEqual(once.locations);
      }),
      { numRuns: 100 }
    );
  });

  it('is the edited plan after an edit is saved over the loaded records', () => {
    fc.assert(
      fc.property(planArbitrary, planArbitrary, (first, second) => {
        const { store } = savePlan(first);
        // The second plan's content under the first plan's id: every part that shares an id is updated. Saved
        // signatures stay (a Provenance is a permanent record; the edit functions never withdraw one).
        const signatures = new Map([...first.signatures, ...second.signatures].map((s) => [s.id, s]));
        const edited = { ...second, id: first.id, signatures: [...signatures.values()].sort(signatureOrder) };
        const after = savePlan(edited, store).store;
        expect(planFromFhir(after, { planId: first.id }).plan).toEqual(edited);
      }),
      { numRuns: 100 }
    );
  });
});
