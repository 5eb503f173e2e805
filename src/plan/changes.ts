/**
 * How an edit describes a change to a part: only the fields it names change; `null` clears an optional field;
 * a field left out (or `undefined`) stays as it was. Ids never change. Cleared fields are removed, not left as
 * `undefined`, so a plan read back from FHIR compares equal to the plan that was written.
 */

/** The fields of `T` an edit may change, with `null` allowed for the optional ones. */
export type Changes<T> = {
  readonly [K in Exclude<keyof T, 'id'>]?: undefined extends T[K] ? T[K] | null : T[K];
};

/** A copy of `value` without the keys whose value is `undefined`. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** `item` with `changes` applied (see `Changes`). */
export function applyChanges<T extends object>(item: T, changes: Changes<T>): T {
  const entries = new Map<string, unknown>(Object.entries(item));
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'id' || value === undefined) continue;
    if (value === null) entries.delete(key);
    else entries.set(key, value);
  }
  // Same shape as T: only keys of Changes<T> (keys of T) were set, and only optional ones removed.
  return Object.fromEntries(entries) as T;
}

/** Free text for an optional field: blank text clears the field, so no empty strings reach the record. */
export function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}
