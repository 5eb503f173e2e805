import { describe, expect, it } from 'vitest';
import { DIAGNOSES, searchDiagnoses } from '../../src/catalog/index.ts';

const codes = (query: string, limit?: number): string[] => searchDiagnoses(query, limit).map((d) => d.icd10cm);

describe('searching the diagnosis list', () => {
  it('finds major depressive disorder from the start of a word', () => {
    const found = codes('depress', 50);
    expect(found).toEqual(expect.arrayContaining(['F32.0', 'F32.1', 'F33.1', 'F33.2', 'F32.A']));
  });

  it('puts the F41 codes first when the clinician types F41', () => {
    const found = codes('F41', 50);
    const f41 = DIAGNOSES.filter((d) => d.icd10cm.startsWith('F41')).map((d) => d.icd10cm);
    expect(found.slice(0, f41.length).sort()).toEqual([...f41].sort());
    expect(found.slice(0, 3)).toEqual(['F41.0', 'F41.1', 'F41.9']);
  });

  it('finds a code typed in full, or its start, with or without the dot', () => {
    expect(codes('F43.1')).toEqual(['F43.10', 'F43.11', 'F43.12']);
    expect(codes('F41.1')).toEqual(['F41.1']);
    expect(codes('F33')[0]).toBe('F33.0');
    expect(codes('F331')[0]).toBe('F33.1');
  });

  it('finds PTSD by its abbreviation and by the word trauma', () => {
    expect(codes('ptsd')).toContain('F43.10');
    expect(codes('trauma')).toContain('F43.10');
    expect(codes('PTSD')[0]).toBe('F43.10');
  });

  it('matches words in any order', () => {
    expect(codes('recurrent moderate depression')).toEqual(['F33.1']);
    expect(codes('depression moderate recurrent')).toEqual(['F33.1']);
  });

  it('ignores case and accents', () => {
    expect(codes('DÉPRESSION', 50)).toEqual(codes('depression', 50));
    expect(codes('Dépression').length).toBeGreaterThan(0);
  });

  it('finds a diagnosis by its everyday words', () => {
    expect(codes('drinking')).toEqual(expect.arrayContaining(['F10.10', 'F10.20']));
    expect(codes('social anxiety')).toContain('F40.10');
    expect(codes('couples')).toContain('Z63.0');
    expect(codes('adhd')).toEqual(expect.arrayContaining(['F90.0', 'F90.1', 'F90.2', 'F90.9']));
  });

  it('ranks a word that starts with the query above one that only contains it', () => {
    // "mania" starts a keyword of the manic episodes and sits inside "trichotillomania".
    const found = codes('mania', 50);
    expect(found).toContain('F63.3');
    expect(found.indexOf('F31.11')).toBeLessThan(found.indexOf('F63.3'));
  });

  it('returns nothing for an empty or blank query', () => {
    expect(searchDiagnoses('')).toEqual([]);
    expect(searchDiagnoses('   ')).toEqual([]);
  });

  it('returns nothing when no word matches', () => {
    expect(searchDiagnoses('xylophone')).toEqual([]);
    expect(searchDiagnoses('depression xylophone')).toEqual([]);
  });

  it('returns at most the number asked for', () => {
    expect(searchDiagnoses('depression', 3)).toHaveLength(3);
    expect(searchDiagnoses('depression', 0)).toEqual([]);
    expect(searchDiagnoses('f').length).toBeLessThanOrEqual(20);
  });

  it('is quick enough to run on every keystroke', () => {
    const started = performance.now();
    for (let i = 0; i < 200; i += 1) searchDiagnoses('dep re');
    expect((performance.now() - started) / 200).toBeLessThan(5);
  });
});
