import { describe, expect, test } from 'vitest';
import { ageText, credentials, displayName, identifiersToShow } from '../../src/ui/patient-display.ts';

const TODAY = new Date(2026, 10, 27); // 27 November 2026

describe('ageText', () => {
  test.each([
    ['1980-06-15', '46 years'],
    ['1980-11-27', '46 years'],
    ['1980-11-28', '45 years'],
    ['1980-12', '45 years'],
    ['1980', '46 years'],
    ['2026-01-10', '10 months'],
    ['2025-10-27', '13 months'],
    ['2026-10-28', '0 months'],
    ['2026-10-27', '1 month'],
  ])('born %s is %s on 27 November 2026', (birthDate, age) => {
    expect(ageText(birthDate, TODAY)).toBe(age);
  });

  test.each([undefined, '', 'June 1980', '2027-01-01'])('gives no age for %j', (birthDate) => {
    expect(ageText(birthDate, TODAY)).toBeUndefined();
  });
});

describe('displayName', () => {
  test('prefers the current official name over old and usual ones', () => {
    expect(
      displayName([
        { use: 'usual', given: ['Bob'] },
        { use: 'official', given: ['Robert', 'J.'], family: 'Johnson', period: { end: '2001-01-01' } },
        { use: 'official', given: ['Robert'], family: 'Johnson' },
      ])
    ).toBe('Robert Johnson');
  });

  test('falls back to the text of a name without parts', () => {
    expect(displayName([{ text: 'Client X' }])).toBe('Client X');
    expect(displayName(undefined)).toBeUndefined();
  });
});

describe('identifiersToShow', () => {
  test('puts the MRN first and labels identifiers by their type', () => {
    expect(
      identifiersToShow([
        { value: 'A-1', type: { text: 'Member id' } },
        {
          value: 'SB-1001',
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        },
        { value: 'old-1', use: 'old' },
      ])
    ).toEqual([
      { label: 'MRN', value: 'SB-1001' },
      { label: 'Member id', value: 'A-1' },
    ]);
  });

  test('an identifier without a type is labelled as an identifier', () => {
    expect(identifiersToShow([{ value: '42' }])).toEqual([{ label: 'Identifier', value: '42' }]);
  });
});

describe('credentials', () => {
  test('takes name suffixes, then short qualification codes, then qualification text, without repeats', () => {
    expect(
      credentials({
        name: [{ given: ['Dana'], family: 'Rivera', suffix: ['LCSW'] }],
        qualification: [
          { code: { coding: [{ code: 'LCSW' }] } },
          { code: { coding: [{ code: '1041C0700X' }], text: 'Clinical Social Worker' } },
        ],
      })
    ).toEqual(['LCSW', 'Clinical Social Worker']);
  });
});
