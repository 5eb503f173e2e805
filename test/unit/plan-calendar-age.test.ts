import { describe, expect, test } from 'vitest';
import { addMonths, ageOn, datePart, isCalendarDate, isZonedDateTime } from '../../src/plan/index.ts';

describe('age on a date', () => {
  test('counts whole years, a year older from the birthday on', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2010-06-15', '2026-12-31')).toBe(16);
  });

  test('someone born on 29 February turns a year older on 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  test('refuses text that is not a date', () => {
    expect(() => ageOn('15/06/2010', '2026-03-02')).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  test('adding months keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-09-30', 6)).toBe('2027-03-30');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  test('a date-time falls on the date written in its own zone', () => {
    expect(datePart('2026-03-02T23:30:00-05:00')).toBe('2026-03-02');
  });

  test('recognises calendar dates and zoned date-times', () => {
    expect(['2026-03-02', '2000-02-29'].every(isCalendarDate)).toBe(true);
    expect(['1900-02-29', '2026-00-10', '2026-03-2', '2026-03', ''].some(isCalendarDate)).toBe(false);
    expect(isZonedDateTime('2026-03-02T10:00:00+14:00')).toBe(true);
    expect(
      ['2026-03-02T10:00:00+15:00', '2026-03-02 10:00:00Z', '2026-02-30T10:00:00Z', '2026-03-02'].some(isZonedDateTime)
    ).toBe(false);
  });
});
