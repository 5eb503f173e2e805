/** Plans are reviewed every 1 to 6 months: the next review falls in that window after the plan period starts. */
import { addMonths, isCalendarDate } from '../calendar.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';
import type { RuleViolation } from './rule-violation.ts';

export const REVIEW_WINDOW_MONTHS = { earliest: 1, latest: 6 } as const;

export function checkReview(plan: TreatmentPlan): RuleViolation[] {
  const { periodStart, nextReviewDate } = plan.review;
  if (periodStart === undefined || nextReviewDate === undefined) return [];
  if (!isCalendarDate(periodStart) || !isCalendarDate(nextReviewDate)) return [];
  const path = 'review.nextReviewDate';
  if (nextReviewDate <= periodStart) {
    return [
      {
        rule: 'review-interval',
        severity: 'error',
        message: `The next review (${nextReviewDate}) must come after the plan period starts (${periodStart}).`,
        path,
      },
    ];
  }
  const earliest = addMonths(periodStart, REVIEW_WINDOW_MONTHS.earliest);
  const latest = addMonths(periodStart, REVIEW_WINDOW_MONTHS.latest);
  if (nextReviewDate < earliest || nextReviewDate > latest) {
    const when = nextReviewDate < earliest ? 'less than a month' : 'more than 6 months';
    return [
      {
        rule: 'review-interval',
        severity: 'warning',
        message: `The next review is ${when} after the plan period starts; plans are usually reviewed every 1 to 6 months (between ${earliest} and ${latest}).`,
        path,
      },
    ];
  }
  return [];
}
