import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { winAnsiSafe } from '../../src/workspace/win-ansi.ts';

let helvetica: ReadonlySet<number>;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  helvetica = new Set((await doc.embedFont(StandardFonts.Helvetica)).getCharacterSet());
});

describe('text for the standard PDF fonts', () => {
  test('keeps what Windows-1252 has: Latin-1 letters, curly quotes, dashes, the euro sign', () => {
    const text = 'Zoë Müller-Ñúñez – “fine” … €5';
    expect(winAnsiSafe(text, helvetica)).toBe(text);
  });

  test('gives the nearest Latin letters for other accented and special letters', () => {
    expect(winAnsiSafe('Łukasz Dvořák Nguyễn Ørsted ﬁne', helvetica)).toBe('Lukasz Dvorák Nguyen Ørsted fine');
    expect(winAnsiSafe('score ≤ 10 → ≥ 3', helvetica)).toBe('score <= 10 -> >= 3');
  });

  test('shows "?" for characters with no Latin equivalent, one per character', () => {
    expect(winAnsiSafe('王小明 🙂 Дмитрий', helvetica)).toBe('??? ? ???????');
  });

  test('turns tabs and control characters into spaces, and line breaks into spaces unless asked to keep them', () => {
    expect(winAnsiSafe('a\tb\u0007c', helvetica)).toBe('a b c');
    expect(winAnsiSafe('one\r\ntwo\nthree', helvetica)).toBe('one two three');
    expect(winAnsiSafe('one\r\ntwo\u2028three', helvetica, true)).toBe('one\ntwo\nthree');
  });

  test('every character of the result can be encoded', () => {
    const wild = 'ʕ•ᴥ•ʔ ∑∫√ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷺ \u0000\u001f\u0085 ŉ ǅ';
    for (const char of winAnsiSafe(wild, helvetica)) expect(helvetica.has(char.codePointAt(0) ?? -1)).toBe(true);
  });
});
