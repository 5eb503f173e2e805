/**
 * Two copies of one plan on two servers (or a server and an exported file) name the same people and records by
 * different ids: `Practitioner/sandbox-practitioner` here, `urn:uuid:...` in a transaction, `Practitioner/91`
 * on the other server. To compare plans "ids aside" (issue 6 §5), every reference in the plan to a record of
 * the input that has a business identifier is rewritten as `Type?identifier=system|value`, which is the same
 * everywhere the record was copied.
 */
import type * as fhir from 'fhir/r4';
import { planInput } from '../mapping/plan-input.ts';
import type { TreatmentPlan } from '../plan/index.ts';

function firstIdentifier(resource: fhir.FhirResource): fhir.Identifier | undefined {
  const value = (resource as { identifier?: fhir.Identifier | fhir.Identifier[] }).identifier;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.find((identifier) => identifier.system !== undefined && identifier.value !== undefined);
}

/** Reference → portable name, for every record of the input with a business identifier. */
function portableNames(json: unknown): Map<string, string> {
  const names = new Map<string, string>();
  for (const { resource, fullUrl } of planInput(json).entries) {
    const identifier = firstIdentifier(resource);
    if (identifier === undefined) continue;
    const portable = `${resource.resourceType}?identifier=${identifier.system ?? ''}|${identifier.value ?? ''}`;
    if (fullUrl !== undefined) names.set(fullUrl, portable);
    if (resource.id !== undefined) names.set(`${resource.resourceType}/${resource.id}`, portable);
  }
  return names;
}

function rewrite(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => rewrite(item, names));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item, names)]));
  }
  return value;
}

/** The plan with its references to identified records of `json` (the input it was read from) made portable. */
export function withPortableReferences(plan: TreatmentPlan, json: unknown): TreatmentPlan {
  return rewrite(plan, portableNames(json)) as TreatmentPlan;
}
