/**
 * Applies a write set the way a FHIR server applies a transaction (https://hl7.org/fhir/R4/http.html#trules):
 * conditional creates are honoured (`ifNoneExist` finds the existing record), creates get a server id,
 * `urn:uuid:` references are rewritten to `Type/id`, `ifMatch` is checked against the stored version, and every
 * written record gets a new meta.versionId and meta.lastUpdated. All or nothing: it throws before changing
 * anything when an entry would fail.
 */
import type * as fhir from 'fhir/r4';
import type { WriteSet } from '../../src/mapping/write-set.ts';

export class TransactionError extends Error {
  readonly status: 400 | 412;
  constructor(status: 400 | 412, message: string) {
    super(message);
    this.status = status;
  }
}

const address = (r: fhir.FhirResource): string => `${r.resourceType}/${r.id ?? ''}`;

function unescapeToken(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '\\') current += text.charAt(++i);
    else if (c === '|') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  return [...parts, current];
}

/** Whether `resource` matches one search parameter of the conditional creates the mapping sends. */
function matches(resource: fhir.FhirResource, name: string, value: string): boolean {
  const json = resource as unknown as Record<string, unknown>;
  switch (name) {
    case 'identifier': {
      const [system, code] = unescapeToken(value);
      const identifiers = (Array.isArray(json.identifier) ? json.identifier : []) as fhir.Identifier[];
      return identifiers.some((i) => i.system === system && i.value === code);
    }
    case 'recorded':
      return resource.resourceType === 'Provenance' && Date.parse(resource.recorded) === Date.parse(value);
    case 'agent':
      return resource.resourceType === 'Provenance' && resource.agent.some((a) => a.who.reference === value);
    default:
      throw new TransactionError(400, `Search parameter ${name} is not supported here`);
  }
}

function search(store: readonly fhir.FhirResource[], type: string, query: string): fhir.FhirResource[] {
  const parameters = query.split('&').map((pair) => {
    const [name = '', value = ''] = pair.split('=');
    return [name, decodeURIComponent(value)] as const;
  });
  return store.filter((r) => r.resourceType === type && parameters.every(([n, v]) => matches(r, n, v)));
}

function rewrite(value: unknown, urls: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return urls.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => rewrite(v, urls));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, urls)]));
  }
  return value;
}

export interface Applied {
  /** Every record the server holds afterwards. */
  readonly store: fhir.FhirResource[];
  /** `Type/id` of each entry's record, in write-set order. */
  readonly locations: string[];
}

/** The server's records after the write set, given the records it held before. */
export function applyWriteSet(
  before: readonly fhir.FhirResource[],
  writeSet: WriteSet,
  at = '2026-06-01T12:00:00Z'
): Applied {
  const store = before.map((r) => structuredClone(r));
  const urls = new Map<string, string>();
  let next = store.length;
  const creates: fhir.FhirResource[] = [];
  const updates: [number, fhir.FhirResource][] = [];
  for (const { fullUrl, resource, request } of writeSet) {
    if (request.method === 'POST') {
      if (resource.id !== undefined) throw new TransactionError(400, `A create carries an id (${address(resource)})`);
      const found = request.ifNoneExist ? search(store, resource.resourceType, request.ifNoneExist) : [];
      if (found.length > 1) throw new TransactionError(412, `${request.ifNoneExist ?? ''} matches several records`);
      const existing = found[0];
      if (existing) {
        urls.set(fullUrl, address(existing));
        continue;
      }
      next += 1;
      const created = { ...structuredClone(resource), id: `srv-${next}` } as fhir.FhirResource;
      urls.set(fullUrl, address(created));
      creates.push(created);
    } else {
      const i = store.findIndex((r) => address(r) === request.url);
      const current = store[i];
      if (!current) throw new TransactionError(400, `${request.url} does not exist`);
      if (address(resource) !== request.url) throw new TransactionError(400, `${request.url} holds another id`);
      const version = `W/"${current.meta?.versionId ?? ''}"`;
      if (request.ifMatch !== version)
        throw new TransactionError(412, `${request.url} is at ${version}, not ${request.ifMatch ?? '(none)'}`);
      updates.push([i, structuredClone(resource)]);
    }
  }
  const stamp = (r: fhir.FhirResource, version: string): fhir.FhirResource => {
    const written = rewrite(r, urls) as fhir.FhirResource;
    written.meta = { ...written.meta, versionId: version, lastUpdated: at };
    return written;
  };
  for (const [i, resource] of updates) {
    store[i] = stamp(resource, String(Number(store[i]?.meta?.versionId ?? '0') + 1));
  }
  store.push(...creates.map((r) => stamp(r, '1')));
  const locations = writeSet.map(({ fullUrl, request }) =>
    request.method === 'POST' ? (urls.get(fullUrl) ?? '') : request.url
  );
  return { store, locations };
}
