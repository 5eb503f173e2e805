/** Strengths and how the plan will use each. */
import { applyChanges, optionalText, type Changes } from '../changes.ts';
import { assertEditable } from '../lock.ts';
import type { Strength, TreatmentPlan } from '../treatment-plan.ts';
import { assertNewIds, locateById, removeAt, replaceAt } from './internal.ts';

const BASE = 'strengths';

export function addStrength(plan: TreatmentPlan, strength: Strength): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, [strength.id], BASE);
  return { ...plan, strengths: [...plan.strengths, strength] };
}

export function editStrength(plan: TreatmentPlan, id: string, changes: Changes<Strength>): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.strengths, id, 'strength', BASE);
  return { ...plan, strengths: replaceAt(plan.strengths, index, applyChanges(item, changes)) };
}

/** Says how the plan will use a strength; blank text clears it. */
export function setStrengthUse(plan: TreatmentPlan, id: string, use: string): TreatmentPlan {
  return editStrength(plan, id, { use: optionalText(use) ?? null });
}

export function removeStrength(plan: TreatmentPlan, id: string): TreatmentPlan {
  assertEditable(plan);
  const { index } = locateById(plan.strengths, id, 'strength', BASE);
  return { ...plan, strengths: removeAt(plan.strengths, index) };
}
