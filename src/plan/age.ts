/** A client's age, computed (never stored: DESIGN.md §4 "age computed, not stored"). */
import { isCalendarDate } from './calendar.ts';
import type { IsoDate } from './treatment-plan.ts';

/**
 * Age in whole years on a given date. A birthday counts from its month and day, so someone born on 29 February
 * turns a year older on 1 March in years without that day. Both arguments are `YYYY-MM-DD`.
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  if (!isCalendarDate(birthDate) || !isCalendarDate(on)) {
    throw new RangeError(`Not a calendar date: ${birthDate} or ${on}`);
  }
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [oy = 0, om = 0, od = 0] = on.split('-').map(Number);
  const hadBirthday = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthday ? 0 : 1);
}
