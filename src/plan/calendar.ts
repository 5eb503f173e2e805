/**
 * Calendar arithmetic on the plan's date strings, without the clock: `IsoDate` is `YYYY-MM-DD`, `IsoDateTime`
 * carries seconds and a zone offset, as FHIR R4 `dateTime` requires once a time is given
 * (https://hl7.org/fhir/R4/datatypes.html#dateTime).
 */
import type { IsoDate, IsoDateTime } from './treatment-plan.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)$/;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function partsOf(value: string): DateParts | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** `2026-02-28` is a calendar date; `2026-02-30`, `2026-2-3` and `2026-02` are not. */
export function isCalendarDate(value: string): boolean {
  return partsOf(value) !== undefined;
}

/** A date and time with seconds and a zone offset on a real calendar day: `2026-03-02T10:00:00-05:00`. */
export function isZonedDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return match?.[1] !== undefined && isCalendarDate(match[1]);
}

/** The calendar date a date-time falls on where it was written (its own offset), e.g. for "on the date of service". */
export function datePart(value: IsoDateTime): IsoDate {
  return value.slice(0, 10);
}

/** Milliseconds since the epoch, for ordering two zoned date-times; `undefined` when either is malformed. */
export function instantOf(value: IsoDateTime): number | undefined {
  return isZonedDateTime(value) ? Date.parse(value) : undefined;
}

/** The same day `months` later; the last day of the month when that month is shorter (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(parts.day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Orders two calendar dates (both `YYYY-MM-DD`, so text order is date order). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
