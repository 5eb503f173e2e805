/**
 * The forms' pick lists (issue 4 §2): the codes of the ValueSets in fhir-profiles/ (src/workspace/
 * value-sets.generated.ts, written by `npm run pick-lists`), each with the words a clinician reads where the
 * ValueSet's display is terse, a billing phrase or missing. A code keeps the ValueSet's display for the record.
 */
import type { Code, ContactMode, Party } from '../plan/index.ts';
import { VALUE_SETS, type PickListValueSet } from './value-sets.generated.ts';

/** A code the forms offer: the code for the record, and the words the form shows. */
export interface PickOption extends Code {
  readonly label: string;
}

/** The codes of one pick-list ValueSet in its order, labelled by `labels` (by code) or by their display. */
function pickList(valueSet: PickListValueSet, labels: Readonly<Record<string, string>> = {}): PickOption[] {
  return VALUE_SETS[valueSet].systems.flatMap(({ system, codes }) =>
    codes.map(([code, display]) => ({
      system,
      code,
      ...(display === '' ? {} : { display }),
      label: labels[code] ?? (display === '' ? code : display),
    }))
  );
}

/** The code to record for an option: the ValueSet's display, else the option's words. */
export function codeOf(option: PickOption): Code {
  return { system: option.system, code: option.code, display: option.display ?? option.label };
}

/** The option whose words (or code) are `text`, ignoring case and spacing; `undefined` for free text. */
export function optionNamed(options: readonly PickOption[], text: string): PickOption | undefined {
  const wanted = text.trim().replace(/\s+/g, ' ').toLowerCase();
  if (wanted === '') return undefined;
  return options.find(
    (o) => o.label.toLowerCase() === wanted || o.display?.toLowerCase() === wanted || o.code.toLowerCase() === wanted
  );
}

const CONTACT_MODE: Readonly<Record<string, ContactMode>> = {
  '02': 'telehealth',
  '10': 'telehealth',
  '12': 'home-visit',
};

/** CMS places of service, with how the session is held (in person unless the code says otherwise). */
export const PLACES_OF_SERVICE: readonly (PickOption & { readonly mode: ContactMode })[] = pickList(
  'places-of-service',
  {
    '02': 'Telehealth, client not at home',
    '10': 'Telehealth, client at home',
    '53': 'Community mental health center',
  }
).map((option) => ({ ...option, mode: CONTACT_MODE[option.code] ?? 'in-person' }));

/** Kinds of session (CPT); the ValueSet carries no displays. */
export const SERVICE_TYPES: readonly PickOption[] = pickList('session-types', {
  '90791': 'Psychiatric diagnostic evaluation',
  '90832': 'Psychotherapy, 30 minutes',
  '90834': 'Psychotherapy, 45 minutes',
  '90837': 'Psychotherapy, 60 minutes',
  '90847': 'Family psychotherapy with the client present',
  '90853': 'Group psychotherapy',
});

/** Therapy modalities: SNOMED CT where a concept exists, our own codes where none does. */
export const THERAPY_MODALITIES: readonly PickOption[] = pickList('therapy-modalities', {
  '228557008': 'Cognitive behavioral therapy (CBT)',
  '405780009': 'Dialectical behavior therapy (DBT)',
  '108313002': 'Family psychotherapy',
  '720176005': 'Alcohol relapse prevention',
  '720177001': 'Drug relapse prevention',
});

/** Credentials shown after a provider's name (LCSW, PhD ...). */
export const CREDENTIALS: readonly PickOption[] = pickList('credentials').map((option) => ({
  ...option,
  label: `${option.code} (${option.label})`,
}));

/** Mental-health provider specialties (NUCC taxonomy); the ValueSet carries no displays. */
export const PROVIDER_SPECIALTIES: readonly PickOption[] = pickList('provider-taxonomy', {
  '1041C0700X': 'Clinical social worker',
  '101YP2500X': 'Professional counselor',
  '101YM0800X': 'Mental health counselor',
  '106H00000X': 'Marriage and family therapist',
  '103TC0700X': 'Clinical psychologist',
  '2084P0800X': 'Psychiatrist',
});

const PARTY: Readonly<Record<string, Party>> = {
  client: 'client',
  clinician: 'clinician',
  'family-guardian': 'family',
  other: 'other',
};

/** Who takes on a responsibility in the treatment contract, with the plan's party for each role. */
export const RESPONSIBILITY_ROLES: readonly (PickOption & { readonly party: Party })[] = pickList(
  'responsibility-roles',
  { 'family-guardian': 'Family', other: 'Others' }
).flatMap((option) => {
  const party = PARTY[option.code];
  return party === undefined ? [] : [{ ...option, party }];
});

/** Scales a measurable target or a score can use (LOINC totals). */
export const OUTCOME_MEASURES: readonly PickOption[] = pickList('outcome-measures', {
  '44261-6': 'PHQ-9 total score',
  '89204-2': 'PHQ-9 modified for teens, total score',
  '70274-6': 'GAD-7 total score',
  '55758-7': 'PHQ-2 total score',
  '75624-7': 'AUDIT total score',
  '75626-2': 'AUDIT-C total score',
  '82667-7': 'DAST-10 total score',
});

/** Formats of treatment, as words (no ValueSet codes them yet). */
export const FORMATS: readonly string[] = ['Individual', 'Group', 'Family', 'Couples'];

/** Units of a measurable target: UCUM code and words. */
export const TARGET_UNITS: readonly { readonly unit: string; readonly label: string }[] = [
  { unit: '{score}', label: 'score' },
  { unit: '%', label: '%' },
  { unit: 'd/wk', label: 'days per week' },
  { unit: '/wk', label: 'times per week' },
  { unit: '/d', label: 'times per day' },
  { unit: 'h', label: 'hours' },
  { unit: 'd', label: 'days' },
];
