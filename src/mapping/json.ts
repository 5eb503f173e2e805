/**
 * Plain-JSON helpers for FHIR resources: structural equality, deep copies, and pruning of what FHIR forbids
 * (empty strings, arrays and objects: https://hl7.org/fhir/R4/json.html#null).
 */

import { isObject } from '../plan/json-object.ts';

/** Structural equality of JSON values; an `undefined` property counts as absent, key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameJson(a[key], b[key])) return false;
  return true;
}

/** A deep copy that shares nothing with the original. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * `value` without undefined values, empty or whitespace-only strings, empty arrays and empty objects, at any
 * depth (returns undefined when nothing is left).
 */
export function prune<T>(value: T): T | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => prune(item)).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : (items as T);
  }
  if (isObject(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, prune(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
  }
  return value;
}

/**
 * Keeps the loaded representation of an element when it already says what the model says (so codings'
 * versions, notes' authors and other details survive and an unchanged record stays unchanged); otherwise
 * writes the model's value.
 */
export function keepIfSame<F, M>(
  loaded: F | undefined,
  value: M | undefined,
  read: (loaded: F) => M | undefined,
  write: (value: M, loaded: F | undefined) => F | undefined
): F | undefined {
  if (value === undefined) return undefined;
  if (loaded !== undefined && sameJson(read(loaded), value)) return loaded;
  return write(value, loaded);
}
