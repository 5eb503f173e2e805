/** Walking the references of a resource (every `Reference.reference`, at any depth, extensions included). */
import type * as fhir from 'fhir/r4';

/** Every `reference` string in `value`. */
export function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'reference' && typeof item === 'string' ? [item] : referencesIn(item)
  );
}

function mapValue(value: unknown, replace: (reference: string) => string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => mapValue(item, replace));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'reference' && typeof item === 'string' ? (replace(item) ?? item) : mapValue(item, replace),
    ])
  );
}

/** A copy of `resource` with each reference replaced where `replace` gives a new one. */
export function mapReferences<T extends fhir.FhirResource>(
  resource: T,
  replace: (reference: string) => string | undefined
): T {
  return mapValue(resource, replace) as T;
}
