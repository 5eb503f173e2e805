/**
 * Text the PDF's standard Helvetica can show. Standard fonts encode WinAnsi (Windows-1252) only, and pdf-lib
 * throws on any other character; a plan holds names and notes in every script, so the PDF shows the nearest
 * Latin letters instead (`Zoë` stays, `Łukasz` becomes `Lukasz`, `≤` becomes `<=`) and `?` where there is none.
 */

/** Characters with no accent to strip that still read well as plain Latin. */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '′': "'",
  '″': '"',
  '‚': ',',
  '✓': 'v',
  '✔': 'v',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ø: 'O',
  ø: 'o',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
};

const MARKS = /\p{M}+/gu;
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/;

/**
 * `text` with every character outside `encodable` (code points the font can show) replaced by a Latin
 * equivalent or `?`. Tabs and other control characters become spaces; line breaks are kept only when
 * `keepLineBreaks` is set (the caller then splits on `\n`).
 */
export function winAnsiSafe(text: string, encodable: ReadonlySet<number>, keepLineBreaks = false): string {
  const lines = text.split(LINE_BREAKS).map((line) => {
    let out = '';
    for (const char of line) out += safeChar(char, encodable);
    return out;
  });
  return lines.join(keepLineBreaks ? '\n' : ' ');
}

function safeChar(char: string, encodable: ReadonlySet<number>): string {
  const code = char.codePointAt(0) ?? 0;
  if (encodable.has(code)) return char;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
  const substitute = SUBSTITUTES[char];
  if (substitute !== undefined && allEncodable(substitute, encodable)) return substitute;
  // Compatibility decomposition splits accents (ā → a + ¯) and ligatures (ﬁ → fi); drop the marks.
  const base = char.normalize('NFKD').replace(MARKS, '');
  return base !== '' && allEncodable(base, encodable) ? base : '?';
}

function allEncodable(text: string, encodable: ReadonlySet<number>): boolean {
  for (const char of text) if (!encodable.has(char.codePointAt(0) ?? 0)) return false;
  return true;
}
