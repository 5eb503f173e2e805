/**
 * Epic and Oracle Health (Cerner Millennium) as an app meets them through their public R4 APIs: plan resources
 * (CarePlan, Goal, Consent, ServiceRequest, Provenance) can be read but not written, there are no batch or
 * transaction Bundles, some searches need parameters an open server does not ask for, and Oracle answers creates
 * with an empty 201 and stale versions with 409. Where a fact comes from a document it is named beside it;
 * "(verify)" marks a choice the documents did not settle, to be checked against a live `/metadata` and sandbox.
 * Sources: ../shared/DESIGN.md §3 (the table of server behaviours) and the pages cited below.
 */
import type { ResourceInteraction } from '../fhir/access.ts';
import type { BehaviourRules, TypeRules } from './behaviour-rules.ts';
import { OPEN_RULES } from './open-rules.ts';

const READ_ONLY: readonly ResourceInteraction[] = ['read', 'search-type'];
const READ_CREATE: readonly ResourceInteraction[] = ['read', 'search-type', 'create'];

/** A CarePlan or Condition search without `_id` must name a category (DESIGN.md §3). */
const BY_CATEGORY = [['_id'], ['category']] as const;

/**
 * Epic: CarePlan, Goal, Consent, ServiceRequest and Provenance have read and search APIs only (DESIGN.md §3);
 * Condition and DocumentReference (clinical notes) have create APIs; Observation create exists for some kinds.
 * - CarePlan search needs `category`: open.epic.com (CarePlan) says only the longitudinal plan is returned by
 *   default and encounter-level plans must be asked for; apps call Epic with `category=38717003` (longitudinal)
 *   and `assess-plan` returns the longitudinal plan too; 734163000 for encounter-level plans is (verify).
 * - An interaction an app cannot register is refused with 403 and an OperationOutcome (verify: Epic gates every
 *   interaction by the APIs registered for the app, and no CarePlan/Goal/Consent create API exists).
 * - `_include` is limited (DESIGN.md §3): none followed here; `_revinclude=Provenance:target` is (US Core).
 * - Browser apps usually get no refresh token: the app relaunches (DESIGN.md §3), so no refresh scopes.
 */
export const EPIC_CARE_PLAN_CATEGORIES = {
  longitudinal: '38717003',
  encounterLevel: '734163000',
  outpatient: '736271009',
  assessPlan: 'assess-plan',
} as const;

const EPIC_TYPES: BehaviourRules['types'] = {
  CarePlan: {
    interactions: READ_ONLY,
    search: { requireOneOf: BY_CATEGORY, acceptedValues: { category: Object.values(EPIC_CARE_PLAN_CATEGORIES) } },
  },
  Condition: {
    interactions: READ_CREATE,
    // Problem list, encounter diagnosis and health concern create APIs (registered kinds, DESIGN.md §3; verify).
    content: { categories: ['problem-list-item', 'encounter-diagnosis', 'health-concern'] },
    search: { requireOneOf: BY_CATEGORY },
  },
  DocumentReference: { interactions: READ_CREATE },
  // "Epic allows some Observation creates" (DESIGN.md §3): flowsheet-backed vital signs and scores (verify).
  Observation: { interactions: READ_CREATE, content: { categories: ['vital-signs', 'survey'] } },
};

export const EPIC_RULES: BehaviourRules = {
  ...OPEN_RULES,
  name: 'epic',
  title: 'Epic-like',
  summary:
    'Plan resources are read-only (403); Condition, DocumentReference and some Observation creates only; ' +
    'no batch or transaction; CarePlan and Condition searches need a category.',
  types: EPIC_TYPES,
  otherTypes: { interactions: READ_ONLY },
  refusal: { status: 403, code: 'forbidden' },
  batch: false,
  transaction: 'none',
  // Nothing can be updated, so a conflict cannot happen; 409 is what HAPI-style servers answer.
  conflictStatus: 409,
  conditional: false,
  updateCreate: false,
  includes: [],
  revIncludes: ['Provenance:target'],
  smart: { wildcardScopes: true, refresh: 'none', trimToInteractions: true },
};

/**
 * Oracle Health (Millennium R4), from docs.oracle.com/en/industries/health/millennium-platform-apis/mfrap/:
 * - CarePlan search (op-careplan-get): `category` is required unless `_id` is given and only `assess-plan` is
 *   supported; `activity` is not returned (not even of the migrated example plans; Oracle's own seeded plans
 *   have none); `_revinclude=Provenance:target` works.
 * - Condition create (op-condition-post): only the `problem-list-item` and `encounter-diagnosis` categories.
 * - DocumentReference create (op-documentreference-post): application/pdf, text/plain, text/richtext,
 *   text/rtf, text/html, application/xml and application/xhtml+xml; updates take `If-Match`.
 * - A stale `If-Match` gets 409 Conflict and a missing one 412 (Oracle's answer on its developer forum, "If the
 *   resource has been updated since you read it by someone else, you'll get a 409/conflict").
 * - A create answers 201 with an empty body and a Location header (DESIGN.md §3; R4 http.html#create makes the
 *   body optional and the Location header mandatory).
 * - An interaction the API does not have is refused with 405 (verify).
 * - Wildcard scopes are rejected and scopes are trimmed silently to what was registered; browser apps get
 *   `online_access` (DESIGN.md §3).
 */
const ORACLE_TYPES: BehaviourRules['types'] = {
  CarePlan: {
    interactions: READ_ONLY,
    search: { requireOneOf: BY_CATEGORY, acceptedValues: { category: ['assess-plan'] } },
    omits: ['activity'],
  },
  Condition: { interactions: READ_CREATE, content: { categories: ['problem-list-item', 'encounter-diagnosis'] } },
  DocumentReference: {
    interactions: ['read', 'search-type', 'create', 'update'],
    content: {
      contentTypes: [
        'application/pdf',
        'text/plain',
        'text/richtext',
        'text/rtf',
        'text/html',
        'application/xml',
        'application/xhtml+xml',
      ],
    },
  },
};

export const ORACLE_RULES: BehaviourRules = {
  ...OPEN_RULES,
  name: 'oracle',
  title: 'Oracle Health-like',
  summary:
    'Plan resources are read-only (405); Condition and DocumentReference creates answer 201 with an empty body; ' +
    'no batch or transaction; 409 on a stale version; CarePlan searches need category=assess-plan.',
  types: ORACLE_TYPES,
  otherTypes: { interactions: READ_ONLY } satisfies TypeRules,
  refusal: { status: 405, code: 'not-supported' },
  batch: false,
  transaction: 'none',
  conflictStatus: 409,
  updateNeedsIfMatch: true,
  createResponse: 'empty',
  conditional: false,
  updateCreate: false,
  includes: [],
  revIncludes: ['Provenance:target'],
  smart: { wildcardScopes: false, refresh: 'online', trimToInteractions: true },
};
