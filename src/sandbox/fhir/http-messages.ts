/**
 * FHIR over HTTP, the parts that are not about resources: media types, bodies, version headers and `Prefer`.
 * @see https://hl7.org/fhir/R4/http.html
 */
import type * as fhir from 'fhir/r4';
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxRequest, SandboxResponse } from '../contracts.ts';
import type { Problem } from './outcomes.ts';
import { problem } from './outcomes.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function fhirResponse(status: number, body?: unknown, headers: Record<string, string> = {}): SandboxResponse {
  if (body === undefined) {
    return { status, headers };
  }
  return { status, headers: { 'Content-Type': FHIR_JSON, ...headers }, body: JSON.stringify(body) };
}

export function problemResponse({ status, outcome, headers }: Problem): SandboxResponse {
  return fhirResponse(status, outcome, { ...headers });
}

const JSON_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/fhir+json',
  'application/json',
  'application/json-patch+json',
]);

export type ParsedBody =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: Problem };

/** Reads a JSON request body (FHIR JSON, plain JSON or JSON Patch); anything else is refused with an outcome. */
export function parseJsonBody(req: SandboxRequest): ParsedBody {
  const mediaType = mediaTypeOf(req.headers);
  if (mediaType && !JSON_MEDIA_TYPES.has(mediaType)) {
    return {
      ok: false,
      problem: problem(415, 'not-supported', `Send the body as application/fhir+json, not ${mediaType}.`),
    };
  }
  const text = req.body.toString('utf8');
  if (text.trim() === '') {
    return { ok: false, problem: problem(400, 'required', 'The request needs a JSON body.') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: problem(400, 'structure', `The request body is not valid JSON: ${reason}`) };
  }
}

export function mediaTypeOf(headers: IncomingHttpHeaders): string | undefined {
  return headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** `ETag` and `Last-Modified` from a resource's meta (R4 http.html#versioning). */
export function versionHeaders(resource: fhir.Resource): Record<string, string> {
  const headers: Record<string, string> = {};
  if (resource.meta?.versionId) {
    headers.ETag = weakEtag(resource.meta.versionId);
  }
  if (resource.meta?.lastUpdated) {
    headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  }
  return headers;
}

export function weakEtag(versionId: string): string {
  return `W/"${versionId}"`;
}

/** Accepts `W/"3"`, `"3"` and a bare `3`; the engine only understands the quoted forms. */
export function normaliseIfMatch(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  return value.includes('"') ? value.trim() : weakEtag(value.trim());
}

export type ReturnPreference = 'minimal' | 'representation' | 'OperationOutcome';

/** `Prefer: return=...` (R4 http.html#ops); representation when absent or unknown. */
export function returnPreference(headers: IncomingHttpHeaders): ReturnPreference {
  const match = /\breturn=(minimal|representation|OperationOutcome)\b/i.exec(singleHeader(headers, 'prefer') ?? '');
  const value = match?.[1]?.toLowerCase();
  if (value === 'minimal') {
    return 'minimal';
  }
  return value === 'operationoutcome' ? 'OperationOutcome' : 'representation';
}

/** `Prefer: handling=lenient` asks the server to ignore unknown search parameters (R4 search.html#errors). */
export function prefersLenient(headers: IncomingHttpHeaders): boolean {
  return /\bhandling=lenient\b/i.test(singleHeader(headers, 'prefer') ?? '');
}

export function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
