/**
 * Plan values as a clinician reads them, on paper and on screen: dates, times, targets, frequencies, codes and
 * people. Pure and independent of the browser's zone and language, so the printed plan, its PDF and the workspace
 * read the same everywhere.
 */
import { SYSTEM } from '../mapping/codes.ts';
import type {
  Code,
  Comparator,
  Concept,
  Frequency,
  MeasurableTarget,
  Party,
  Provider,
  SignerRole,
} from '../plan/index.ts';
import { PLACES_OF_SERVICE, SERVICE_TYPES, TARGET_UNITS, type PickOption } from './pick-lists.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026-03-02` → `2 Mar 2026`; `2026-03` → `Mar 2026`; a date-time by the date written in it; anything else as
 * written. The same in every locale and zone.
 */
export function dateWords(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match) return date;
  const [, year = '', month, day] = match;
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year;
  return day === undefined ? `${monthName} ${year}` : `${String(Number(day))} ${monthName} ${year}`;
}

/** The `HH:MM` written in a zoned date-time: the clock time the clinician entered, in the zone it was entered. */
export function timeWords(dateTime: string | undefined): string | undefined {
  const match = /T(\d{2}:\d{2})/.exec(dateTime ?? '');
  return match?.[1];
}

/** `2026-03-02T10:58:00-05:00` → `2 Mar 2026, 10:58`. */
export function dateTimeWords(dateTime: string | undefined): string | undefined {
  if (dateTime === undefined) return undefined;
  const time = timeWords(dateTime);
  return time === undefined ? dateWords(dateTime) : `${dateWords(dateTime) ?? ''}, ${time}`;
}

/** `on-hold` → `On hold`: a code of ours as words. */
export function codeWords(code: string): string {
  const words = code.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PARTIES: Readonly<Record<Party, string>> = {
  client: 'Client',
  clinician: 'Clinician',
  family: 'Family',
  other: 'Others',
};

export function partyWords(party: Party): string {
  return PARTIES[party];
}

const ROLES: Readonly<Record<SignerRole, string>> = {
  client: 'Client',
  guardian: 'Parent or guardian',
  clinician: 'Clinician',
  supervisor: 'Supervisor (co-signature)',
};

export function signerRoleWords(role: SignerRole): string {
  return ROLES[role];
}

const COMPARATORS: Readonly<Record<Comparator, string>> = {
  '<': 'below',
  '<=': 'at most',
  '=': 'exactly',
  '>=': 'at least',
  '>': 'above',
};

/**
 * A UCUM unit as the target editor names it, to stand beside a value: `hours`, `%`. Empty for a score or a unit
 * of one: "below 10" reads better than "below 10 score".
 */
export function unitWords(unit: string): string {
  if (unit === '{score}' || unit === '1' || unit === '') return '';
  return TARGET_UNITS.find((u) => u.unit === unit)?.label ?? unit;
}

/** A number and its unit in words: `10` for a score, `80%`, `3 times per week`. */
export function amountWords(value: number, unit: string): string {
  const words = unitWords(unit);
  if (words === '') return String(value);
  return unit === '%' ? `${String(value)}%` : `${String(value)} ${words}`;
}

export interface AimWordsOptions {
  /** Add the due date, when the target has one: `below 10 by 1 Jun 2026`. */
  readonly due?: boolean;
}

/**
 * `below 10`, `at least 7 hours`: a target without its measure's name, for where the measure is named beside it
 * (a chart, a heading); with `{ due: true }` followed by its due date.
 */
export function aimWords(target: MeasurableTarget, options: AimWordsOptions = {}): string {
  const aim = `${COMPARATORS[target.comparator]} ${amountWords(target.value.value, target.value.unit)}`;
  const due = options.due === true ? dateWords(target.dueDate) : undefined;
  return due === undefined ? aim : `${aim} by ${due}`;
}

/** `PHQ-9 total score below 10 by 1 Jun 2026`. */
export function targetWords(target: MeasurableTarget): string {
  return `${target.measure.text} ${aimWords(target, { due: true })}`;
}

const PERIODS: Readonly<Record<Frequency['unit'], readonly [string, string]>> = {
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
};

/** `1 time per week`, `2 times every 2 weeks`. */
export function frequencyWords(frequency: Frequency): string {
  const times = `${String(frequency.count)} ${frequency.count === 1 ? 'time' : 'times'}`;
  const [one, many] = PERIODS[frequency.unit];
  return frequency.per === 1 ? `${times} per ${one}` : `${times} every ${String(frequency.per)} ${many}`;
}

const CODE_SYSTEMS: Readonly<Record<string, string>> = {
  [SYSTEM.icd10cm]: 'ICD-10-CM',
  [SYSTEM.snomed]: 'SNOMED CT',
  [SYSTEM.loinc]: 'LOINC',
  [SYSTEM.cpt]: 'CPT',
};

/** `Major depressive disorder (ICD-10-CM F33.1; SNOMED CT 370143000)`: the words, then the standard codes. */
export function conceptWithCodes(concept: Concept): string {
  const codes = concept.codes.flatMap((code) => {
    const system = CODE_SYSTEMS[code.system];
    return system === undefined ? [] : [`${system} ${code.code}`];
  });
  return codes.length === 0 ? concept.text : `${concept.text} (${codes.join('; ')})`;
}

/** `Office (11)`, `90791 Psychiatric diagnostic evaluation`: a code with its words where we know them. */
export function placeWords(code: Code): string {
  const display = displayOf(code, PLACES_OF_SERVICE);
  return display === undefined ? code.code : `${display} (${code.code})`;
}

export function serviceWords(code: Code): string {
  const display = displayOf(code, SERVICE_TYPES);
  return display === undefined ? code.code : `${code.code} ${display}`;
}

/** The code's own words, else those of our pick list; a display that only repeats the code says nothing. */
function displayOf(code: Code, known: readonly PickOption[]): string | undefined {
  const own = code.display?.trim();
  if (own !== undefined && own !== '' && own !== code.code) return own;
  const label = known.find((each) => each.system === code.system && each.code === code.code)?.label;
  return label === code.code ? undefined : label;
}

/** `Dana Rivera, LCSW, PhD`: the provider as insurers want them named. */
export function providerWords(provider: Provider): string {
  return [provider.name, ...provider.credentials].join(', ');
}

/** `5 Jan 2026 to 5 Jul 2026`, `from 5 Jan 2026`, `until 5 Jul 2026`. */
export function periodWords(start: string | undefined, end: string | undefined): string | undefined {
  const from = dateWords(start);
  const to = dateWords(end);
  if (from !== undefined && to !== undefined) return `${from} to ${to}`;
  if (from !== undefined) return `from ${from}`;
  return to === undefined ? undefined : `until ${to}`;
}
