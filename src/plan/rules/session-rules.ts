/** The session starts and ends on the date of service, and ends after it starts. */
import { datePart, instantOf, isCalendarDate } from '../calendar.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';
import type { RuleViolation } from './rule-violation.ts';

export function checkSession(plan: TreatmentPlan): RuleViolation[] {
  const { dateOfService, start, end } = plan.session;
  const violations: RuleViolation[] = [];
  const startAt = start === undefined ? undefined : instantOf(start);
  const endAt = end === undefined ? undefined : instantOf(end);
  if (dateOfService !== undefined && isCalendarDate(dateOfService)) {
    for (const [field, value, at] of [
      ['start', start, startAt],
      ['end', end, endAt],
    ] as const) {
      if (value !== undefined && at !== undefined && datePart(value) !== dateOfService) {
        violations.push({
          rule: 'session-times-on-date',
          severity: 'error',
          message: `The session ${field === 'start' ? 'starts' : 'ends'} on ${datePart(value)}, not on the date of service (${dateOfService}).`,
          path: `session.${field}`,
        });
      }
    }
  }
  if (startAt !== undefined && endAt !== undefined && endAt <= startAt) {
    violations.push({
      rule: 'session-end-after-start',
      severity: 'error',
      message: 'The session must end after it starts.',
      path: 'session.end',
    });
  }
  return violations;
}
