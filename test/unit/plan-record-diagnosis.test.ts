/** Recording a diagnosis is record keeping: it goes on on a signed plan (note mode) but not on a closed one. */
import { describe, expect, test } from 'vitest';
import { addDiagnosis, attemptEdit, newDiagnosis, recordDiagnosis } from '../../src/plan/index.ts';
import { closedPlan, signedPlan } from './plan-fixtures.ts';

const panic = newDiagnosis({ condition: { text: 'Panic disorder', codes: [] } }, () => 'dx-panic');

describe('recording a diagnosis', () => {
  test('is allowed on a signed plan, where adding one to the plan content is refused', () => {
    const plan = signedPlan();
    expect(() => addDiagnosis(plan, panic)).toThrow(/signed/);
    const recorded = recordDiagnosis(plan, panic);
    expect(recorded.diagnoses.at(-1)).toEqual(panic);
    expect(recorded.diagnoses).toHaveLength(plan.diagnoses.length + 1);
    expect(recorded.signatures).toEqual(plan.signatures);
  });

  test('is refused on a closed plan and for an id already in use', () => {
    expect(attemptEdit(() => recordDiagnosis(closedPlan(), panic))).toMatchObject({ ok: false });
    const once = recordDiagnosis(signedPlan(), panic);
    expect(() => recordDiagnosis(once, panic)).toThrow();
  });
});
