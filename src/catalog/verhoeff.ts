/**
 * The Verhoeff check digit, which every SNOMED CT identifier ends with
 * (SNOMED CT Technical Implementation Guide, "Check-digit computation"). A mistyped or transposed digit breaks it.
 */
const MULTIPLY: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

const PERMUTE: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when a string of digits (its check digit last) passes the Verhoeff check. */
export function hasValidVerhoeffCheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let check = 0;
  for (let position = 0; position < digits.length; position += 1) {
    const digit = Number(digits.charAt(digits.length - 1 - position));
    const permuted = PERMUTE[position % 8]?.[digit] ?? 0;
    check = MULTIPLY[check]?.[permuted] ?? 0;
  }
  return check === 0;
}

/**
 * A SNOMED CT concept id: 6 to 18 digits, no leading zero, a concept partition (`00` core, `10` extension) before
 * the check digit, and a valid check digit.
 */
export function isSnomedConceptId(id: string): boolean {
  return /^[1-9]\d{5,17}$/.test(id) && ['00', '10'].includes(id.slice(-3, -1)) && hasValidVerhoeffCheckDigit(id);
}
