/** Presenting concerns: what brings the client, in their or the clinician's words. */
import { applyChanges, type Changes } from '../changes.ts';
import { assertEditable } from '../lock.ts';
import type { PresentingConcern, TreatmentPlan } from '../treatment-plan.ts';
import { assertNewIds, locateById, releaseAddressed, removeAt, replaceAt } from './internal.ts';

const BASE = 'presentingConcerns';

export function addPresentingConcern(plan: TreatmentPlan, concern: PresentingConcern): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, [concern.id], BASE);
  return { ...plan, presentingConcerns: [...plan.presentingConcerns, concern] };
}

export function editPresentingConcern(
  plan: TreatmentPlan,
  id: string,
  changes: Changes<PresentingConcern>
): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.presentingConcerns, id, 'presenting concern', BASE);
  return { ...plan, presentingConcerns: replaceAt(plan.presentingConcerns, index, applyChanges(item, changes)) };
}

/** Marks a concern resolved; it stays in the plan as history. */
export function resolvePresentingConcern(plan: TreatmentPlan, id: string): TreatmentPlan {
  return editPresentingConcern(plan, id, { status: 'resolved' });
}

/** Marks a resolved concern active again. */
export function reopenPresentingConcern(plan: TreatmentPlan, id: string): TreatmentPlan {
  return editPresentingConcern(plan, id, { status: 'active' });
}

/**
 * Removes a concern. While goals address it the edit is refused (`in-use`, with the goals' paths), unless
 * `detachFromGoals` is set, which also takes it off those goals.
 */
export function removePresentingConcern(
  plan: TreatmentPlan,
  id: string,
  options: { readonly detachFromGoals?: boolean } = {}
): TreatmentPlan {
  assertEditable(plan);
  const { index } = locateById(plan.presentingConcerns, id, 'presenting concern', BASE);
  const released = releaseAddressed(plan, id, 'concern', `${BASE}[${index}]`, options.detachFromGoals ?? false);
  return { ...released, presentingConcerns: removeAt(plan.presentingConcerns, index) };
}
