/**
 * The behaviour table (src/sandbox/behaviour/) applied to requests: each check reads the rules and answers a
 * Problem the way that kind of server would, or undefined. The request handling calls these at fixed points and
 * never looks at the behaviour's name.
 * @see https://hl7.org/fhir/R4/http.html
 * @see https://hl7.org/fhir/R4/search.html#errors
 */
import type * as fhir from 'fhir/r4';
import type { BehaviourRules } from '../behaviour/behaviour-rules.ts';
import { offers, typeRules } from '../behaviour/behaviour-rules.ts';
import type { ResourceInteraction } from './access.ts';
import type { Problem } from './outcomes.ts';
import { problem } from './outcomes.ts';
import type { ServedResourceType } from './served-types.ts';
import { isServedResourceType } from './served-types.ts';

const VERBS: Readonly<Record<ResourceInteraction, string>> = {
  read: 'read',
  vread: 'read versions of',
  'history-instance': 'read the history of',
  'search-type': 'search',
  create: 'create',
  update: 'update',
  patch: 'patch',
  delete: 'delete',
};

/** The server's answer to something it does not offer, with `Allow` on a 405 (RFC 9110 §15.5.6). */
export function refusal(rules: BehaviourRules, diagnostics: string, allow?: string): Problem {
  const refused = problem(rules.refusal.status, rules.refusal.code, diagnostics);
  return rules.refusal.status === 405 && allow !== undefined ? { ...refused, headers: { Allow: allow } } : refused;
}

function allowedMethods(rules: BehaviourRules, resourceType: ServedResourceType): string {
  const methods = new Set<string>();
  for (const interaction of typeRules(rules, resourceType).interactions) {
    methods.add({ create: 'POST', update: 'PUT', patch: 'PATCH', delete: 'DELETE' }[interaction as string] ?? 'GET');
  }
  return [...methods].join(', ');
}

/** Undefined when the server offers `interaction` on the type. */
export function unoffered(
  rules: BehaviourRules,
  resourceType: ServedResourceType,
  interaction: ResourceInteraction
): Problem | undefined {
  if (offers(rules, resourceType, interaction)) {
    return undefined;
  }
  return refusal(
    rules,
    `This server does not let apps ${VERBS[interaction]} ${resourceType} resources (${rules.title}).`,
    allowedMethods(rules, resourceType)
  );
}

/** Conditional interactions, and updates that would create, on a server that does not offer them. */
export function unofferedVariant(rules: BehaviourRules, resourceType: ServedResourceType, what: string): Problem {
  return refusal(rules, `This server does not support ${what} on ${resourceType} (${rules.title}).`);
}

/** A batch or transaction Bundle POSTed to the base. */
export function unofferedBundle(rules: BehaviourRules, type: 'batch' | 'transaction'): Problem | undefined {
  const offered = type === 'batch' ? rules.batch : rules.transaction !== 'none';
  return offered
    ? undefined
    : refusal(
        rules,
        `This server does not accept ${type} Bundles (${rules.title}): send each request on its own.`,
        // The base itself answers no method (no system search); an empty Allow says so (RFC 9110 §10.2.1).
        ''
      );
}

/** Required search parameters and the values a server accepts for them (400, R4 search.html#errors). */
export function searchRequirement(
  rules: BehaviourRules,
  resourceType: ServedResourceType,
  query: URLSearchParams
): Problem | undefined {
  const search = typeRules(rules, resourceType).search;
  if (!search) {
    return undefined;
  }
  if (!search.requireOneOf.some((names) => names.every((name) => query.has(name)))) {
    const options = search.requireOneOf.map((names) => names.join(' and ')).join(', or ');
    return problem(400, 'required', `A ${resourceType} search on this server needs ${options} (${rules.title}).`);
  }
  for (const [name, accepted] of Object.entries(search.acceptedValues ?? {})) {
    for (const value of query.getAll(name).flatMap((v) => v.split(','))) {
      const code = value.slice(value.lastIndexOf('|') + 1);
      if (!accepted.includes(code)) {
        return problem(
          400,
          'value',
          `${resourceType}?${name}=${value} is not supported here: use ${accepted.join(', ')} (${rules.title}).`
        );
      }
    }
  }
  return undefined;
}

function categoryCodes(resource: object): string[] {
  const category = (resource as { category?: fhir.CodeableConcept | fhir.CodeableConcept[] }).category;
  const concepts = Array.isArray(category) ? category : category ? [category] : [];
  return concepts.flatMap((concept) => concept.coding?.map((coding) => coding.code ?? '') ?? []);
}

function contentTypes(resource: object): (string | undefined)[] {
  const content = (resource as Partial<fhir.DocumentReference>).content ?? [];
  return content.map((item) => item.attachment.contentType?.split(';')[0]?.trim().toLowerCase());
}

/** What a written resource must carry on this server (422 business-rule, R4 http.html#create). */
export function contentRequirement(
  rules: BehaviourRules,
  resourceType: ServedResourceType,
  resource: object
): Problem | undefined {
  const content = typeRules(rules, resourceType).content;
  const categories = content?.categories;
  if (categories && !categoryCodes(resource).some((code) => categories.includes(code))) {
    return problem(
      422,
      'business-rule',
      `This server only accepts a ${resourceType} with category ${categories.join(', ')} (${rules.title}).`,
      `${resourceType}.category`
    );
  }
  const types = content?.contentTypes;
  const given = types ? contentTypes(resource) : [];
  const refused = given.findIndex((type) => type === undefined || !types?.includes(type));
  if (types && refused >= 0) {
    return problem(
      422,
      'business-rule',
      `This server does not accept attachments of type ${given[refused] ?? '(none given)'}; use ${types.join(', ')} (${rules.title}).`,
      `${resourceType}.content[${refused}].attachment.contentType`
    );
  }
  return undefined;
}

/** The engine answers a stale `If-Match` with 412; a server that says 409 gets its own status. */
export function asConflict(rules: BehaviourRules, found: Problem): Problem {
  if (found.status !== 412 || rules.conflictStatus === 412) {
    return found;
  }
  const [first, ...rest] = found.outcome.issue;
  const issue = { ...(first ?? { severity: 'error' as const }), code: 'conflict' as const };
  return { status: rules.conflictStatus, outcome: { ...found.outcome, issue: [issue, ...rest] } };
}

/** A resource as this server returns it: without the elements it never returns. */
export function asReturned<T extends fhir.Resource>(rules: BehaviourRules, resource: T): T {
  const type = resource.resourceType;
  const omits = isServedResourceType(type) ? typeRules(rules, type).omits : undefined;
  if (!omits?.some((element) => element in resource)) {
    return resource;
  }
  return Object.fromEntries(Object.entries(resource).filter(([key]) => !omits.includes(key))) as T;
}

/** A searchset or history Bundle whose resources are as this server returns them. */
export function bundleAsReturned(rules: BehaviourRules, bundle: fhir.Bundle): fhir.Bundle {
  if (!bundle.entry) {
    return bundle;
  }
  const entry = bundle.entry.map((item) =>
    item.resource ? { ...item, resource: asReturned(rules, item.resource) } : item
  );
  return { ...bundle, entry };
}
