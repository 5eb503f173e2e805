/**
 * The `urn:uuid:` references a transaction's entries make to each other (R4 http.html#trules), handled outside a
 * transaction: which ones a resource makes, the resource with them rewritten to the ids the server gave, and the
 * resource without the ones whose targets do not exist yet. Pure: no IO.
 * @see https://hl7.org/fhir/R4/bundle.html#references
 */
import type * as fhir from 'fhir/r4';
import { isObject, type Json } from '../plan/json-object.ts';

/**
 * The full URLs among `fullUrls` that `resource` mentions. A reference is a string that equals a full URL
 * exactly (in `Reference.reference`, an extension's `valueReference`, a `uri` element ...).
 */
export function mentionedFullUrls(resource: fhir.FhirResource, fullUrls: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (fullUrls.has(value)) found.add(value);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isObject(value)) {
      Object.values(value).forEach(visit);
    }
  };
  visit(resource);
  return found;
}

/** A deep copy of `resource` with every full URL that `addresses` knows replaced by the server's `Type/id`. */
export function withServerAddresses<T extends fhir.FhirResource>(
  resource: T,
  addresses: ReadonlyMap<string, string>
): T {
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return addresses.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rewrite);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item)]));
    return value;
  };
  return rewrite(resource) as T;
}

/** Whether every mention of `withheld` in `resource` sits in a list item, so leaving it out drops no single field. */
export function withheldOnlyFromLists(resource: fhir.FhirResource, withheld: ReadonlySet<string>): boolean {
  return Object.values(resource).every((value) => Array.isArray(value) || !mentionsAny(value, withheld));
}

/**
 * A copy of `resource` without the links to `withheld` full URLs, to create it before their targets exist:
 * the innermost list item holding such a link is left out (a reference in `Goal.outcomeReference`, an extension
 * whose `valueReference` holds it, a `CarePlan.activity`), and a list left empty goes too, as FHIR forbids empty
 * arrays (R4 json.html#null). A top-level element that is no list item and holds such a link is left out whole.
 */
export function withoutLinks<T extends fhir.FhirResource>(resource: T, withheld: ReadonlySet<string>): T {
  const copy: Json = {};
  for (const [key, value] of Object.entries(resource)) {
    const kept = keptPart(value, withheld);
    if (kept !== DROP && kept !== undefined) copy[key] = kept;
  }
  return copy as T;
}

const DROP = Symbol('drop');

/** The value without withheld links; DROP when the value itself must go (its nearest list drops it). */
function keptPart(value: unknown, withheld: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return withheld.has(value) ? DROP : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => keptPart(item, withheld)).filter((item) => item !== DROP && item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (isObject(value)) {
    const kept: Json = {};
    for (const [key, item] of Object.entries(value)) {
      const part = keptPart(item, withheld);
      if (part === DROP) return DROP;
      if (part !== undefined) kept[key] = part;
    }
    return Object.keys(kept).length === 0 ? undefined : kept;
  }
  return value;
}

function mentionsAny(value: unknown, fullUrls: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return fullUrls.has(value);
  if (Array.isArray(value)) return value.some((item) => mentionsAny(item, fullUrls));
  if (isObject(value)) return Object.values(value).some((item) => mentionsAny(item, fullUrls));
  return false;
}
