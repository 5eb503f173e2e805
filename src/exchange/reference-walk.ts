/**
 * Walking the references of a resource: every object with a string `reference` (a Reference, at any depth,
 * extensions and contained resources included), with its FHIRPath, so that a copy can point elsewhere and a
 * reference to nothing can be reported where it is.
 * @see https://hl7.org/fhir/R4/references.html
 */
import type * as fhir from 'fhir/r4';
import { isObject } from '../plan/json-object.ts';

export interface FoundReference {
  readonly reference: fhir.Reference;
  /** FHIRPath from the resource's type: `CarePlan.goal[0]`. */
  readonly path: string;
}

type Rewrite = (reference: fhir.Reference, path: string) => fhir.Reference;

function walk(value: unknown, path: string, rewrite: Rewrite): unknown {
  if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}[${String(i)}]`, rewrite));
  if (!isObject(value)) return value;
  const copy = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, walk(item, `${path}.${key}`, rewrite)])
  );
  return typeof copy.reference === 'string' ? rewrite(copy, path) : copy;
}

/** A deep copy of `resource` with each Reference replaced by what `rewrite` returns for it. */
export function rewriteReferences<T extends fhir.FhirResource>(resource: T, rewrite: Rewrite): T {
  return walk(resource, resource.resourceType, rewrite) as T;
}

/** Every Reference in `resource` that has a literal `reference`, with its FHIRPath. */
export function referencesOf(resource: fhir.FhirResource): FoundReference[] {
  const found: FoundReference[] = [];
  rewriteReferences(resource, (reference, path) => {
    found.push({ reference, path });
    return reference;
  });
  return found;
}
