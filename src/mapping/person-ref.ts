/** People in the plan (`PersonRef`) as References with a display, and the names of referenced records. */
import type * as fhir from 'fhir/r4';
import type { PersonRef } from '../plan/treatment-plan.ts';
import { keepIfSame } from './json.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

export function humanName(names: readonly fhir.HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return undefined;
  if (name.text !== undefined) return name.text;
  const parts = [...(name.prefix ?? []), ...(name.given ?? []), name.family, ...(name.suffix ?? [])];
  const text = parts.filter((p) => p !== undefined && p !== '').join(' ');
  return text === '' ? undefined : text;
}

/** The name of a person or organisation record. */
export function nameOf(located: Located | undefined): string | undefined {
  const resource = located?.resource;
  if (
    resource?.resourceType === 'Patient' ||
    resource?.resourceType === 'Practitioner' ||
    resource?.resourceType === 'RelatedPerson'
  ) {
    return humanName(resource.name);
  }
  return resource?.resourceType === 'Organization' || resource?.resourceType === 'CareTeam' ? resource.name : undefined;
}

export function personRefFromFhir(
  reference: fhir.Reference | undefined,
  index?: ResourceIndex,
  from?: Located
): PersonRef | undefined {
  if (!reference) return undefined;
  const name = reference.display ?? nameOf(index?.resolve(reference.reference, from)) ?? '';
  return reference.reference === undefined ? { name } : { reference: reference.reference, name };
}

export function personRefToFhir(
  person: PersonRef | undefined,
  loaded?: fhir.Reference,
  index?: ResourceIndex
): fhir.Reference | undefined {
  return keepIfSame(
    loaded,
    person,
    (l) => personRefFromFhir(l, index),
    (p) => ({ ...(p.reference ? { reference: p.reference } : {}), ...(p.name.trim() ? { display: p.name } : {}) })
  );
}
