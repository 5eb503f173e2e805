/**
 * Small builders the example plans share: codes, concepts, Central-time timestamps and measurement series.
 * Everything here is deterministic (no clock, no randomness), so the generated Bundles never change unless a plan
 * does.
 */
import type { Amount, Code, Concept, IsoDate, IsoDateTime, Measurement } from '../../../src/plan/treatment-plan.ts';

export function code(system: string, value: string, display?: string): Code {
  return display === undefined ? { system, code: value } : { system, code: value, display };
}

export function concept(text: string, ...codes: Code[]): Concept {
  return { text, codes };
}

/** A concept known only in words (a described measure, a text-only concern). */
export function words(text: string): Concept {
  return { text, codes: [] };
}

export function amount(value: number, unit: string): Amount {
  return { value, unit };
}

/** `date` moved by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

const chicagoOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', timeZoneName: 'longOffset' });

/**
 * A wall-clock time at the clinic in Springfield, Illinois, with the zone offset in force that day (CDT -05:00 until
 * 1 November 2026, CST -06:00 after). FHIR requires the offset on any dateTime with a time (R4 datatypes).
 */
export function clinicTime(date: IsoDate, time: string): IsoDateTime {
  // Noon UTC is 6 or 7 a.m. in Chicago, the same calendar day, and never inside a DST switch.
  const zoneName = chicagoOffset.formatToParts(new Date(`${date}T12:00:00Z`)).find((p) => p.type === 'timeZoneName');
  const offset = zoneName?.value.replace('GMT', '') ?? '';
  if (!/^[+-]\d\d:\d\d$/.test(offset)) {
    throw new Error(`No zone offset for America/Chicago on ${date}: ${zoneName?.value ?? 'none'}`);
  }
  return `${date}T${time}:00${offset}`;
}

export interface SeriesOptions {
  /** Prefix of each measurement's id; the date is appended. */
  readonly idPrefix: string;
  readonly measure: Concept;
  readonly unit: string;
  /** The first date; the others follow every `everyDays` days. */
  readonly start: IsoDate;
  readonly everyDays: number;
  /** Clinic time the measure is taken or reported, e.g. `10:05`. */
  readonly time: string;
  readonly values: readonly number[];
  readonly goalId?: string;
  /** Notes for some of the dates. */
  readonly notes?: Readonly<Record<IsoDate, string>>;
}

/** A regular series of measurements: one value per visit, every `everyDays` days from `start`. */
export function series(options: SeriesOptions): Measurement[] {
  return options.values.map((value, index) => {
    const date = addDays(options.start, index * options.everyDays);
    const note = options.notes?.[date];
    return {
      id: `${options.idPrefix}-${date}`,
      measure: options.measure,
      value: amount(value, options.unit),
      date: clinicTime(date, options.time),
      ...(options.goalId === undefined ? {} : { goalId: options.goalId }),
      ...(note === undefined ? {} : { note }),
    };
  });
}

/** The id `series` gives the measurement taken on `date`. */
export function seriesId(idPrefix: string, date: IsoDate): string {
  return `${idPrefix}-${date}`;
}
