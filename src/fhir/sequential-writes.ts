/**
 * Sends a transaction Bundle's creates and updates as ordered single requests, for servers without
 * transactions (issue 5 §2, "structured, sequential"). The order comes from `writeSteps`: nothing ever points at
 * a record that does not exist yet. Each create is conditional on the record's business identifier
 * (`If-None-Exist`, R4 http.html#ccreate), so a retry after a failure in the middle finds what the failed attempt
 * wrote instead of duplicating it, and makes it say what this attempt would write. `urn:uuid:` references are
 * rewritten to the server's ids as they become known; updates carry `If-Match`; a 201 without a body is read
 * from its `Location`; 409 and 412 both mean "changed since it was loaded" (R4 http.html#concurrency).
 *
 * Every HTTP outcome becomes a SaveResult, never an exception, as with savePlanTransaction; `written: 'some'`
 * when the failure came after the server took some of the writes, and `landed` lists them.
 */
import type * as fhir from 'fhir/r4';
import { FhirError } from './fhir-error.ts';
import type { FhirGateway, FhirRequest, FhirResponse } from './gateway.ts';
import { landingOf, landingOfResource, responseBundle, sameContent, savedEntries, type Landing } from './landing.ts';
import { withoutLinks, withServerAddresses } from './local-references.ts';
import { sequentialFailure } from './sequential-failure.ts';
import type { SaveResult, SavedEntry } from './save-result.ts';
import type { RefusingServer } from './write-refusal.ts';
import { writeSteps } from './write-steps.ts';

export interface SequentialWriteOptions {
  /**
   * Whether the server honours `If-None-Exist` on creates of a type (default: yes). Where it does not, each
   * create is preceded by a search on the same query, so a retry still finds what an earlier attempt created.
   */
  readonly conditionalCreate?: (resourceType: string) => boolean;
  /** Who to name when a write itself is refused (403, 405); the EHR unless said. */
  readonly server?: RefusingServer;
}

export interface SequentialSave {
  readonly result: SaveResult;
  /** The entries the server holds after this attempt (created, found from an earlier attempt, or updated). */
  readonly landed: readonly SavedEntry[];
  /** HTTP requests sent. */
  readonly requests: number;
}

export async function saveInSequence(
  gateway: FhirGateway,
  bundle: fhir.Bundle,
  options: SequentialWriteOptions = {}
): Promise<SequentialSave> {
  if (bundle.type !== 'transaction') {
    throw new TypeError(`saveInSequence takes a transaction Bundle, not a ${bundle.type} Bundle.`);
  }
  const entries = bundle.entry ?? [];
  const landings = new Map<number, Landing>();
  const addresses = new Map<string, string>();
  let requests = 0;
  const run = stepRunner(
    (request) => {
      requests += 1;
      return gateway.request(request);
    },
    options.conditionalCreate ?? (() => true)
  );

  let entryIndex: number | undefined;
  try {
    for (const step of writeSteps(bundle)) {
      entryIndex = step.entryIndex;
      const entry = entries[step.entryIndex] as Entry;
      const landed = landings.get(step.entryIndex);
      const landing =
        step.kind === 'create'
          ? await run.create(entry, step.withheld, addresses)
          : await run.update(entry, addresses, step.kind === 'link' ? landed : undefined);
      // A record created now stays "201 Created" when the link step updates it.
      landings.set(step.entryIndex, landed?.status === CREATED ? { ...landing, status: CREATED } : landing);
      if (step.kind === 'create' && entry.fullUrl !== undefined) addresses.set(entry.fullUrl, landing.address);
    }
  } catch (error) {
    if (!(error instanceof FhirError) || entryIndex === undefined) throw error;
    const landed = savedEntries(bundle, landings);
    const failed = { entryIndex, conflict: run.conflicts.has(error) };
    return { result: sequentialFailure(error, bundle, failed, landed.length > 0, options.server), landed, requests };
  }
  const landed = savedEntries(bundle, landings);
  return { result: { kind: 'saved', response: responseBundle(bundle, landings), locations: landed }, landed, requests };
}

const CREATED = '201 Created';

type Entry = fhir.BundleEntry & { readonly resource: fhir.FhirResource };
type Send = (request: FhirRequest) => Promise<FhirResponse<unknown>>;

interface StepRunner {
  /** Creates the record, or finds it from an earlier attempt and brings it up to date (unless links are withheld). */
  create(entry: Entry, withheld: readonly string[], addresses: ReadonlyMap<string, string>): Promise<Landing>;
  /**
   * PUTs the record whole, with `If-Match` on the version loaded or, for a record this save already wrote or
   * found, on that version. A 409 or 412 on a record that already says exactly this is an earlier attempt's
   * write: done.
   */
  update(entry: Entry, addresses: ReadonlyMap<string, string>, written: Landing | undefined): Promise<Landing>;
  /** Errors that mean someone else changed a record since it was read (not a duplicate identifier). */
  readonly conflicts: WeakSet<FhirError>;
}

function stepRunner(send: Send, conditionalCreate: (resourceType: string) => boolean): StepRunner {
  const conflicts = new WeakSet<FhirError>();

  /** The record an earlier attempt created, by the create's conditional query. */
  const find = async (type: string, query: string): Promise<Landing | undefined> => {
    const { body } = await send({ method: 'GET', url: `${type}?${query}` });
    const bundle = body as fhir.Bundle | undefined;
    const matches = (bundle?.entry ?? []).flatMap((e) =>
      e.resource?.resourceType === type ? [e.resource as fhir.FhirResource] : []
    );
    if (matches.length > 1) {
      throw new FhirError(412, type, `More than one ${type} on the server matches ${query}.`);
    }
    return matches[0] && landingOfResource(matches[0], '200 OK');
  };

  /** A record found from an earlier attempt, read when the server did not send it: unchanged, it is not written. */
  const withResource = async (found: Landing): Promise<Landing> => {
    if (found.resource !== undefined || found.status === CREATED) return found;
    const { body } = await send({ method: 'GET', url: found.address });
    return isResource(body, found.address.split('/')[0] ?? '') ? landingOfResource(body, found.status) : found;
  };

  const update: StepRunner['update'] = async (entry, addresses, landed) => {
    const written = landed && (await withResource(landed));
    const address = written?.address ?? entry.request?.url ?? '';
    const id = address.split('/')[1] ?? '';
    const desired = { ...withServerAddresses(entry.resource, addresses), id };
    if (written?.resource !== undefined && sameContent(written.resource, desired)) return written;
    const version = written === undefined ? entry.request?.ifMatch : written.versionId && `W/"${written.versionId}"`;
    try {
      const response = await send({
        method: 'PUT',
        url: address,
        body: desired,
        ...(version ? { headers: { 'If-Match': version } } : {}),
      });
      return landingOf(desired.resourceType, response) ?? { address, status: `${response.status} OK` };
    } catch (error) {
      if (!(error instanceof FhirError) || (error.status !== 409 && error.status !== 412)) throw error;
      const now = await send({ method: 'GET', url: address }).catch(() => undefined);
      const held = now?.body as fhir.FhirResource | undefined;
      if (held?.resourceType === desired.resourceType && sameContent(held, desired)) {
        return landingOfResource(held, '200 OK');
      }
      conflicts.add(error);
      throw error;
    }
  };

  const create: StepRunner['create'] = async (entry, withheld, addresses) => {
    const type = entry.resource.resourceType;
    const body = withServerAddresses(withoutLinks(entry.resource, new Set(withheld)), addresses);
    const ifNoneExist = entry.request?.ifNoneExist;
    const query = ifNoneExist === undefined ? undefined : withAddresses(ifNoneExist, addresses);
    // The header goes even where it is not honoured: it costs nothing, and the search already looked.
    let landing = query !== undefined && !conditionalCreate(type) ? await find(type, query) : undefined;
    if (landing === undefined) {
      const headers = query === undefined ? {} : { headers: { 'If-None-Exist': query } };
      const response = await send({ method: 'POST', url: type, body, ...headers });
      // A create that says nowhere (no body, no Location) is looked up by its query.
      landing = landingOf(type, response) ?? (query === undefined ? undefined : await find(type, query));
      if (landing === undefined) {
        throw new FhirError(response.status, type, `The server took a new ${type} but did not say where it is.`);
      }
    }
    if (landing.status === CREATED || withheld.length > 0) return landing;
    // Found from an earlier attempt: make it say what this attempt says (the plan may have changed since).
    return update(entry, addresses, landing);
  };

  return { create, update, conflicts };
}

function isResource(value: unknown, resourceType: string): value is fhir.FhirResource {
  return (
    typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === resourceType
  );
}

/** A query with the full URLs it names (plain or percent-encoded) replaced by server addresses. */
function withAddresses(query: string, addresses: ReadonlyMap<string, string>): string {
  let result = query;
  for (const [fullUrl, address] of addresses) {
    result = result.split(encodeURIComponent(fullUrl)).join(encodeURIComponent(address)).split(fullUrl).join(address);
  }
  return result;
}
