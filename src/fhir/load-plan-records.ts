/**
 * Everything a treatment plan is read from, for one client, in at most 2 sequential round trips once the token
 * is in hand (DESIGN.md §7): first pages of every search in one batch (or in parallel), then every remaining
 * page and every reference the includes did not bring, all at once. Only what cannot be known in advance costs
 * more: opaque `next` links are followed one by one, and so are references first seen on a later page; the
 * result reports the round trips it really took.
 */
import type * as fhir from 'fhir/r4';
import type { FhirGateway, FhirRequest } from './gateway.ts';
import { WithheldRecords, type IncompleteSearch } from './incomplete-records.ts';
import { planSearches, provenanceSearches, referenceSearches, roleSearches, type PlanSearch } from './plan-searches.ts';
import { readAll, type ReadOutcome, type Reader } from './read-all.ts';
import { RecordSet } from './record-set.ts';
import { RoundTripCounter } from './round-trip-counter.ts';
import { nextLink, remainingPages } from './search-paging.ts';
import type { ServerTraits } from './server-traits.ts';

export interface LoadPlanRecordsOptions {
  /**
   * `_count` per page. Default 500: large pages keep requests few, but Medplum (and so the sandbox) refuses a
   * search whose matches plus includes exceed 1000, and other servers cap pages at 500 or 1000.
   */
  readonly pageSize?: number;
  /** Pages per search, the first included, before the rest is reported incomplete. Default 100. */
  readonly maxPagesPerSearch?: number;
  /** GETs per batch Bundle. Default 100. */
  readonly maxBatchEntries?: number;
  /** Ask for `_total=accurate` so that offset pages can be computed. Default true. */
  readonly requestTotal?: boolean;
  /**
   * DocumentReference elements to load, or `all` (the default). NOTE_METADATA_ELEMENTS loads notes without their
   * attachments, for lists; records loaded so are SUBSETTED and must not be saved back (planToFhir would write
   * them without the elements left out), so whatever saves uses the default.
   */
  readonly documentElements?: readonly string[] | 'all';
  /** Referenced types to fetch when no include brought them. */
  readonly referencedTypes?: readonly string[];
}

export const DEFAULT_REFERENCED_TYPES: readonly string[] = [
  'Practitioner',
  'PractitionerRole',
  'Location',
  'RelatedPerson',
  'CareTeam',
];

/**
 * A search (or page, or lookup) that did not load, or that the server answered with records left out: the plan
 * is shown, marked "may be incomplete".
 */
export type { IncompleteSearch };

export interface PlanRecords {
  /** One per type and id, the newest version seen. */
  readonly resources: fhir.FhirResource[];
  /** Sequential round trips this load took. */
  readonly roundTrips: number;
  /** HTTP requests it sent. */
  readonly requests: number;
  readonly incomplete: IncompleteSearch[];
}

/**
 * Throws a FhirError only when nothing useful can come back: the server is unreachable, the token was refused
 * (401), or a response cannot be read. Searches the server refuses on their own are reported in `incomplete`.
 */
export async function loadPlanRecords(
  gateway: FhirGateway,
  patientId: string,
  traits: ServerTraits,
  options: LoadPlanRecordsOptions = {}
): Promise<PlanRecords> {
  const pageSize = options.pageSize ?? 500;
  const maxPages = options.maxPagesPerSearch ?? 100;
  const referencedTypes = options.referencedTypes ?? DEFAULT_REFERENCED_TYPES;
  const counter = new RoundTripCounter();
  const reader: Reader = {
    send: <T>(request: FhirRequest) => counter.track(() => gateway.request<T>(request)),
    baseUrl: gateway.baseUrl,
    batch: traits.batch === 'yes',
    maxBatchEntries: options.maxBatchEntries ?? 100,
  };
  const records = new RecordSet();
  const incomplete: IncompleteSearch[] = [];
  const attempted = new Set<string>();
  const withheld = new WithheldRecords();

  /** Adds a page's resources; undefined (and reported) when the page did not load. */
  function takePage(search: PlanSearch, outcome: ReadOutcome | undefined): fhir.Bundle | undefined {
    if (outcome === undefined || !outcome.ok) {
      incomplete.push({
        search: search.label,
        reason: outcome?.reason ?? 'No answer.',
        ...(outcome?.status ? { status: outcome.status } : {}),
        ...(outcome?.outcome ? { outcome: outcome.outcome } : {}),
      });
      return undefined;
    }
    const body = outcome.body as Partial<fhir.Bundle | fhir.FhirResource> | undefined;
    if (body?.resourceType === 'Bundle') {
      records.addPage(body as fhir.Bundle);
      withheld.see(search.resourceType, search.url, body as fhir.Bundle);
      return body as fhir.Bundle;
    }
    if (body?.resourceType === search.resourceType) {
      records.add(body as fhir.FhirResource); // a lookup by read
      return undefined;
    }
    incomplete.push({ search: search.label, reason: `${search.url} did not return a Bundle.` });
    return undefined;
  }

  async function run(searches: readonly PlanSearch[]): Promise<(fhir.Bundle | undefined)[]> {
    const outcomes = await readAll(
      reader,
      searches.map((search) => search.url)
    );
    return searches.map((search, index) => takePage(search, outcomes[index]));
  }

  /** An opaque `next` chain: one round trip per page, reported as such. */
  async function follow(search: PlanSearch, next: string, pagesSoFar: number): Promise<void> {
    let url: string | undefined = next;
    for (let pages = pagesSoFar; url !== undefined; pages += 1) {
      if (pages >= maxPages) {
        incomplete.push({ search: search.label, reason: `Stopped after ${maxPages} pages.` });
        return;
      }
      const [page] = await run([{ ...search, url }]);
      url = page === undefined ? undefined : nextLink(page);
    }
  }

  /** Lookups for what the loaded resources point at but no include brought, each asked for once. */
  function followUps(provenanceIncluded: boolean, roles: boolean): PlanSearch[] {
    const missing = records.missingReferences(referencedTypes, gateway.baseUrl).filter((ref) => !attempted.has(ref));
    const plans = provenanceIncluded
      ? []
      : records
          .ofType<fhir.CarePlan>('CarePlan')
          .map((plan) => plan.id ?? '')
          .filter((id) => !attempted.has(`provenance:${id}`));
    // Roles only for clinicians known after the first round trip: a role is worth no round trip of its own.
    const clinicians = (roles ? records.ofType<fhir.Practitioner>('Practitioner') : [])
      .map((practitioner) => practitioner.id ?? '')
      .filter((id) => id !== '' && !attempted.has(`roles:${id}`));
    [...missing, ...plans.map((id) => `provenance:${id}`), ...clinicians.map((id) => `roles:${id}`)].forEach((key) =>
      attempted.add(key)
    );
    return [
      ...referenceSearches(missing, traits),
      ...provenanceSearches(plans, traits, pageSize),
      ...roleSearches(clinicians, traits, pageSize),
    ];
  }

  /** Lookups are sized to fit one page; a server that pages them anyway leaves the rest unread. */
  function reportUnpaged(searches: readonly PlanSearch[], answers: readonly (fhir.Bundle | undefined)[]): void {
    searches.forEach((search, index) => {
      const answer = answers[index];
      if (answer !== undefined && nextLink(answer) !== undefined) {
        incomplete.push({ search: search.label, reason: `Only the first page of ${search.url} was read.` });
      }
    });
  }

  // Round trip 1: the first page of every search.
  const planned = planSearches(patientId, traits, {
    pageSize,
    requestTotal: options.requestTotal ?? true,
    documentElements: options.documentElements ?? 'all',
  });
  for (const resourceType of planned.unsearchable) {
    incomplete.push({ search: resourceType, reason: `The server does not offer searching ${resourceType}.` });
  }
  const firstPages = await run(planned.searches);

  // Round trip 2: every remaining page whose URL can be computed, and the follow-ups, at once; opaque chains
  // start at the same time.
  const pages: PlanSearch[] = [];
  const chains: Promise<void>[] = [];
  planned.searches.forEach((search, index) => {
    const first = firstPages[index];
    const rest = first === undefined ? { kind: 'none' as const } : remainingPages(first, maxPages - 1);
    switch (rest.kind) {
      case 'none':
        break;
      case 'offsets':
        pages.push(...rest.urls.map((url) => ({ ...search, url })));
        if (rest.truncated) {
          incomplete.push({ search: search.label, reason: `Stopped after ${maxPages} pages.` });
        }
        break;
      case 'opaque':
        chains.push(follow(search, rest.next, 1));
        break;
    }
  });
  const lookups = followUps(planned.provenanceIncluded, true);
  const [answers] = await Promise.all([run([...pages, ...lookups]), ...chains]);
  reportUnpaged(lookups, answers.slice(pages.length));

  // Only when later pages pointed at people or plans not yet seen: one more round trip, counted.
  const late = followUps(planned.provenanceIncluded, false);
  if (late.length > 0) {
    reportUnpaged(late, await run(late));
  }
  incomplete.push(...withheld.report(traits.filtersSensitiveRecords === true));
  return { resources: records.all(), ...counter.count, incomplete };
}
