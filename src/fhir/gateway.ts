/**
 * The few FHIR calls the app makes, as a narrow interface: the UI and the plan loaders depend on this, never on
 * fhirclient, so a SMART session, an open server or a test fake can stand behind it.
 * @see https://hl7.org/fhir/R4/http.html
 */
import type * as fhir from 'fhir/r4';

export type FhirMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FhirRequest {
  readonly method: FhirMethod;
  /** Relative to the FHIR base (`Patient/123`, `CarePlan?patient=123`), or an absolute URL on the same server. */
  readonly url: string;
  /** A JSON value, sent as `application/fhir+json` unless `headers` say otherwise. */
  readonly body?: unknown;
  /** Extra headers such as `If-Match`, `If-None-Exist` or `Prefer`. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FhirResponse<T> {
  readonly status: number;
  /** The parsed JSON body; undefined when the server sent none (e.g. an empty 201). */
  readonly body: T | undefined;
  readonly location?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** Search parameters; an array repeats the parameter (`date=ge2024&date=lt2025`). */
export type SearchParams = Readonly<Record<string, string | readonly string[]>>;

export interface SearchOptions {
  /** Stop after this many pages (default 1000) and report `complete: false`. */
  readonly maxPages?: number;
}

export interface SearchResult<T extends fhir.FhirResource> {
  /** Entries with `search.mode` match (or no mode), across all pages. */
  readonly matches: T[];
  /** Entries brought in by `_include` / `_revinclude`, across all pages. */
  readonly included: fhir.FhirResource[];
  /** `Bundle.total` of the first page, when the server sent it. */
  readonly total?: number;
  /** False when `maxPages` stopped the paging before the last page. */
  readonly complete: boolean;
}

export interface FhirGateway {
  /** The FHIR base URL, without a trailing slash. */
  readonly baseUrl: string;
  request<T = unknown>(request: FhirRequest): Promise<FhirResponse<T>>;
  /** Reads one resource by relative reference (`Practitioner/abc`). */
  read<T extends fhir.FhirResource>(reference: string): Promise<T>;
  /** Searches one type and follows `next` links, so large records load whole. */
  search<T extends fhir.FhirResource>(
    resourceType: T['resourceType'],
    params?: SearchParams,
    options?: SearchOptions
  ): Promise<SearchResult<T>>;
}
