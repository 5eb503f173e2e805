/**
 * `batch` and `transaction` Bundles POSTed to the base. Every entry is prepared like a direct request (served
 * type, scope, search normalisation, conditional resolution); then the engine runs the bundle, in one
 * snapshot-backed transaction for `transaction`. A transaction is all or nothing: an entry that is refused or
 * fails answers for the whole bundle with its own status and OperationOutcome, and nothing is written.
 * In a batch each entry stands alone: a refused entry gets its 4xx, the others run.
 * @see https://hl7.org/fhir/R4/http.html#transaction
 */
import { isOk } from '@medplum/core';
import type { FhirRequest } from '@medplum/fhir-router';
import type * as medplum from '@medplum/fhirtypes';
import type * as fhir from 'fhir/r4';
import type { SandboxResponse } from '../contracts.ts';
import { withoutHiddenIncludes } from './access.ts';
import { asConflict, asReturned, bundleAsReturned, unofferedBundle } from './behaviour-checks.ts';
import { fhirResponse, normaliseIfMatch, problemResponse, weakEtag } from './http-messages.ts';
import type { InteractionContext, PreparedInteraction } from './interaction.ts';
import { prepareInteraction } from './interaction.ts';
import { bundleFromMedplum, bundleToMedplum } from './medplum-boundary.ts';
import type { Problem } from './outcomes.ts';
import { cleanOutcome, isProblem, problem, problemFromEngine } from './outcomes.ts';
import { finishSearchBundle } from './paging.ts';

export async function handleBundle(ctx: InteractionContext, body: unknown): Promise<SandboxResponse> {
  const bundle = body as Partial<fhir.Bundle> | null;
  if (bundle?.resourceType !== 'Bundle' || (bundle.type !== 'batch' && bundle.type !== 'transaction')) {
    return problemResponse(
      problem(400, 'invalid', 'POST to the base takes a batch or transaction Bundle.', 'Bundle.type')
    );
  }
  const refused = unofferedBundle(ctx.rules, bundle.type);
  if (refused) {
    return problemResponse(refused);
  }
  // A transaction on a server that runs it as a batch: every entry stands alone, as in a batch.
  const isTransaction = bundle.type === 'transaction' && ctx.rules.transaction === 'atomic';
  const entries = bundle.entry ?? [];
  const prepared: (PreparedInteraction | Problem)[] = [];
  for (const [index, entry] of entries.entries()) {
    const outcome = await prepareEntry(ctx, entry, index);
    if (isTransaction && isProblem(outcome)) {
      return problemResponse(outcome);
    }
    prepared.push(outcome);
  }
  rewriteMatchedPlaceholders(entries, prepared);

  const runnable = prepared.flatMap((p, index) => (isProblem(p) ? [] : [{ index, prepared: p }]));
  const results = new Map<number, medplum.BundleEntry>();
  if (runnable.length > 0) {
    const engineBundle: fhir.Bundle = {
      resourceType: 'Bundle',
      type: bundle.type,
      entry: runnable.map(({ index, prepared: p }) => engineEntry(entries[index], p)),
    };
    const request: FhirRequest = {
      method: 'POST',
      url: '',
      pathname: '',
      body: bundleToMedplum(engineBundle),
      params: {},
      query: {},
      headers: {},
      // The engine runs a transaction Bundle entry by entry, like a batch, when transactions are off.
      config: { transactions: isTransaction },
    };
    const [outcome, response] = await ctx.router.handleRequest(request, ctx.repo);
    if (!isOk(outcome) || response?.resourceType !== 'Bundle') {
      return problemResponse(asConflict(ctx.rules, problemFromEngine(outcome)));
    }
    runnable.forEach(({ index }, position) => {
      const entry = response.entry?.[position];
      if (entry) {
        results.set(index, entry);
      }
    });
  }
  return fhirResponse(200, {
    resourceType: 'Bundle',
    type: bundle.type === 'transaction' ? 'transaction-response' : 'batch-response',
    entry: prepared.map((p, index) => (isProblem(p) ? problemEntry(p) : finishEntry(ctx, p, results.get(index)))),
  } satisfies fhir.Bundle);
}

async function prepareEntry(
  ctx: InteractionContext,
  entry: fhir.BundleEntry,
  index: number
): Promise<PreparedInteraction | Problem> {
  const request = entry.request;
  if (!request?.method || !request.url) {
    return problem(400, 'required', `Entry ${index} has no request method and url.`, `Bundle.entry[${index}].request`);
  }
  const url = request.url.startsWith(`${ctx.base}/`) ? request.url.slice(ctx.base.length + 1) : request.url;
  const ifMatch = normaliseIfMatch(request.ifMatch);
  const prepared = await prepareInteraction(ctx, {
    method: request.method,
    url,
    body: entry.resource,
    ...(ifMatch ? { ifMatch } : {}),
    ...(request.ifNoneExist ? { ifNoneExist: request.ifNoneExist } : {}),
  });
  if (!isProblem(prepared)) {
    return prepared;
  }
  const [first, ...rest] = prepared.outcome.issue;
  const where = `Bundle.entry[${index}] (${request.method} ${request.url})`;
  return first
    ? {
        ...prepared,
        outcome: {
          ...prepared.outcome,
          issue: [{ ...first, diagnostics: `${where}: ${first.diagnostics ?? ''}` }, ...rest],
        },
      }
    : prepared;
}

/**
 * A conditional create that found its match is read instead of created; references to its `urn:uuid` fullUrl
 * in the other entries must then point at the existing resource (R4 http.html#trules).
 */
function rewriteMatchedPlaceholders(entries: fhir.BundleEntry[], prepared: (PreparedInteraction | Problem)[]): void {
  const replacements = new Map<string, string>();
  prepared.forEach((p, index) => {
    const fullUrl = entries[index]?.fullUrl;
    if (!isProblem(p) && p.existing && fullUrl) {
      replacements.set(fullUrl, p.existing);
    }
  });
  if (replacements.size === 0) {
    return;
  }
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return replacements.get(value) ?? value;
    }
    if (Array.isArray(value)) {
      return value.map(replace);
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item)]));
    }
    return value;
  };
  prepared.forEach((p, index) => {
    if (!isProblem(p) && p.body !== undefined) {
      prepared[index] = { ...p, body: replace(p.body) };
    }
  });
}

function engineEntry(original: fhir.BundleEntry | undefined, p: PreparedInteraction): fhir.BundleEntry {
  return {
    ...(original?.fullUrl && !p.existing ? { fullUrl: original.fullUrl } : {}),
    ...(p.body !== undefined && p.method !== 'GET' ? { resource: p.body as fhir.Resource } : {}),
    request: { method: p.method, url: p.url, ...(p.ifMatch ? { ifMatch: p.ifMatch } : {}) },
  };
}

function problemEntry({ status, outcome }: Problem): fhir.BundleEntry {
  return { response: { status: String(status), outcome } };
}

function finishEntry(
  ctx: InteractionContext,
  p: PreparedInteraction,
  result: medplum.BundleEntry | undefined
): fhir.BundleEntry {
  if (!result?.response) {
    return problemEntry(problem(500, 'exception', 'The engine gave no response for this entry.'));
  }
  const engineStatus = Number.parseInt(result.response.status, 10);
  if (engineStatus >= 400 || !result.resource) {
    const outcome = result.response.outcome;
    if (outcome && engineStatus >= 400) {
      return problemEntry(asConflict(ctx.rules, { status: engineStatus, outcome: cleanOutcome(outcome) }));
    }
    return { response: { status: p.interaction === 'delete' ? '204' : String(engineStatus) } };
  }
  const resource = result.resource as unknown as fhir.Resource;
  if (p.search && resource.resourceType === 'Bundle') {
    const page = finishSearchBundle(resource as fhir.Bundle, {
      base: ctx.base,
      resourceType: p.resourceType,
      search: p.search,
    });
    return {
      resource: bundleAsReturned(ctx.rules, withoutHiddenIncludes(page, ctx.access)),
      response: { status: '200' },
    };
  }
  if (resource.resourceType === 'Bundle') {
    const bundle = bundleFromMedplum(result.resource as medplum.Bundle);
    return { resource: bundleAsReturned(ctx.rules, bundle), response: { status: '200' } };
  }
  const status = p.existing ? 200 : p.creates ? 201 : engineStatus;
  const versionId = resource.meta?.versionId;
  return {
    fullUrl: `${ctx.base}/${resource.resourceType}/${resource.id ?? ''}`,
    resource: asReturned(ctx.rules, resource),
    response: {
      status: String(status),
      location: `${resource.resourceType}/${resource.id ?? ''}${versionId ? `/_history/${versionId}` : ''}`,
      ...(versionId ? { etag: weakEtag(versionId) } : {}),
      ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
    },
  };
}
