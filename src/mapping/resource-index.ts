/**
 * The resources of a plan as loaded, indexed for reference resolution: relative (`Goal/1`), versioned
 * (`CarePlan/1/_history/2`), absolute (`https://x/fhir/Goal/1`), Bundle full URLs (`urn:uuid:...`) and contained
 * (`#goal`) references (https://hl7.org/fhir/R4/references.html). Bundles in the input are opened up.
 */
import type * as fhir from 'fhir/r4';
import { businessKeyOf } from './identifiers.ts';

export interface Located<T extends fhir.FhirResource = fhir.FhirResource> {
  readonly resource: T;
  /** `Type/id`; the Bundle fullUrl when there is no id; `<container address>#<id>` for a contained resource. */
  readonly address: string;
  readonly container?: Located;
}

export interface ResourceIndex {
  /** Every top-level resource (Bundles opened up), in input order. */
  readonly all: readonly Located[];
  resolve(reference: string | undefined, from?: Located): Located | undefined;
  /** The resource of `type` with our business id `key`, or at the server address `key`. */
  byKey(type: string, key: string): Located | undefined;
  /** Where a resource object of the input sits (top-level or contained). */
  locate(resource: fhir.FhirResource): Located | undefined;
}

const ABSOLUTE_OR_RELATIVE = /(?:^|\/)([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

interface Entry {
  readonly resource: fhir.FhirResource;
  readonly fullUrl?: string | undefined;
}

function flatten(resources: readonly fhir.FhirResource[]): Entry[] {
  return resources.flatMap((resource): Entry[] => {
    if (resource.resourceType !== 'Bundle') return [{ resource }];
    const entries = (resource as fhir.Bundle<fhir.FhirResource>).entry ?? [];
    return entries.flatMap((entry) =>
      entry.resource
        ? flatten([entry.resource]).map((inner) => ({ ...inner, fullUrl: inner.fullUrl ?? entry.fullUrl }))
        : []
    );
  });
}

function containedOf(located: Located): Located[] {
  // R4 types contained resources as the base Resource; they are whole resources of their own type.
  const contained = ('contained' in located.resource ? (located.resource.contained ?? []) : []) as fhir.FhirResource[];
  return contained.map((resource) => ({
    resource,
    address: `${located.address}#${resource.id ?? ''}`,
    container: located,
  }));
}

export function indexResources(resources: readonly fhir.FhirResource[]): ResourceIndex {
  const byAddress = new Map<string, Located>();
  const byBusinessKey = new Map<string, Located>();
  const all = flatten(resources).map(({ resource, fullUrl }, n): Located => {
    const address = resource.id
      ? `${resource.resourceType}/${resource.id}`
      : (fullUrl ?? `${resource.resourceType}[${n}]`);
    const located = { resource, address };
    byAddress.set(address, located);
    if (fullUrl) byAddress.set(fullUrl, located);
    const key = businessKeyOf(resource);
    if (key !== undefined) byBusinessKey.set(`${resource.resourceType}|${key}`, located);
    return located;
  });
  // Contained resources are found by their `<container>#<id>` address too (the model's id for them).
  const byObject = new Map<fhir.FhirResource, Located>(all.map((l) => [l.resource, l]));
  for (const located of all) {
    for (const inner of containedOf(located)) {
      byAddress.set(inner.address, inner);
      byObject.set(inner.resource, inner);
    }
  }

  const resolve = (reference: string | undefined, from?: Located): Located | undefined => {
    if (reference === undefined) return undefined;
    if (reference.startsWith('#')) {
      const container = from?.container ?? from;
      if (!container) return undefined;
      if (reference === '#') return container;
      return byAddress.get(`${container.address}${reference}`);
    }
    const direct = byAddress.get(reference);
    if (direct) return direct;
    const relative = ABSOLUTE_OR_RELATIVE.exec(reference)?.[1];
    return relative === undefined ? undefined : byAddress.get(relative);
  };

  const byKey = (type: string, key: string): Located | undefined => {
    const found = byBusinessKey.get(`${type}|${key}`) ?? byAddress.get(key);
    return found?.resource.resourceType === type ? found : undefined;
  };

  return { all, resolve, byKey, locate: (resource) => byObject.get(resource) };
}
