/** The review schedule: the period the plan covers and when it is next reviewed (every 1-6 months). */
import { applyChanges, type Changes } from '../changes.ts';
import { assertEditable } from '../lock.ts';
import type { IsoDate, ReviewSchedule, TreatmentPlan } from '../treatment-plan.ts';

/**
 * Sets the start of the plan period and/or the next review date. `replaces` is not editable here: a revision
 * sets it when it starts a new plan.
 */
export function setReviewPeriod(
  plan: TreatmentPlan,
  period: Changes<Pick<ReviewSchedule, 'periodStart' | 'nextReviewDate'>>
): TreatmentPlan {
  assertEditable(plan);
  return { ...plan, review: applyChanges(plan.review, period) };
}

export function setNextReviewDate(plan: TreatmentPlan, date: IsoDate | null): TreatmentPlan {
  return setReviewPeriod(plan, { nextReviewDate: date });
}
