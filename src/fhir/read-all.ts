/**
 * Sends a set of GETs in one round trip: as `batch` Bundles where the server supports batch, otherwise as
 * parallel requests. A GET that fails on its own (403 for a scope that was not granted, 400 for a missing
 * parameter, 404) is answered as a failure beside the others; a failure that makes everything else moot (no
 * answer, 401, an unreadable response) is thrown as a FhirError.
 * @see https://hl7.org/fhir/R4/http.html#transaction
 */
import type * as fhir from 'fhir/r4';
import { FhirError, outcomeMessages } from './fhir-error.ts';
import type { FhirRequest, FhirResponse } from './gateway.ts';

export type ReadOutcome =
  | { readonly ok: true; readonly body: unknown }
  | {
      readonly ok: false;
      /** 0 when no request was sent. */
      readonly status: number;
      readonly reason: string;
      readonly outcome?: fhir.OperationOutcome;
    };

export interface Reader {
  /** The gateway's `request`, possibly counted. */
  readonly send: <T>(request: FhirRequest) => Promise<FhirResponse<T>>;
  readonly baseUrl: string;
  readonly batch: boolean;
  /** Entries per batch Bundle; more GETs go in further Bundles, sent at the same time. */
  readonly maxBatchEntries: number;
}

/** One outcome per URL, in order. URLs are relative to the base or absolute on it. */
export async function readAll(reader: Reader, urls: readonly string[]): Promise<ReadOutcome[]> {
  const relative = urls.map((url) => relativeUrl(reader.baseUrl, url));
  const outcomes: (ReadOutcome | undefined)[] = relative.map((url, index) =>
    url === undefined ? offServer(urls[index] ?? '') : undefined
  );
  const pending = relative.flatMap((url, index) => (url === undefined ? [] : [{ url, index }]));
  if (!reader.batch) {
    await Promise.all(
      pending.map(async ({ index }) => {
        // As given: an absolute link on the base (HAPI's `[base]?_getpages=...`) stays exactly as the server wrote it.
        outcomes[index] = await readOne(reader, urls[index] ?? '');
      })
    );
  } else {
    const chunks: { url: string; index: number }[][] = [];
    for (let start = 0; start < pending.length; start += reader.maxBatchEntries) {
      chunks.push(pending.slice(start, start + reader.maxBatchEntries));
    }
    await Promise.all(
      chunks.map(async (chunk) => {
        const answers = await readBatch(
          reader,
          chunk.map(({ url }) => url)
        );
        chunk.forEach(({ index }, position) => {
          outcomes[index] = answers[position];
        });
      })
    );
  }
  return outcomes.map((outcome) => outcome ?? { ok: false, status: 0, reason: 'No request was sent.' });
}

async function readOne(reader: Reader, url: string): Promise<ReadOutcome> {
  try {
    const { body } = await reader.send({ method: 'GET', url });
    return { ok: true, body };
  } catch (error) {
    if (error instanceof FhirError && error.status >= 400 && error.status !== 401) {
      return { ok: false, status: error.status, reason: error.message, ...withOutcome(error.outcome) };
    }
    throw error;
  }
}

async function readBatch(reader: Reader, urls: readonly string[]): Promise<ReadOutcome[]> {
  const bundle: fhir.Bundle = {
    resourceType: 'Bundle',
    type: 'batch',
    entry: urls.map((url) => ({ request: { method: 'GET', url } })),
  };
  const { status, body } = await reader.send<fhir.Bundle>({ method: 'POST', url: reader.baseUrl, body: bundle });
  if (body?.resourceType !== 'Bundle') {
    throw new FhirError(status, reader.baseUrl, `The server answered a batch of searches without a Bundle.`);
  }
  return urls.map((url, index) => entryOutcome(url, body.entry?.[index]));
}

/** A batch-response entry: `response.status` such as `200 OK`, the result in `resource`. */
function entryOutcome(url: string, entry: fhir.BundleEntry | undefined): ReadOutcome {
  const status = Number.parseInt(entry?.response?.status ?? '', 10);
  const resource = entry?.resource;
  if (status >= 200 && status < 300 && resource !== undefined) {
    return { ok: true, body: resource };
  }
  // R4 puts an entry's OperationOutcome in response.outcome; some servers put it in resource.
  const candidate = entry?.response?.outcome ?? resource;
  const outcome = candidate?.resourceType === 'OperationOutcome' ? (candidate as fhir.OperationOutcome) : undefined;
  const details = outcomeMessages(outcome);
  const reason = Number.isNaN(status)
    ? `The batch response has no answer for GET ${url}.`
    : `GET ${url} failed: ${status}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
  return { ok: false, status: Number.isNaN(status) ? 0 : status, reason, ...withOutcome(outcome) };
}

/** The URL relative to the base (`?x` for a query on the base itself), or undefined when it is elsewhere. */
function relativeUrl(baseUrl: string, url: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return url.replace(/^\/+/, '');
  }
  if (url.startsWith(`${baseUrl}/`)) {
    return url.slice(baseUrl.length + 1);
  }
  return url.startsWith(`${baseUrl}?`) ? url.slice(baseUrl.length) : undefined;
}

/** Never sent: the token must not leave the FHIR server, and a batch entry cannot name another server. */
function offServer(url: string): ReadOutcome {
  return { ok: false, status: 0, reason: `Not requested: ${url} is not on this FHIR server.` };
}

function withOutcome(outcome: fhir.OperationOutcome | undefined): { outcome?: fhir.OperationOutcome } {
  return outcome === undefined ? {} : { outcome };
}
