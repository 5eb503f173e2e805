/**
 * A single (non-bundle) FHIR interaction over HTTP: parse, prepare (see interaction.ts), let the engine run it,
 * then answer the way R4 says: status, `ETag`, `Last-Modified`, `Location` on create, `Prefer: return=...`.
 * @see https://hl7.org/fhir/R4/http.html
 */
import type { FhirRequest } from '@medplum/fhir-router';
import type * as fhir from 'fhir/r4';
import type { SandboxRequest, SandboxResponse } from '../contracts.ts';
import { withoutHiddenIncludes } from './access.ts';
import { asConflict, asReturned, bundleAsReturned } from './behaviour-checks.ts';
import {
  fhirResponse,
  mediaTypeOf,
  normaliseIfMatch,
  parseJsonBody,
  problemResponse,
  returnPreference,
  singleHeader,
  versionHeaders,
} from './http-messages.ts';
import type { InteractionContext, PreparedInteraction } from './interaction.ts';
import { prepareInteraction } from './interaction.ts';
import { fromMedplum } from './medplum-boundary.ts';
import { informational, isProblem, problem, problemFromEngine } from './outcomes.ts';
import { finishSearchBundle } from './paging.ts';

/** Runs one interaction; `path` is relative to the FHIR base, without the query. */
export async function handleDirect(
  ctx: InteractionContext,
  req: SandboxRequest,
  path: string
): Promise<SandboxResponse> {
  let method = req.method.toUpperCase();
  let query = req.url.search;
  let body: unknown;
  if (method === 'POST' && path.endsWith('/_search')) {
    // Search by POST: form parameters join the URL's (R4 http.html#search).
    const form = mediaTypeOf(req.headers) === 'application/x-www-form-urlencoded' ? req.body.toString('utf8') : '';
    const merged = new URLSearchParams(req.url.search);
    for (const [key, value] of new URLSearchParams(form)) {
      merged.append(key, value);
    }
    method = 'GET';
    path = path.slice(0, -'/_search'.length);
    query = `?${merged.toString()}`;
  } else if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) {
      return problemResponse(parsed.problem);
    }
    body = parsed.value;
  }
  const ifMatch = normaliseIfMatch(singleHeader(req.headers, 'if-match'));
  const ifNoneExist = singleHeader(req.headers, 'if-none-exist');
  const prepared = await prepareInteraction(ctx, {
    method,
    url: `${path}${query}`,
    body,
    ...(ifMatch ? { ifMatch } : {}),
    ...(ifNoneExist ? { ifNoneExist } : {}),
  });
  if (isProblem(prepared)) {
    return problemResponse(prepared);
  }
  const engineRequest: FhirRequest = {
    method: prepared.method,
    url: prepared.url,
    pathname: '',
    body: prepared.body,
    params: {},
    query: {},
    headers: prepared.ifMatch ? { 'if-match': prepared.ifMatch } : {},
    config: { transactions: true },
  };
  const [outcome, resource] = await ctx.router.handleRequest(engineRequest, ctx.repo);
  const result = asConflict(ctx.rules, problemFromEngine(outcome));
  if (result.status >= 400) {
    return problemResponse(result.status === 404 ? notHere(prepared, result.outcome) : result);
  }
  if (prepared.interaction === 'delete') {
    return fhirResponse(204);
  }
  if (!resource) {
    return problemResponse(problem(500, 'exception', 'The FHIR engine answered without a resource.'));
  }
  return respond(ctx, req, prepared, result.status, fromMedplum(resource));
}

function respond(
  ctx: InteractionContext,
  req: SandboxRequest,
  prepared: PreparedInteraction,
  engineStatus: number,
  resource: fhir.Resource
): SandboxResponse {
  switch (prepared.interaction) {
    case 'search-type': {
      const bundle = resource as fhir.Bundle;
      const page = prepared.search
        ? finishSearchBundle(bundle, { base: ctx.base, resourceType: prepared.resourceType, search: prepared.search })
        : bundle;
      return fhirResponse(200, bundleAsReturned(ctx.rules, withoutHiddenIncludes(page, ctx.access)));
    }
    case 'history-instance': {
      const bundle = resource as fhir.Bundle;
      const entry = bundle.entry?.map((e) => ({ fullUrl: fullUrl(ctx.base, e.resource), ...e }));
      return fhirResponse(200, bundleAsReturned(ctx.rules, { ...bundle, ...(entry ? { entry } : {}) }));
    }
    case 'delete':
      return fhirResponse(204);
    case 'read':
    case 'vread':
      return fhirResponse(200, asReturned(ctx.rules, resource), versionHeaders(resource));
    case 'create':
    case 'update':
    case 'patch': {
      const status = prepared.existing ? 200 : prepared.creates ? 201 : engineStatus;
      const headers = versionHeaders(resource);
      if (status === 201) {
        headers.Location = `${fullUrl(ctx.base, resource)}/_history/${resource.meta?.versionId ?? ''}`;
      }
      const preference = returnPreference(req.headers);
      // A server that answers creates without a body does so whatever the client prefers.
      if (preference === 'minimal' || (status === 201 && ctx.rules.createResponse === 'empty')) {
        return fhirResponse(status, undefined, headers);
      }
      const said = status === 201 ? 'Created' : prepared.existing ? 'Already exists' : 'Updated';
      const body =
        preference === 'OperationOutcome'
          ? informational(`${said}: ${resource.resourceType}/${resource.id ?? ''}`)
          : asReturned(ctx.rules, resource);
      return fhirResponse(status, body, headers);
    }
  }
}

function fullUrl(base: string, resource: fhir.Resource | undefined): string {
  return resource?.id ? `${base}/${resource.resourceType}/${resource.id}` : '';
}

function notHere(prepared: PreparedInteraction, outcome: fhir.OperationOutcome): ReturnType<typeof problem> {
  const target = prepared.url.split('?')[0] ?? prepared.url;
  return outcome.issue[0]?.code === 'not-found'
    ? problem(404, 'not-found', `${target} is not on this server.`)
    : { status: 404, outcome };
}
