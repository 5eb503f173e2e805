/**
 * Dates are real calendar dates; date-times carry seconds and a zone offset (a time without a zone is ambiguous,
 * and FHIR R4 requires the zone: https://hl7.org/fhir/R4/datatypes.html#dateTime); periods end after they start.
 */
import { isCalendarDate, isZonedDateTime } from '../calendar.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';
import { dateFieldsOf, periodsOf } from './date-fields.ts';
import type { RuleViolation } from './rule-violation.ts';

export function checkDates(plan: TreatmentPlan): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const field of dateFieldsOf(plan)) {
    if (field.kind === 'date' && !isCalendarDate(field.value)) {
      violations.push({
        rule: 'calendar-date',
        severity: 'error',
        message: `“${field.value}” is not a date on the calendar (expected year-month-day, e.g. 2026-03-02).`,
        path: field.path,
      });
    }
    if (field.kind === 'datetime' && !isZonedDateTime(field.value)) {
      violations.push({
        rule: 'zoned-datetime',
        severity: 'error',
        message: `“${field.value}” needs a calendar date, a time with seconds and a time zone (e.g. 2026-03-02T10:00:00-05:00).`,
        path: field.path,
      });
    }
  }
  for (const period of periodsOf(plan)) {
    const { start, end } = period;
    if (start === undefined || end === undefined || !isCalendarDate(start) || !isCalendarDate(end)) continue;
    if (end < start) {
      violations.push({
        rule: 'period-order',
        severity: 'error',
        message: `${period.what} ends (${end}) before it starts (${start}).`,
        path: period.endPath,
      });
    }
  }
  return violations;
}
