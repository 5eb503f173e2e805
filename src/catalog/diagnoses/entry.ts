/**
 * One diagnosis in the searchable list that ships with the app: its ICD-10-CM code and title, the SNOMED CT
 * concept that says the same where one was verified, and the words clinicians type to find it.
 *
 * Every code was checked against a published listing (VSAC value-set expansions for ICD-10-CM and SNOMED CT; the
 * FY2025 ICD-10-CM eating-disorder codes against published FY2025 code listings). Where no SNOMED CT concept was
 * verified the entry carries ICD-10-CM alone: a guessed code is worse than none.
 */
import type { Code, Concept } from '../../plan/index.ts';
import { CATALOG_SYSTEM } from '../systems.ts';

export type DiagnosisGroup =
  | 'depressive'
  | 'bipolar'
  | 'anxiety'
  | 'obsessive-compulsive'
  | 'trauma-and-stress'
  | 'substance-use'
  | 'neurodevelopmental-and-conduct'
  | 'eating'
  | 'sleep'
  | 'personality-and-other'
  | 'relational';

export interface CatalogDiagnosis {
  /** ICD-10-CM code, e.g. `F33.1`. */
  readonly icd10cm: string;
  /** SNOMED CT concept id, when one was verified. */
  readonly snomed?: string;
  readonly group: DiagnosisGroup;
  /** Other names clinicians search by: abbreviations, DSM-5 names, plain words. */
  readonly keywords: readonly string[];
  /** What goes into the plan: the ICD-10-CM title as text, with both codings. */
  readonly condition: Concept;
}

/** `[SNOMED CT id, SNOMED CT term]`: the term is the concept's description without its semantic tag. */
export type SnomedConcept = readonly [code: string, term: string];

export function diagnosisEntry(
  group: DiagnosisGroup,
  icd10cm: string,
  title: string,
  snomed: SnomedConcept | undefined,
  keywords: readonly string[]
): CatalogDiagnosis {
  const codes: Code[] = [{ system: CATALOG_SYSTEM.icd10cm, code: icd10cm, display: title }];
  if (snomed) codes.push({ system: CATALOG_SYSTEM.snomed, code: snomed[0], display: snomed[1] });
  const condition: Concept = { text: title, codes };
  return snomed ? { icd10cm, snomed: snomed[0], group, keywords, condition } : { icd10cm, group, keywords, condition };
}
