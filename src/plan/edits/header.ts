/** The plan's header: title, summary, author, contributors and status. */
import { applyChanges, type Changes } from '../changes.ts';
import { assertEditable, assertOpen } from '../lock.ts';
import type { PlanStatus, TreatmentPlan } from '../treatment-plan.ts';

export type PlanHeaderChanges = Changes<
  Pick<TreatmentPlan, 'title' | 'summary' | 'author' | 'contributors' | 'created'>
>;

export function editPlanHeader(plan: TreatmentPlan, changes: PlanHeaderChanges): TreatmentPlan {
  assertEditable(plan);
  return applyChanges(plan, changes);
}

/** The statuses a plan in use moves between; closing a plan is the revision's job (it `replaces` this one). */
export type OpenPlanStatus = Extract<PlanStatus, 'draft' | 'active' | 'on-hold'>;

/**
 * Puts the plan in force (`active`), back to `draft`, or `on-hold`. Allowed on a signed plan: signing comes first,
 * then the plan takes effect.
 */
export function setPlanStatus(plan: TreatmentPlan, status: OpenPlanStatus): TreatmentPlan {
  assertOpen(plan);
  return { ...plan, status };
}
