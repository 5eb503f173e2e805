/**
 * Reference targets: R4 makes a reference to a resource type the element does not allow an error
 * (https://hl7.org/fhir/R4/references.html). `@medplum/core` only warns, and misreads `urn:uuid:` and
 * absolute references (it takes the text before the first "/" as the type), so this check replaces its
 * warnings: it resolves relative, absolute, contained (`#id`) and Bundle (`urn:uuid:` fullUrl) references.
 */
import type { InternalSchemaElement } from '@medplum/core';
import type * as fhir from 'fhir/r4';
import { isObject } from '../plan/json-object.ts';

const CORE_DEFINITION = 'http://hl7.org/fhir/StructureDefinition/';
const RELATIVE = /^([A-Z][A-Za-z]+)(\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?|\?.*)$/;
const ABSOLUTE = /^https?:\/\/.*\/([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export interface ReferenceContext {
  /** Resource type of each Bundle entry, by fullUrl. */
  readonly fullUrlTypes: ReadonlyMap<string, string>;
  /** The resource type a profile constrains, for target profiles that are not core types. */
  readonly profileType: (url: string) => string | undefined;
}

/** The type of resource `reference` points at, or undefined when it cannot be told. */
function referencedType(reference: string, root: fhir.FhirResource, context: ReferenceContext): string | undefined {
  if (reference === '#') return root.resourceType;
  if (reference.startsWith('#')) {
    const contained: unknown = 'contained' in root ? root.contained : undefined;
    const found: unknown = Array.isArray(contained)
      ? contained.find((r: unknown) => isObject(r) && r.id === reference.slice(1))
      : undefined;
    return isObject(found) && typeof found.resourceType === 'string' ? found.resourceType : undefined;
  }
  return context.fullUrlTypes.get(reference) ?? RELATIVE.exec(reference)?.[1] ?? ABSOLUTE.exec(reference)?.[1];
}

/** Why `value` may not be referenced from `element`, or undefined when it may (or cannot be told). */
export function referenceProblem(
  value: fhir.Reference,
  element: InternalSchemaElement,
  root: fhir.FhirResource,
  context: ReferenceContext
): string | undefined {
  const targets = element.type.filter((t) => t.code === 'Reference').flatMap((t) => t.targetProfile ?? []);
  const allowed = targets.map((url) =>
    url.startsWith(CORE_DEFINITION) ? url.slice(CORE_DEFINITION.length) : context.profileType(url)
  );
  if (allowed.length === 0 || allowed.includes('Resource') || allowed.includes(undefined)) return undefined;
  // A reference that is not text is the structure check's to report.
  const reference: unknown = isObject(value) ? value.reference : undefined;
  const type = typeof reference === 'string' ? referencedType(reference, root, context) : undefined;
  if (type === undefined || allowed.includes(type)) return undefined;
  return `Refers to a ${type}; only ${allowed.join(', ')} may be referenced here`;
}
