/**
 * Arbitraries of the values a treatment plan is made of: words (some hostile to XML, HTML and JSON handling),
 * dates and zoned date-times in order, codes from the code systems the plan uses, concepts and people.
 */
import fc from 'fast-check';
import { SYSTEM } from '../../src/mapping/codes.ts';
import type * as m from '../../src/plan/treatment-plan.ts';

/** `value` without its undefined properties (an absent optional field, as the reader returns it). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const option = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

const WORDS = [
  'sleep',
  'worry',
  'walks daily',
  '<script>alert(1)</script>',
  'A & B',
  '"quoted"',
  "it's",
  'café',
  'naïve',
  '😀',
  '<img src=x onerror=alert(1)>',
  'x > y',
];
/** Non-blank words, some of them hostile to XML, HTML and JSON handling. */
export const text: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '));

const DAY = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);
export const dayOf = (n: number): string => new Date(EPOCH + n * DAY).toISOString().slice(0, 10);
export const date: fc.Arbitrary<string> = fc.integer({ min: 0, max: 1200 }).map(dayOf);
/** A date before every target's due date (which falls from day 740 on). */
export const startDate: fc.Arbitrary<string> = fc.integer({ min: 0, max: 700 }).map(dayOf);
export const OFFSETS = ['-05:00', '+00:00', '+05:30', 'Z', '-08:00'];
export const at = (day: string, minutes: number, offset: string): string =>
  `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00${offset}`;
export const dateTime: fc.Arbitrary<string> = fc
  .tuple(date, fc.integer({ min: 0, max: 1439 }), fc.constantFrom(...OFFSETS))
  .map(([d, minutes, offset]) => at(d, minutes, offset));

/** Two dates in order, each side optional. */
export const ordered = (
  from: fc.Arbitrary<string>,
  minGap: number,
  maxGap: number
): fc.Arbitrary<[string, string] | undefined> =>
  option(
    fc
      .tuple(from, fc.integer({ min: minGap, max: maxGap }))
      .map(([start, gap]): [string, string] => [start, dayOf(Math.round((Date.parse(start) - EPOCH) / DAY) + gap)])
  );
export const period = (minGap = 0): fc.Arbitrary<{ start?: string; end?: string }> =>
  fc
    .tuple(ordered(date, minGap, 400), fc.constantFrom('both', 'start', 'end'))
    .map(([pair, keep]) =>
      compact({ start: keep !== 'end' ? pair?.[0] : undefined, end: keep !== 'start' ? pair?.[1] : undefined })
    );

export const code = (system: string, value: string, display?: string): m.Code =>
  compact({ system, code: value, display });
export const DIAGNOSIS_CODES: m.Code[][] = [
  [code(SYSTEM.icd10cm, 'F33.1', 'Major depressive disorder, recurrent, moderate'), code(SYSTEM.snomed, '370143000')],
  [code(SYSTEM.icd10cm, 'F41.1'), code(SYSTEM.snomed, '21897009', 'Generalized anxiety disorder')],
  [code(SYSTEM.icd10cm, 'F43.10')],
  [code(SYSTEM.snomed, '21897009')],
  [code(SYSTEM.icd10cm, 'F10.20', 'Alcohol dependence, uncomplicated')],
  [],
];
export const MODALITY_CODES: m.Code[][] = [
  [code(SYSTEM.snomed, '228557008', 'Cognitive and behavioral therapy')],
  [code(SYSTEM.therapyModality, 'motivational-interviewing', 'Motivational interviewing')],
  [code(SYSTEM.snomed, '405780009')],
  [],
];
export const MEASURE_CODES: m.Code[][] = [
  [code(SYSTEM.loinc, '44261-6')],
  [code(SYSTEM.loinc, '70274-6')],
  [code(SYSTEM.loinc, '75624-7')],
  [],
];
export const GOAL_CODES: m.Code[][] = [[], [code(SYSTEM.snomed, '736254005', 'Reduce symptoms')]];
export const FORMAT_CODES: m.Code[][] = [
  [code(SYSTEM.snomed, '18512000', 'Individual psychotherapy')],
  [code(SYSTEM.snomed, '76168009')],
  [],
];
export const PLACES: m.Code[] = [
  code(SYSTEM.placeOfService, '11', 'Office'),
  code(SYSTEM.placeOfService, '02', "Telehealth Provided Other than in Patient's Home"),
  code(SYSTEM.placeOfService, '10', "Telehealth Provided in Patient's Home"),
  code(SYSTEM.placeOfService, '53', 'Community Mental Health Center'),
];

export const concept = (codes: m.Code[][]): fc.Arbitrary<m.Concept> =>
  fc.record({ text, codes: fc.constantFrom(...codes) });
export const personRef: fc.Arbitrary<m.PersonRef> = fc
  .record({
    reference: option(
      fc.constantFrom(
        'Practitioner/clinician-dana',
        'Practitioner/supervisor-lee',
        'RelatedPerson/sister-sam',
        'Patient/client-jordan'
      )
    ),
    name: text,
  })
  .map(compact);
