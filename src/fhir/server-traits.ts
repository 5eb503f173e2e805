/**
 * What a FHIR server can do, as plain data read from its CapabilityStatement: batch and transaction, which
 * interactions each type supports, conditional create, `_include` / `_revinclude`, and the status a stale
 * `If-Match` gets. Pure: no IO. Plain records (not classes or Maps) so a table of known vendor rules can later be
 * merged over them as data (issue 5 §1).
 * @see https://hl7.org/fhir/R4/capabilitystatement.html
 */
import type * as fhir from 'fhir/r4';
import type { SearchParams } from './gateway.ts';

/** `unknown` when the server published no CapabilityStatement, or one that does not say. */
export type Support = 'yes' | 'no' | 'unknown';

/** The statuses R4 allows for a version conflict: 409 Conflict or 412 Precondition Failed. */
export type ConflictStatus = 409 | 412;

/** R4 TypeRestfulInteraction codes. */
export type TypeInteraction =
  'read' | 'vread' | 'update' | 'patch' | 'delete' | 'history-instance' | 'history-type' | 'create' | 'search-type';

export interface TypeTraits {
  readonly interactions: readonly TypeInteraction[];
  readonly conditionalCreate: boolean;
  /** `versioned-update`: the server checks `If-Match` on updates. */
  readonly versionedUpdate: boolean;
  /** `_include` values, e.g. `Encounter:location`; `*` means any. */
  readonly searchInclude: readonly string[];
  /** `_revinclude` values, e.g. `Provenance:target`; `*` means any. */
  readonly searchRevInclude: readonly string[];
  /** Search parameter names the statement lists for the type (may omit common ones such as `_id`). */
  readonly searchParams: readonly string[];
}

export interface ServerTraits {
  /** Where these traits came from; a vendor-rules table adds its own name when it merges in. */
  readonly sources: readonly string[];
  readonly batch: Support;
  readonly transaction: Support;
  /** Per resource type; undefined when the statement lists no resources (support unknown, so assumed). */
  readonly types: Readonly<Record<string, TypeTraits>> | undefined;
  /**
   * Which conflict statuses to treat as "someone else changed it". A CapabilityStatement cannot say, so both;
   * a vendor rule may narrow it (Oracle Health 409, Medplum 412: DESIGN.md §3).
   */
  readonly conflictStatuses: readonly ConflictStatus[];
  /**
   * Parameters a server insists on per type (Epic's CarePlan `category`): each element is one search variant,
   * run in addition to `patient`. Empty from a CapabilityStatement; filled by vendor rules.
   */
  readonly requiredSearchParams: Readonly<Record<string, readonly SearchParams[]>>;
  /**
   * The server is known to leave out records it treats as sensitive (mental-health, substance use) without a
   * sign in the answer: an empty search then reads "may be incomplete", not "none". Set by vendor rules.
   */
  readonly filtersSensitiveRecords?: boolean;
}

const INTERACTIONS: ReadonlySet<string> = new Set<TypeInteraction>([
  'read',
  'vread',
  'update',
  'patch',
  'delete',
  'history-instance',
  'history-type',
  'create',
  'search-type',
]);

/** Traits when nothing is known: every answer is `unknown`, so callers pick the approach that works anywhere. */
export const UNKNOWN_SERVER_TRAITS: ServerTraits = {
  sources: [],
  batch: 'unknown',
  transaction: 'unknown',
  types: undefined,
  conflictStatuses: [409, 412],
  requiredSearchParams: {},
};

/** Reads the `server` rest entry of a CapabilityStatement; undefined gives UNKNOWN_SERVER_TRAITS. */
export function serverTraits(statement: fhir.CapabilityStatement | undefined): ServerTraits {
  const rest = statement?.rest?.find((entry) => entry.mode === 'server');
  if (!rest) {
    return UNKNOWN_SERVER_TRAITS;
  }
  const system = new Set((rest.interaction ?? []).map((interaction) => interaction.code));
  return {
    ...UNKNOWN_SERVER_TRAITS,
    sources: ['CapabilityStatement'],
    // A statement that lists system interactions and leaves one out says the server does not offer it.
    batch: system.has('batch') ? 'yes' : 'no',
    transaction: system.has('transaction') ? 'yes' : 'no',
    types: rest.resource ? Object.fromEntries(rest.resource.map((r) => [r.type, typeTraits(r)])) : undefined,
  };
}

function typeTraits(resource: fhir.CapabilityStatementRestResource): TypeTraits {
  return {
    interactions: (resource.interaction ?? [])
      .map((interaction) => interaction.code)
      .filter((code): code is TypeInteraction => INTERACTIONS.has(code)),
    conditionalCreate: resource.conditionalCreate === true,
    versionedUpdate: resource.versioning === 'versioned-update',
    searchInclude: resource.searchInclude ?? [],
    searchRevInclude: resource.searchRevInclude ?? [],
    searchParams: (resource.searchParam ?? []).map((param) => param.name),
  };
}

/** Whether the server supports an interaction on a type. */
export function supports(traits: ServerTraits, resourceType: string, interaction: TypeInteraction): Support {
  if (traits.types === undefined) {
    return 'unknown';
  }
  return traits.types[resourceType]?.interactions.includes(interaction) ? 'yes' : 'no';
}

/**
 * The `_include` values to send for `Type:param`: the value itself when advertised (or `*` is), or the
 * target-typed variants (`Type:param:Practitioner`) the statement lists instead. Empty when not supported or
 * unknown: an unsupported `_include` can fail the whole search (R4 search.html#errors), and references that
 * were not included are fetched afterwards anyway.
 */
export function includeValues(traits: ServerTraits, include: string): string[] {
  const resourceType = include.split(':')[0] ?? '';
  return advertised(traits.types?.[resourceType]?.searchInclude ?? [], include);
}

/** The `_revinclude` values to send on a search of `resourceType`, e.g. `Provenance:target` on CarePlan. */
export function revIncludeValues(traits: ServerTraits, resourceType: string, revInclude: string): string[] {
  return advertised(traits.types?.[resourceType]?.searchRevInclude ?? [], revInclude);
}

function advertised(values: readonly string[], wanted: string): string[] {
  if (values.includes(wanted) || values.includes('*')) {
    return [wanted];
  }
  return values.filter((value) => value.startsWith(`${wanted}:`));
}

/**
 * Whether a search on the type can filter by `_id` (to fetch several referenced resources in one request).
 * Common parameters are often left out of statements, so only a type whose list is empty counts as unknown.
 */
export function canSearchById(traits: ServerTraits, resourceType: string): boolean {
  if (supports(traits, resourceType, 'search-type') === 'no') {
    return false;
  }
  const params = traits.types?.[resourceType]?.searchParams ?? [];
  return params.length === 0 || params.includes('_id');
}
