/**
 * A small FHIR server in memory behind the FhirGateway interface, for unit tests of the transport without HTTP.
 * Its options mix server habits on a server that lets every plan resource be written: creates answered with an
 * empty 201 and a Location, a stale version with 409, `If-None-Exist` ignored. The sandbox under `--behave oracle`
 * answers the same way, but there the plan resources are read-only (only Condition and DocumentReference take
 * writes), so the sequential writes of a whole plan against those habits are tested here.
 * Like the fetch gateway, it throws a FhirError for every answer that is not a success.
 * It honours reads, searches by `identifier`, creates (conditional on `identifier`) and updates with `If-Match`.
 */
import type * as fhir from 'fhir/r4';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway, FhirRequest, FhirResponse } from '../../src/fhir/gateway.ts';

export interface MemoryServerOptions {
  /** Creates and updates answer with headers only. */
  readonly emptyBodies?: boolean;
  /** The status of a stale `If-Match`. Default 412. */
  readonly conflictStatus?: 409 | 412;
  /** `If-None-Exist` is ignored (every create creates). */
  readonly ignoresIfNoneExist?: boolean;
}

export interface MemoryServer extends FhirGateway {
  /** Every record held, newest version of each. */
  readonly records: fhir.FhirResource[];
  /** Every request received, in order. */
  readonly received: FhirRequest[];
  /** Stores a record as another system would (a new version when it exists). */
  put<T extends fhir.FhirResource>(resource: T): T;
}

const BASE = 'https://ehr.example.org/fhir';

function identifierMatches(resource: fhir.FhirResource, query: string): boolean {
  const params = new URLSearchParams(query);
  const token = params.get('identifier');
  if (token === null) throw new Error(`The memory server searches by identifier only, not ${query}`);
  const [system, value] = token.replace(/\\([\\|,$])/g, '$1').split('|');
  const identifiers = 'identifier' in resource && Array.isArray(resource.identifier) ? resource.identifier : [];
  return identifiers.some((i: fhir.Identifier) => i.system === system && i.value === value);
}

export function memoryFhirServer(options: MemoryServerOptions = {}): MemoryServer {
  const records: fhir.FhirResource[] = [];
  const received: FhirRequest[] = [];
  let nextId = 100;
  const addressOf = (r: fhir.FhirResource): string => `${r.resourceType}/${r.id ?? ''}`;
  const find = (address: string): fhir.FhirResource | undefined => records.find((r) => addressOf(r) === address);

  const put = <T extends fhir.FhirResource>(resource: T): T => {
    const before = find(addressOf(resource));
    const version = String(Number(before?.meta?.versionId ?? '0') + 1);
    const stored: T = { ...structuredClone(resource), meta: { ...resource.meta, versionId: version } };
    if (before) records.splice(records.indexOf(before), 1, stored);
    else records.push(stored);
    return stored;
  };

  const answer = <T>(status: number, resource: fhir.FhirResource): FhirResponse<T> => {
    const headers = {
      location: `${BASE}/${addressOf(resource)}/_history/${resource.meta?.versionId ?? ''}`,
      etag: `W/"${resource.meta?.versionId ?? ''}"`,
    };
    return options.emptyBodies ? { status, body: undefined, ...headers } : { status, body: resource as T, ...headers };
  };

  const search = (type: string, query: string): fhir.FhirResource[] =>
    records.filter((r) => r.resourceType === type && identifierMatches(r, query));

  async function request<T>(req: FhirRequest): Promise<FhirResponse<T>> {
    received.push(req);
    await Promise.resolve();
    const [path = '', query] = req.url.split('?');
    const body = req.body as fhir.FhirResource | undefined;
    if (req.method === 'GET' && query !== undefined) {
      const entry = search(path, query).map((resource) => ({ resource }));
      return { status: 200, body: { resourceType: 'Bundle', type: 'searchset', entry } as T };
    }
    if (req.method === 'GET') {
      const found = find(path);
      if (!found) throw new FhirError(404, req.url, `${path} is not here`);
      return { status: 200, body: structuredClone(found) as T };
    }
    if (req.method === 'POST' && body) {
      const condition = options.ignoresIfNoneExist ? undefined : req.headers?.['If-None-Exist'];
      const matches = condition === undefined ? [] : search(path, condition);
      if (matches.length > 1) throw new FhirError(412, req.url, `${condition ?? ''} matches several`);
      const [existing] = matches;
      if (existing) return answer(200, existing);
      nextId += 1;
      return answer(201, put({ ...body, id: String(nextId) }));
    }
    if (req.method === 'PUT' && body) {
      const current = find(path);
      const ifMatch = req.headers?.['If-Match'];
      if (current && ifMatch !== undefined && ifMatch !== `W/"${current.meta?.versionId ?? ''}"`) {
        const status = options.conflictStatus ?? 412;
        const outcome: fhir.OperationOutcome = {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'conflict', diagnostics: `${path} has changed` }],
        };
        throw new FhirError(status, req.url, `${path} is stale`, outcome);
      }
      return answer(current ? 200 : 201, put(body));
    }
    throw new FhirError(405, req.url, `${req.method} is not supported here`);
  }

  return {
    baseUrl: BASE,
    records,
    received,
    put,
    request,
    read: () => Promise.reject(new Error('The memory server answers request() only')),
    search: () => Promise.reject(new Error('The memory server answers request() only')),
  };
}
