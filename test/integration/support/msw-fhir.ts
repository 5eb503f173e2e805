/**
 * A scripted FHIR server for msw: one function answers every GET, whether it arrives on its own or as an entry
 * of a batch Bundle, so a test states what the server holds once and runs with and without batch.
 */
import type * as fhir from 'fhir/r4';
import { http, HttpResponse, type HttpHandler } from 'msw';

export const BASE = 'https://ehr.example/fhir';

export interface Answer {
  readonly status: number;
  /** A resource, a searchset, or an OperationOutcome. */
  readonly body: unknown;
}

/** Answers GET `url` (relative to BASE, query included); undefined is a 404. */
export type Script = (url: URL) => Answer | undefined;

const notFound: Answer = { status: 404, body: outcome('not-found', 'No such resource.') };

export function scriptedFhir(script: Script): HttpHandler[] {
  const answer = (url: URL): Answer => script(url) ?? notFound;
  return [
    http.post(BASE, async ({ request }) => {
      const bundle = (await request.json()) as fhir.Bundle;
      const entry = (bundle.entry ?? []).map((item): fhir.BundleEntry => {
        const { status, body } = answer(new URL(`${BASE}/${item.request?.url ?? ''}`));
        const isOutcome = (body as { resourceType?: string }).resourceType === 'OperationOutcome';
        return status < 400
          ? { resource: body as fhir.Resource, response: { status: `${status} OK` } }
          : { response: { status: String(status), ...(isOutcome ? { outcome: body as fhir.OperationOutcome } : {}) } };
      });
      return HttpResponse.json({ resourceType: 'Bundle', type: 'batch-response', entry });
    }),
    http.get(`${BASE}/*`, ({ request }) => {
      const { status, body } = answer(new URL(request.url));
      return HttpResponse.json(body as Record<string, unknown>, { status });
    }),
    http.get(BASE, ({ request }) => {
      const { status, body } = answer(new URL(request.url));
      return HttpResponse.json(body as Record<string, unknown>, { status });
    }),
  ];
}

export function outcome(code: string, diagnostics: string, expression?: string): fhir.OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      { severity: 'error', code: code as 'invalid', diagnostics, ...(expression ? { expression: [expression] } : {}) },
    ],
  };
}

export function searchset(
  resources: readonly fhir.FhirResource[],
  links: { readonly self?: string; readonly next?: string; readonly total?: number } = {}
): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(links.total === undefined ? {} : { total: links.total }),
    link: [
      ...(links.self ? [{ relation: 'self', url: links.self }] : []),
      ...(links.next ? [{ relation: 'next', url: links.next }] : []),
    ],
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
}

/** The path after BASE, e.g. `Observation`, or '' for the base itself. */
export function typeOf(url: URL): string {
  return url.pathname.slice(new URL(BASE).pathname.length).replace(/^\/+/, '');
}
