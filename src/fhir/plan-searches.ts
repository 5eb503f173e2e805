/**
 * The searches that bring one client's plan records, shaped by what the server supports: every search is on
 * `patient`, pages are large, references to the people and places around the plan come along by `_include`
 * where advertised, and signatures (Provenance) by `_revinclude` on the CarePlans. Pure: no IO.
 * @see https://hl7.org/fhir/R4/search.html#include
 */
import type { SearchParams } from './gateway.ts';
import { canSearchById, includeValues, revIncludeValues, supports, type ServerTraits } from './server-traits.ts';

export interface PlanSearch {
  /** Names the search in reports: the type, plus any required parameters that split it into variants. */
  readonly label: string;
  readonly resourceType: string;
  /** The first page, relative to the FHIR base. */
  readonly url: string;
}

export interface PlanSearchOptions {
  /** `_count` of each page; servers cap it at their own maximum (the sandbox at 1000). */
  readonly pageSize: number;
  /** Ask for `_total=accurate`, so that the remaining pages can be requested all at once. */
  readonly requestTotal: boolean;
  /** `_elements` for DocumentReference, or `all`; see NOTE_METADATA_ELEMENTS. */
  readonly documentElements: readonly string[] | 'all';
}

/**
 * A note's metadata without `content`: attachments (PDFs of signed plans, scanned letters) can be megabytes of
 * base64 and are fetched when opened. Servers tag such results SUBSETTED (R4 search.html#elements), and a
 * subsetted resource must be read whole before it is updated.
 */
export const NOTE_METADATA_ELEMENTS: readonly string[] = [
  'identifier',
  'status',
  'docStatus',
  'type',
  'category',
  'subject',
  'date',
  'author',
  'authenticator',
  'custodian',
  'relatesTo',
  'description',
  'securityLabel',
  'context',
];

interface SearchSpec {
  readonly resourceType: string;
  /** `_include`s that bring practitioners, locations and related persons. */
  readonly includes: readonly string[];
  readonly revIncludes?: readonly string[];
}

/**
 * Everything a plan is read from. CarePlans are all loaded (older and replaced plans are listed); the reader
 * picks the mental-health ones. Observations are all loaded too: scores, strengths and social history do not
 * share one category across systems, and a category filter would silently drop the rest.
 */
const PLAN_SEARCHES: readonly SearchSpec[] = [
  { resourceType: 'CarePlan', includes: ['CarePlan:performer'], revIncludes: ['Provenance:target'] },
  { resourceType: 'Goal', includes: [] },
  { resourceType: 'Condition', includes: ['Condition:asserter'] },
  { resourceType: 'ServiceRequest', includes: ['ServiceRequest:performer', 'ServiceRequest:requester'] },
  { resourceType: 'Observation', includes: ['Observation:performer'] },
  { resourceType: 'Consent', includes: ['Consent:actor', 'Consent:consentor'] },
  { resourceType: 'DocumentReference', includes: ['DocumentReference:author'] },
  { resourceType: 'Encounter', includes: ['Encounter:participant', 'Encounter:location'] },
  { resourceType: 'Procedure', includes: ['Procedure:performer', 'Procedure:location'] },
  { resourceType: 'RelatedPerson', includes: [] },
];

export interface PlannedSearches {
  readonly searches: PlanSearch[];
  /** Types the server says it cannot search: their absence is reported, not hidden. */
  readonly unsearchable: string[];
  /** True when Provenance comes with the CarePlans; otherwise it is searched by target afterwards. */
  readonly provenanceIncluded: boolean;
}

export function planSearches(patientId: string, traits: ServerTraits, options: PlanSearchOptions): PlannedSearches {
  const searches: PlanSearch[] = [];
  const unsearchable: string[] = [];
  let provenanceIncluded = false;
  for (const spec of PLAN_SEARCHES) {
    if (supports(traits, spec.resourceType, 'search-type') === 'no') {
      unsearchable.push(spec.resourceType);
      continue;
    }
    const revIncludes = (spec.revIncludes ?? []).flatMap((value) => revIncludeValues(traits, spec.resourceType, value));
    provenanceIncluded ||= revIncludes.some((value) => value.startsWith('Provenance:'));
    const common: Record<string, string | readonly string[]> = {
      patient: patientId,
      _count: String(options.pageSize),
      ...(options.requestTotal ? { _total: 'accurate' } : {}),
      ...(spec.resourceType === 'DocumentReference' && options.documentElements !== 'all'
        ? { _elements: options.documentElements.join(',') }
        : {}),
      _include: spec.includes.flatMap((value) => includeValues(traits, value)),
      _revinclude: revIncludes,
    };
    for (const variant of traits.requiredSearchParams[spec.resourceType] ?? [{}]) {
      const label = Object.keys(variant).length === 0 ? spec.resourceType : searchUrl(spec.resourceType, variant);
      searches.push({
        label,
        resourceType: spec.resourceType,
        url: searchUrl(spec.resourceType, { ...common, ...variant }),
      });
    }
  }
  return { searches, unsearchable, provenanceIncluded };
}

/** Ids per `_id` search: keeps URLs well under the 2,000 characters some proxies allow. */
const IDS_PER_SEARCH = 40;

/**
 * Follow-up searches for references no `_include` brought: one `_id` search per type and chunk of ids where the
 * type can be searched by id, otherwise one read per resource (cheap inside a batch).
 */
export function referenceSearches(missing: readonly string[], traits: ServerTraits): PlanSearch[] {
  const idsByType = new Map<string, string[]>();
  for (const reference of missing) {
    const [type = '', id = ''] = reference.split('/');
    idsByType.set(type, [...(idsByType.get(type) ?? []), id]);
  }
  const out: PlanSearch[] = [];
  for (const [resourceType, ids] of idsByType) {
    if (!canSearchById(traits, resourceType)) {
      out.push(...ids.map((id) => ({ label: `${resourceType}/${id}`, resourceType, url: `${resourceType}/${id}` })));
      continue;
    }
    for (let start = 0; start < ids.length; start += IDS_PER_SEARCH) {
      const chunk = ids.slice(start, start + IDS_PER_SEARCH);
      out.push({
        label: `${resourceType} (referenced)`,
        resourceType,
        url: searchUrl(resourceType, { _id: chunk.join(','), _count: String(chunk.length) }),
      });
    }
  }
  return out;
}

/**
 * The roles (specialty, organisation) of the given practitioners: nothing in the plan points at a
 * PractitionerRole, the role points at its practitioner. Only where the server can search roles by practitioner.
 */
export function roleSearches(practitionerIds: readonly string[], traits: ServerTraits, pageSize: number): PlanSearch[] {
  const searchable = traits.types?.['PractitionerRole']?.searchParams.includes('practitioner') ?? true;
  if (practitionerIds.length === 0 || supports(traits, 'PractitionerRole', 'search-type') === 'no' || !searchable) {
    return [];
  }
  const out: PlanSearch[] = [];
  for (let start = 0; start < practitionerIds.length; start += IDS_PER_SEARCH) {
    const chunk = practitionerIds.slice(start, start + IDS_PER_SEARCH).map((id) => `Practitioner/${id}`);
    out.push({
      label: 'PractitionerRole (of the clinicians)',
      resourceType: 'PractitionerRole',
      url: searchUrl('PractitionerRole', { practitioner: chunk.join(','), _count: String(pageSize) }),
    });
  }
  return out;
}

/** Signatures of the given plans, for servers without `_revinclude=Provenance:target` on CarePlan. */
export function provenanceSearches(planIds: readonly string[], traits: ServerTraits, pageSize: number): PlanSearch[] {
  if (planIds.length === 0 || supports(traits, 'Provenance', 'search-type') === 'no') {
    return [];
  }
  const out: PlanSearch[] = [];
  for (let start = 0; start < planIds.length; start += IDS_PER_SEARCH) {
    const targets = planIds.slice(start, start + IDS_PER_SEARCH).map((id) => `CarePlan/${id}`);
    out.push({
      label: 'Provenance (of the plans)',
      resourceType: 'Provenance',
      url: searchUrl('Provenance', {
        target: targets.join(','),
        _count: String(pageSize),
        _include: includeValues(traits, 'Provenance:agent'),
      }),
    });
  }
  return out;
}

/** `Type?a=1&b=2&b=3`; an array repeats the parameter, an empty array leaves it out. */
export function searchUrl(resourceType: string, params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of typeof value === 'string' ? [value] : value) {
      query.append(name, one);
    }
  }
  const text = query.toString();
  return text ? `${resourceType}?${text}` : resourceType;
}
