/**
 * The short pick lists the forms offer until the catalog (ValueSets in fhir-profiles/, issue 4 §2) provides them.
 * Codes are those DESIGN.md §4 lists; systems come from the mapping's constants module.
 */
import { SYSTEM } from '../mapping/codes.ts';
import type { Code, ContactMode } from '../plan/index.ts';

export const PLACES_OF_SERVICE: readonly (Code & { readonly mode: ContactMode })[] = [
  { system: SYSTEM.placeOfService, code: '11', display: 'Office', mode: 'in-person' },
  { system: SYSTEM.placeOfService, code: '02', display: 'Telehealth, client not at home', mode: 'telehealth' },
  { system: SYSTEM.placeOfService, code: '10', display: 'Telehealth, client at home', mode: 'telehealth' },
  { system: SYSTEM.placeOfService, code: '12', display: 'Home', mode: 'home-visit' },
  { system: SYSTEM.placeOfService, code: '03', display: 'School', mode: 'in-person' },
  { system: SYSTEM.placeOfService, code: '53', display: 'Community mental health center', mode: 'in-person' },
];

export const SERVICE_TYPES: readonly Code[] = [
  { system: SYSTEM.cpt, code: '90791', display: 'Psychiatric diagnostic evaluation' },
  { system: SYSTEM.cpt, code: '90832', display: 'Psychotherapy, 30 minutes' },
  { system: SYSTEM.cpt, code: '90834', display: 'Psychotherapy, 45 minutes' },
  { system: SYSTEM.cpt, code: '90837', display: 'Psychotherapy, 60 minutes' },
  { system: SYSTEM.cpt, code: '90847', display: 'Family psychotherapy with the client present' },
  { system: SYSTEM.cpt, code: '90853', display: 'Group psychotherapy' },
];

/** Formats of treatment, as words (the catalog will code them). */
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
