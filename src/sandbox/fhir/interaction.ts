/**
 * One FHIR interaction, checked and resolved before the engine runs it: the path must name a type we serve, the
 * caller must hold the scope for it, search parameters are normalised, and conditional creates and updates are
 * resolved to a plain read, create or update here. Resolving them here (we run one request at a time, so
 * nothing can change in between) gives exact scope checks (an update that creates needs `c`) and lets a
 * transaction hold any number of conditional entries: the engine refuses more than eight once one is
 * conditional. Direct requests and bundle entries both pass through here.
 * @see https://hl7.org/fhir/R4/http.html#ccreate
 * @see https://hl7.org/fhir/R4/http.html#cond-update
 */
import type { FhirRouter, HttpMethod } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';
import type { BehaviourRules } from '../behaviour/behaviour-rules.ts';
import { followsInclude } from '../behaviour/behaviour-rules.ts';
import type { AccessPolicy } from '../contracts.ts';
import type { ResourceInteraction } from './access.ts';
import { actionFor, checkAccess } from './access.ts';
import type { SandboxRepository } from './atomic-repository.ts';
import { contentRequirement, searchRequirement, unoffered, unofferedVariant } from './behaviour-checks.ts';
import { criteriaQuery, singleMatch } from './conditional-criteria.ts';
import type { Problem } from './outcomes.ts';
import { isProblem, problem } from './outcomes.ts';
import type { NormalisedSearch } from './search-normalise.ts';
import { normaliseSearch } from './search-normalise.ts';
import type { ServedResourceType } from './served-types.ts';
import { isServedResourceType } from './served-types.ts';
import { validationProblem } from './validation.ts';

export interface InteractionInput {
  readonly method: string;
  /** Relative to the FHIR base, with its query: `Goal/123`, `Goal?patient=abc`. */
  readonly url: string;
  readonly ifMatch?: string;
  readonly ifNoneExist?: string;
  readonly body?: unknown;
}

export interface PreparedInteraction {
  /** What the client asked for (a conditional create that found its match is still a create). */
  readonly interaction: ResourceInteraction;
  readonly resourceType: ServedResourceType;
  /** What the engine runs. */
  readonly method: EngineMethod;
  readonly url: string;
  readonly ifMatch?: string;
  readonly body?: unknown;
  readonly search?: NormalisedSearch;
  /** An update of an id that does not exist yet creates it (R4 update-as-create). */
  readonly creates: boolean;
  /** A conditional create that matched one resource: `Type/id` of that resource, which the engine reads. */
  readonly existing?: string;
}

export type EngineMethod = Extract<HttpMethod, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;

export interface InteractionContext {
  readonly router: FhirRouter;
  readonly repo: SandboxRepository;
  readonly base: string;
  readonly lenient: boolean;
  readonly access: AccessPolicy | undefined;
  /** How this server behaves (src/sandbox/behaviour/): what it offers, requires and answers. */
  readonly rules: BehaviourRules;
}

const RESOURCE_INTERACTIONS: ReadonlySet<string> = new Set<ResourceInteraction>([
  'read',
  'vread',
  'history-instance',
  'search-type',
  'create',
  'update',
  'patch',
  'delete',
]);

const METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export async function prepareInteraction(
  ctx: InteractionContext,
  input: InteractionInput
): Promise<PreparedInteraction | Problem> {
  const method = input.method.toUpperCase();
  if (!METHODS.has(method)) {
    return problem(405, 'not-supported', `The method ${method} is not supported.`);
  }
  const url = input.url.replace(/^\/+/, '');
  const route = ctx.router.find(method as HttpMethod, url);
  const interaction = route?.data?.interaction ?? '';
  const resourceType = route?.params.resourceType;
  if (!route || !RESOURCE_INTERACTIONS.has(interaction)) {
    return problem(404, 'not-supported', `This server does not serve ${method} ${url.split('?')[0] || '/'}.`);
  }
  if (!isServedResourceType(resourceType)) {
    return problem(404, 'not-supported', `Resource type "${resourceType ?? ''}" is not served here.`);
  }
  const kind = interaction as ResourceInteraction;
  // What the server does not offer at all is refused before scopes are looked at, as a vendor's gateway does.
  const denied = unoffered(ctx.rules, resourceType, kind) ?? checkAccess(ctx.access, resourceType, actionFor(kind));
  if (denied) {
    return denied;
  }
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const id = route.params.id;
  const base = { interaction: kind, resourceType, method: method as EngineMethod, url, creates: false };
  const ifMatch = input.ifMatch;

  switch (kind) {
    case 'search-type': {
      const required = searchRequirement(ctx.rules, resourceType, query);
      if (required) {
        return required;
      }
      const search = normaliseSearch(resourceType, query, {
        ...ctx,
        follows: (parameter, value) =>
          followsInclude(parameter === '_include' ? ctx.rules.includes : ctx.rules.revIncludes, value),
      });
      if (!search.ok) {
        return search.problem;
      }
      return { ...base, method: 'GET', url: `${resourceType}?${search.engineQuery.toString()}`, search };
    }
    case 'create':
      return prepareCreate(ctx, base, input);
    case 'update': {
      const body = resourceBody(input.body, resourceType);
      if (isProblem(body)) {
        return body;
      }
      const invalid = validationProblem(body) ?? contentRequirement(ctx.rules, resourceType, body);
      if (invalid) {
        return invalid;
      }
      if (ctx.rules.updateNeedsIfMatch && !ifMatch) {
        return problem(412, 'required', `An update of ${resourceType} needs If-Match with the version it changes.`);
      }
      if (id === undefined) {
        return ctx.rules.conditional
          ? prepareConditionalUpdate(ctx, base, body, query, ifMatch)
          : unofferedVariant(ctx.rules, resourceType, 'conditional update');
      }
      return withCreateAccess(ctx, { ...base, ifMatch, body, creates: !ctx.repo.has(resourceType, id) });
    }
    case 'patch':
    case 'delete': {
      if (id !== undefined) {
        return { ...base, ifMatch, body: input.body };
      }
      if (!ctx.rules.conditional) {
        return unofferedVariant(ctx.rules, resourceType, `conditional ${kind}`);
      }
      const criteria = criteriaQuery(ctx, resourceType, query);
      return typeof criteria !== 'string'
        ? criteria
        : { ...base, url: `${resourceType}?${criteria}`, ifMatch, body: input.body };
    }
    case 'read':
    case 'vread':
    case 'history-instance':
      return base;
  }
}

type Base = Pick<PreparedInteraction, 'interaction' | 'resourceType' | 'method' | 'url' | 'creates'>;

async function prepareCreate(
  ctx: InteractionContext,
  base: Base,
  input: InteractionInput
): Promise<PreparedInteraction | Problem> {
  const parsed = resourceBody(input.body, base.resourceType);
  if (isProblem(parsed)) {
    return parsed;
  }
  // R4 http.html#create: the server ignores an id sent with a create and assigns its own.
  const body: Resource = { ...parsed };
  delete body.id;
  const invalid = validationProblem(body) ?? contentRequirement(ctx.rules, base.resourceType, body);
  if (invalid) {
    return invalid;
  }
  // A server without conditional create ignores If-None-Exist (an unknown header), so a retry duplicates.
  if (!input.ifNoneExist || !ctx.rules.conditional) {
    return { ...base, url: base.resourceType, body, creates: true };
  }
  const criteria = new URLSearchParams(input.ifNoneExist.replace(/^.*\?/, ''));
  const matches = await singleMatch(ctx, base.resourceType, criteria);
  if (!Array.isArray(matches)) {
    return matches;
  }
  const [match] = matches;
  if (!match) {
    return { ...base, url: base.resourceType, body, creates: true };
  }
  const existing = `${match.resourceType}/${match.id ?? ''}`;
  return { ...base, method: 'GET', url: existing, existing };
}

async function prepareConditionalUpdate(
  ctx: InteractionContext,
  base: Base,
  body: Resource,
  query: URLSearchParams,
  ifMatch: string | undefined
): Promise<PreparedInteraction | Problem> {
  const matches = await singleMatch(ctx, base.resourceType, query);
  if (!Array.isArray(matches)) {
    return matches;
  }
  const [match] = matches;
  if (match?.id) {
    if (body.id !== undefined && body.id !== match.id) {
      return problem(400, 'invalid', `The body's id ${body.id} is not the id that matched (${match.id}).`, 'id');
    }
    return {
      ...base,
      method: 'PUT',
      url: `${base.resourceType}/${match.id}`,
      body: { ...body, id: match.id },
      ifMatch,
    };
  }
  if (body.id) {
    const creates = !ctx.repo.has(base.resourceType, body.id);
    return withCreateAccess(ctx, {
      ...base,
      method: 'PUT',
      url: `${base.resourceType}/${body.id}`,
      body,
      ifMatch,
      creates,
    });
  }
  return withCreateAccess(ctx, { ...base, method: 'POST', url: base.resourceType, body, creates: true });
}

/** An update that creates the resource is a create as far as scopes (and the server's offer) go. */
function withCreateAccess(ctx: InteractionContext, prepared: PreparedInteraction): PreparedInteraction | Problem {
  if (prepared.creates && !ctx.rules.updateCreate) {
    return unofferedVariant(ctx.rules, prepared.resourceType, 'update as create (client-assigned ids)');
  }
  return (prepared.creates && checkAccess(ctx.access, prepared.resourceType, 'c')) || prepared;
}

function resourceBody(body: unknown, resourceType: string): Resource | Problem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return problem(400, 'structure', `The body must be a ${resourceType} resource.`);
  }
  const found = (body as { resourceType?: unknown }).resourceType;
  if (found !== resourceType) {
    const what = typeof found === 'string' ? `a ${found}` : 'not a resource';
    return problem(400, 'invalid', `The body is ${what}, but the URL is for ${resourceType}.`, 'resourceType');
  }
  return body as Resource;
}
