/** Comparing and building concepts (text plus optional codes) without knowing any code system. */
import type { Code, Concept } from './treatment-plan.ts';

/** A concept from words alone, or words and codes. */
export function concept(text: string, codes: readonly Code[] = []): Concept {
  return { text, codes };
}

/** True when the concept says something: words, or at least one code. */
export function hasContent(value: Concept): boolean {
  return value.text.trim() !== '' || value.codes.length > 0;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether two concepts name the same thing: they share a code (same system and code) when both are coded;
 * otherwise their words match, ignoring case and spacing. Used to match a score to the measure of a target.
 */
export function sameConcept(a: Concept, b: Concept): boolean {
  if (a.codes.length > 0 && b.codes.length > 0) {
    return a.codes.some((x) => b.codes.some((y) => x.system === y.system && x.code === y.code));
  }
  return normalise(a.text) !== '' && normalise(a.text) === normalise(b.text);
}
