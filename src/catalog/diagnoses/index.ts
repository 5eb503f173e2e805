/** The diagnosis list that ships with the app, most used first within each group. */
import { ANXIETY_TRAUMA_DIAGNOSES } from './anxiety-trauma.ts';
import type { CatalogDiagnosis } from './entry.ts';
import { MOOD_DIAGNOSES } from './mood.ts';
import { OTHER_DIAGNOSES } from './other.ts';
import { SUBSTANCE_USE_DIAGNOSES } from './substance.ts';

export type { CatalogDiagnosis, DiagnosisGroup } from './entry.ts';

export const DIAGNOSES: readonly CatalogDiagnosis[] = [
  ...MOOD_DIAGNOSES,
  ...ANXIETY_TRAUMA_DIAGNOSES,
  ...SUBSTANCE_USE_DIAGNOSES,
  ...OTHER_DIAGNOSES,
];

const BY_ICD10CM = new Map(DIAGNOSES.map((entry) => [entry.icd10cm, entry]));

/** The catalog entry for an ICD-10-CM code (`F33.1`), or `undefined` when the list has none. */
export function diagnosisByIcd10cm(code: string): CatalogDiagnosis | undefined {
  return BY_ICD10CM.get(code.trim().toUpperCase());
}
