import { describe, expect, it } from 'vitest';
import {
  CATALOG_SYSTEM,
  DIAGNOSES,
  diagnosisByIcd10cm,
  hasValidVerhoeffCheckDigit,
  isSnomedConceptId,
} from '../../src/catalog/index.ts';
import { SYSTEM } from '../../src/mapping/codes.ts';

/** ICD-10-CM: a letter, two characters, then up to four after the dot (e.g. F32.A, F50.819, R45.851, Z62.820). */
const ICD10CM = /^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/;

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

describe('the Verhoeff check on SNOMED CT ids', () => {
  it('accepts ids whose last digit is their check digit', () => {
    for (const id of ['2363', '370143000', '21897009', '35489007', '10211000132109']) {
      expect(hasValidVerhoeffCheckDigit(id), id).toBe(true);
    }
  });

  it('rejects a mistyped digit and two swapped digits', () => {
    expect(hasValidVerhoeffCheckDigit('370143001')).toBe(false);
    expect(hasValidVerhoeffCheckDigit('370413000')).toBe(false);
    expect(hasValidVerhoeffCheckDigit('21879009')).toBe(false);
  });

  it('refuses ids that are not concept ids: letters, a leading zero, too short, a description partition', () => {
    expect(isSnomedConceptId('3701430x0')).toBe(false);
    expect(isSnomedConceptId('0370143000')).toBe(false);
    expect(isSnomedConceptId('2363')).toBe(false);
    // 0-1 check digit valid but partition `01` marks a description id, not a concept.
    const description = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
      .map((d) => `12345601${d}`)
      .find(hasValidVerhoeffCheckDigit);
    expect(description).toBeDefined();
    expect(isSnomedConceptId(description ?? '')).toBe(false);
  });
});

describe('the diagnosis list', () => {
  it('holds a useful outpatient list of 60 to 110 diagnoses', () => {
    expect(DIAGNOSES.length).toBeGreaterThanOrEqual(60);
    expect(DIAGNOSES.length).toBeLessThanOrEqual(110);
  });

  it('gives every diagnosis a well-formed ICD-10-CM code', () => {
    const malformed = DIAGNOSES.map((d) => d.icd10cm).filter((code) => !ICD10CM.test(code));
    expect(malformed).toEqual([]);
  });

  it('lists no ICD-10-CM code and no SNOMED CT concept twice', () => {
    expect(duplicates(DIAGNOSES.map((d) => d.icd10cm))).toEqual([]);
    expect(duplicates(DIAGNOSES.flatMap((d) => (d.snomed === undefined ? [] : [d.snomed])))).toEqual([]);
  });

  it('gives only SNOMED CT ids that pass the check digit, so a typo cannot ship', () => {
    const bad = DIAGNOSES.flatMap((d) => (d.snomed !== undefined && !isSnomedConceptId(d.snomed) ? [d.snomed] : []));
    expect(bad).toEqual([]);
  });

  it('puts into the plan the ICD-10-CM title as text, the ICD-10-CM coding, and the SNOMED CT coding when there is one', () => {
    for (const entry of DIAGNOSES) {
      const { text, codes } = entry.condition;
      expect(text.trim(), entry.icd10cm).not.toBe('');
      expect(codes[0]).toEqual({ system: SYSTEM.icd10cm, code: entry.icd10cm, display: text });
      const snomed = codes.filter((c) => c.system === SYSTEM.snomed);
      expect(snomed.map((c) => c.code)).toEqual(entry.snomed === undefined ? [] : [entry.snomed]);
      for (const code of codes) expect(code.display?.trim(), `${entry.icd10cm} ${code.code}`).toBeTruthy();
      expect(codes.every((c) => c.system === SYSTEM.icd10cm || c.system === SYSTEM.snomed)).toBe(true);
    }
  });

  it('codes most of the list in SNOMED CT as well as ICD-10-CM', () => {
    expect(DIAGNOSES.filter((d) => d.snomed !== undefined).length / DIAGNOSES.length).toBeGreaterThan(0.6);
  });

  it('pairs the anchor diagnoses of DESIGN.md with the SNOMED CT concepts given there', () => {
    expect(diagnosisByIcd10cm('F41.1')?.snomed).toBe('21897009');
    expect(diagnosisByIcd10cm('f33.1')?.icd10cm).toBe('F33.1');
    expect(diagnosisByIcd10cm('F43.10')?.snomed).toBe('47505003');
    expect(diagnosisByIcd10cm('F99.99')).toBeUndefined();
  });

  it('uses the same code-system URLs as the mapping constants', () => {
    expect(CATALOG_SYSTEM.icd10cm).toBe(SYSTEM.icd10cm);
    expect(CATALOG_SYSTEM.snomed).toBe(SYSTEM.snomed);
    expect(CATALOG_SYSTEM.loinc).toBe(SYSTEM.loinc);
    expect(CATALOG_SYSTEM.therapyModality).toBe(SYSTEM.therapyModality);
  });
});
