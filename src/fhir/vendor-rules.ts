/**
 * What known FHIR servers do that their CapabilityStatement does not say (issue 5 §1, DESIGN.md §3), kept as data:
 * each rule is recognised by what the server says about itself (its CapabilityStatement's publisher, software and
 * implementation), never by its URL, and only adds or narrows facts. `server-profile.ts` merges the matching rule
 * over the statement.
 * @see https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.software
 */
import type * as fhir from 'fhir/r4';
import type { SearchParams } from './gateway.ts';
import type { ConflictStatus } from './server-traits.ts';

/** The elements of a CapabilityStatement in which a server names itself. */
export type IdentityField = 'publisher' | 'software.name' | 'implementation.description' | 'name' | 'title';

export interface IdentityMatch {
  readonly field: IdentityField;
  /** A regular expression (source text), matched case-insensitively. */
  readonly pattern: string;
}

/** How a server runs a transaction Bundle: all or nothing, entry by entry (like a batch), or not at all. */
export type TransactionRun = 'atomic' | 'as-batch' | 'none';

export interface VendorRule {
  /** The vendor's name as clinicians know it: "Epic", "Oracle Health". */
  readonly name: string;
  /** The rule applies when any of these matches. */
  readonly matches: readonly IdentityMatch[];
  /** Where the facts come from, said when a fact decides something. */
  readonly source: string;
  /** Types the vendor's public API lets no app create or update, whatever the statement lists. */
  readonly readOnlyTypes?: readonly string[];
  readonly transaction?: TransactionRun;
  readonly batch?: boolean;
  readonly conditionalCreate?: boolean;
  /** The status a stale `If-Match` gets. */
  readonly conflictStatuses?: readonly ConflictStatus[];
  /** False: a 201 carries only `Location` (and `ETag`), so the created resource is read back. */
  readonly createReturnsBody?: boolean;
  /** Per type, the search variants the server insists on (each one is run in addition to `patient`). */
  readonly requiredSearchParams?: Readonly<Record<string, readonly SearchParams[]>>;
  /** `_include` values the server follows (empty: none); absent: as the statement says. */
  readonly includes?: readonly string[];
  /** `_revinclude` values the server follows; absent: as the statement says. */
  readonly revIncludes?: readonly string[];
  /**
   * The server leaves out records it treats as sensitive (behavioural health, substance use, restricted
   * encounters) by its own configuration, without saying so in the answer: an empty search is not proof of none.
   */
  readonly filtersSensitiveRecords?: boolean;
}

/** CarePlan, Goal, Consent, ServiceRequest and Provenance: read and search only on Epic and Oracle Health. */
const PLAN_RESOURCES_READ_ONLY = ['CarePlan', 'Goal', 'Consent', 'ServiceRequest', 'Provenance'];

/** Epic's CarePlan categories: longitudinal (the default), encounter-level, and US Core `assess-plan`. */
const EPIC_CARE_PLAN_SEARCHES: readonly SearchParams[] = [
  { category: '38717003' },
  { category: '734163000' },
  { category: 'assess-plan' },
];

const CONDITION_CATEGORY_SEARCHES: readonly SearchParams[] = [
  { category: 'problem-list-item' },
  { category: 'encounter-diagnosis' },
  { category: 'health-concern' },
];

export const VENDOR_RULES: readonly VendorRule[] = [
  {
    name: 'Epic',
    matches: [
      { field: 'publisher', pattern: '^Epic\\b' },
      { field: 'software.name', pattern: '^Epic\\b' },
      { field: 'implementation.description', pattern: '\\bEpic\\b' },
    ],
    source: 'the known rules for Epic',
    readOnlyTypes: PLAN_RESOURCES_READ_ONLY,
    transaction: 'none',
    batch: false,
    conditionalCreate: false,
    createReturnsBody: true,
    requiredSearchParams: { CarePlan: EPIC_CARE_PLAN_SEARCHES, Condition: CONDITION_CATEGORY_SEARCHES },
    includes: [],
    revIncludes: ['Provenance:target'],
    // Organisations mark notes, encounters and problems sensitive, and the APIs leave them out (verify per site).
    filtersSensitiveRecords: true,
  },
  {
    name: 'Oracle Health',
    matches: [
      { field: 'publisher', pattern: '\\b(Oracle Health|Cerner)\\b' },
      { field: 'software.name', pattern: '\\b(Oracle Health|Cerner|Millennium)\\b' },
      { field: 'implementation.description', pattern: '\\b(Oracle Health|Cerner|Millennium)\\b' },
    ],
    source: 'the known rules for Oracle Health',
    readOnlyTypes: PLAN_RESOURCES_READ_ONLY,
    transaction: 'none',
    batch: false,
    conditionalCreate: false,
    conflictStatuses: [409],
    createReturnsBody: false,
    requiredSearchParams: { CarePlan: [{ category: 'assess-plan' }] },
    includes: [],
    revIncludes: ['Provenance:target'],
    // Confidentiality levels in Millennium keep restricted records from apps (verify per site).
    filtersSensitiveRecords: true,
  },
  {
    name: 'Medplum',
    matches: [
      { field: 'publisher', pattern: '^Medplum\\b' },
      { field: 'software.name', pattern: '^Medplum\\b' },
      { field: 'implementation.description', pattern: '\\bMedplum\\b' },
    ],
    source: 'the known rules for Medplum',
    // A Medplum project runs transaction Bundles as batches unless its `transactions` setting is on, and the
    // CapabilityStatement does not say which: only a statement that calls them atomic is believed.
    transaction: 'as-batch',
    conflictStatuses: [412],
    createReturnsBody: true,
  },
  {
    name: 'HAPI FHIR',
    matches: [
      { field: 'software.name', pattern: '^HAPI FHIR\\b' },
      { field: 'implementation.description', pattern: '\\bHAPI FHIR\\b' },
    ],
    source: 'the known rules for HAPI FHIR',
    transaction: 'atomic',
    conflictStatuses: [409],
    createReturnsBody: true,
  },
];

function identityText(statement: fhir.CapabilityStatement, field: IdentityField): string | undefined {
  switch (field) {
    case 'publisher':
      return statement.publisher;
    case 'software.name':
      return statement.software?.name;
    case 'implementation.description':
      return statement.implementation?.description;
    case 'name':
      return statement.name;
    case 'title':
      return statement.title;
  }
}

/** The first rule whose identity matches what the statement says about the server; undefined for none. */
export function matchingVendorRule(
  statement: fhir.CapabilityStatement | undefined,
  rules: readonly VendorRule[] = VENDOR_RULES
): VendorRule | undefined {
  if (statement === undefined) return undefined;
  return rules.find((rule) =>
    rule.matches.some(({ field, pattern }) => {
      const text = identityText(statement, field);
      return text !== undefined && new RegExp(pattern, 'i').test(text);
    })
  );
}
