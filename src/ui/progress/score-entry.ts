/**
 * "Add a score" (issue 4 §3): what the clinician typed, checked field by field, and the measurement it becomes:
 * the target's measure (its codes, e.g. LOINC 44261-6 for the PHQ-9 total) and unit, linked to the goal or
 * objective. Pure; the form shows the problems next to the fields.
 */
import {
  isCalendarDate,
  newMeasurement,
  type IdFactory,
  type IsoDate,
  type IsoDateTime,
  type MeasurableTarget,
  type Measurement,
} from '../../plan/index.ts';
import { localDate, zonedDateTime, zonedNow } from '../../workspace/clock.ts';

export interface ScoreEntry {
  /** `YYYY-MM-DD` as the date input gives it. */
  readonly date: string;
  /** The value as typed. */
  readonly value: string;
}

export interface ScoreProblems {
  readonly date?: string;
  readonly value?: string;
}

/** What is wrong with each field, if anything; an empty object when the score can be recorded. */
export function scoreProblems(entry: ScoreEntry, unit: string, today: IsoDate): ScoreProblems {
  const date = entry.date.trim();
  const text = entry.value.trim();
  const value = Number(text);
  const dateProblem =
    date === ''
      ? 'Enter the date the score was taken.'
      : !isCalendarDate(date)
        ? 'Enter a real date (year, month and day).'
        : date > today
          ? 'A score cannot be dated after today.'
          : undefined;
  const valueProblem =
    text === ''
      ? 'Enter the score.'
      : !Number.isFinite(value)
        ? 'The score must be a number.'
        : unit === '{score}' && value < 0
          ? 'A score cannot be negative.'
          : unit === '%' && (value < 0 || value > 100)
            ? 'A percentage is between 0 and 100.'
            : undefined;
  return {
    ...(dateProblem === undefined ? {} : { date: dateProblem }),
    ...(valueProblem === undefined ? {} : { value: valueProblem }),
  };
}

export function hasProblems(problems: ScoreProblems): boolean {
  return problems.date !== undefined || problems.value !== undefined;
}

/**
 * When something recorded for `date` happened, as a zoned date-time: now when the date is today (so two scores of
 * one day keep their order), midday in the local zone for another day.
 */
export function recordedAt(date: IsoDate, now: Date): IsoDateTime {
  return date === localDate(now) ? zonedNow(now) : zonedDateTime(date, '12:00');
}

/** The measurement a checked entry records for `target` of the goal or objective `goalId`. */
export function scoreMeasurement(
  entry: ScoreEntry,
  target: MeasurableTarget,
  goalId: string,
  now: Date,
  newId: IdFactory
): Measurement {
  return newMeasurement(
    {
      measure: target.measure,
      value: { value: Number(entry.value.trim()), unit: target.value.unit },
      date: recordedAt(entry.date.trim(), now),
      goalId,
    },
    newId
  );
}
