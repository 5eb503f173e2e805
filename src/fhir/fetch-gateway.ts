/**
 * A FhirGateway over `fetch`. Authorization is a callback, so the SMART layer supplies (and refreshes) the bearer
 * token while this module stays free of any launch library.
 */
import type * as fhir from 'fhir/r4';
import { FhirError, outcomeMessages } from './fhir-error.ts';
import type { FhirGateway, FhirRequest, FhirResponse, SearchParams, SearchResult } from './gateway.ts';

const FHIR_JSON = 'application/fhir+json';
const DEFAULT_MAX_PAGES = 1000;

export interface FetchGatewayOptions {
  readonly baseUrl: string;
  /** Returns the `Authorization` header value, or undefined for an open server. Called before every request. */
  readonly authorization?: () => Promise<string | undefined>;
  /** Defaults to the global fetch, looked up at call time so test interceptors see the requests. */
  readonly fetch?: typeof fetch;
}

export function createFetchGateway(options: FetchGatewayOptions): FhirGateway {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const origin = new URL(baseUrl).origin;

  /** Resolves a relative URL against the base; refuses other origins, which must never see our token. */
  function resolve(url: string): string {
    const absolute = /^https?:\/\//i.test(url) ? url : `${baseUrl}/${url.replace(/^\/+/, '')}`;
    if (new URL(absolute).origin !== origin) {
      throw new FhirError(
        0,
        absolute,
        `Refusing to send a request to ${absolute}: it is not on the FHIR server ${baseUrl}.`
      );
    }
    return absolute;
  }

  async function request<T>({ method, url, body, headers }: FhirRequest): Promise<FhirResponse<T>> {
    const target = resolve(url);
    const authorization = await options.authorization?.();
    const sendHeaders: Record<string, string> = { accept: FHIR_JSON };
    if (authorization !== undefined) {
      sendHeaders['authorization'] = authorization;
    }
    if (body !== undefined) {
      sendHeaders['content-type'] = FHIR_JSON;
    }
    for (const [name, value] of Object.entries(headers ?? {})) {
      sendHeaders[name.toLowerCase()] = value;
    }
    const doFetch = options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(target, {
        method,
        headers: sendHeaders,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new FhirError(0, target, `${method} ${target} got no response: ${String(cause)}`, undefined, { cause });
    }
    const parsed = await parseBody(response, target);
    if (!response.ok) {
      const outcome = isOperationOutcome(parsed) ? parsed : undefined;
      const details = outcomeMessages(outcome);
      throw new FhirError(
        response.status,
        target,
        `${method} ${target} failed: ${response.status} ${response.statusText}${details.length ? ` (${details.join('; ')})` : ''}`,
        outcome,
        optionalHeader('challenge', response.headers.get('www-authenticate'))
      );
    }
    return {
      status: response.status,
      body: parsed as T | undefined,
      ...optionalHeader('location', response.headers.get('location')),
      ...optionalHeader('etag', response.headers.get('etag')),
      ...optionalHeader('lastModified', response.headers.get('last-modified')),
    };
  }

  async function read<T extends fhir.FhirResource>(reference: string): Promise<T> {
    const { body } = await request<T>({ method: 'GET', url: reference });
    if (body === undefined) {
      throw new FhirError(200, resolve(reference), `GET ${reference} returned no resource.`);
    }
    return body;
  }

  async function search<T extends fhir.FhirResource>(
    resourceType: T['resourceType'],
    params: SearchParams = {},
    { maxPages = DEFAULT_MAX_PAGES }: { maxPages?: number } = {}
  ): Promise<SearchResult<T>> {
    const matches: T[] = [];
    const included: fhir.FhirResource[] = [];
    let total: number | undefined;
    let next: string | undefined = `${resourceType}${queryString(params)}`;
    let pages = 0;
    while (next !== undefined && pages < maxPages) {
      const response: FhirResponse<fhir.Bundle<fhir.FhirResource>> = await request<fhir.Bundle<fhir.FhirResource>>({
        method: 'GET',
        url: next,
      });
      const body = response.body;
      if (body?.resourceType !== 'Bundle') {
        throw new FhirError(200, resolve(next), `The search ${next} did not return a Bundle.`);
      }
      if (pages === 0 && typeof body.total === 'number') {
        total = body.total;
      }
      for (const entry of body.entry ?? []) {
        if (!entry.resource) {
          continue;
        }
        if (entry.search?.mode === 'include' || entry.search?.mode === 'outcome') {
          included.push(entry.resource);
        } else if (entry.resource.resourceType === resourceType) {
          matches.push(entry.resource as T);
        } else {
          // Some servers leave out search.mode; a resource of another type can only have been included.
          included.push(entry.resource);
        }
      }
      pages += 1;
      next = body.link?.find((link: fhir.BundleLink) => link.relation === 'next')?.url;
    }
    return { matches, included, ...(total === undefined ? {} : { total }), complete: next === undefined };
  }

  return { baseUrl, request, read, search };
}

function queryString(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of typeof value === 'string' ? [value] : value) {
      query.append(name, one);
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

async function parseBody(response: Response, url: string): Promise<unknown> {
  const text = await response.text();
  if (!text.trim()) {
    return undefined;
  }
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type) && !response.ok) {
    // An HTML error page from a proxy: keep the status, drop the markup.
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new FhirError(response.status, url, `The server's answer to ${url} is not valid JSON.`, undefined, {
      cause,
    });
  }
}

function isOperationOutcome(value: unknown): value is fhir.OperationOutcome {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === 'OperationOutcome'
  );
}

function optionalHeader<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value === null ? {} : ({ [key]: value } as Record<K, string>);
}
