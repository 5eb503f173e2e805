/**
 * How the sandbox EHR behaves, as data: which interactions each resource type offers, whether bundles run, what
 * a version conflict and a create answer, which search parameters a server insists on, which `_include`s it
 * follows, and what its SMART authorization server advertises and grants. The FHIR service, the
 * CapabilityStatement and the authorization server all read one of these tables, so the sandbox can behave like
 * an open server (the default), like Epic, like Oracle Health or like Medplum without a branch on a vendor name.
 * The tables themselves are in open-rules.ts and vendor-rules.ts.
 * @see https://hl7.org/fhir/R4/capabilitystatement.html
 */
import type { ResourceInteraction } from '../fhir/access.ts';
import type { ServedResourceType } from '../fhir/served-types.ts';

export const BEHAVIOURS = ['open', 'epic', 'oracle', 'medplum'] as const;

export type Behaviour = (typeof BEHAVIOURS)[number];

export function isBehaviour(value: string | undefined): value is Behaviour {
  return (BEHAVIOURS as readonly (string | undefined)[]).includes(value);
}

/** What a resource must carry to be created or updated (else 422 Unprocessable Entity, R4 http.html#create). */
export interface ContentRules {
  /** One of these codes must be among the resource's `category` codings (any system). */
  readonly categories?: readonly string[];
  /** DocumentReference: every `content.attachment.contentType` (without parameters) must be one of these. */
  readonly contentTypes?: readonly string[];
}

/** What a search of a type must carry; a search without it is refused with 400 and an OperationOutcome. */
export interface SearchRules {
  /** Alternatives: the search must carry every parameter of at least one of them. */
  readonly requireOneOf: readonly (readonly string[])[];
  /** Values accepted for a parameter, as codes (a `system|code` token is compared by its code). */
  readonly acceptedValues?: Readonly<Record<string, readonly string[]>>;
}

export interface TypeRules {
  readonly interactions: readonly ResourceInteraction[];
  readonly content?: ContentRules;
  readonly search?: SearchRules;
  /** Top-level elements the server never returns (e.g. Oracle Health's CarePlan.activity). */
  readonly omits?: readonly string[];
}

/** Which `_include` or `_revinclude` values a server follows: all it can, or only these (`Provenance:target`). */
export type IncludeSupport = 'any' | readonly string[];

/** How the authorization server advertises and narrows scopes (SMART App Launch 2.1 conformance). */
export interface SmartRules {
  /** Resource scopes on `*` are granted (narrowed to the offered interactions) rather than dropped. */
  readonly wildcardScopes: boolean;
  /** Which refresh scopes are understood: `offline_access` and `online_access`, only `online_access`, or none. */
  readonly refresh: 'offline-and-online' | 'online' | 'none';
  /** Write permissions on types whose writes are not offered are dropped from the grant (silently). */
  readonly trimToInteractions: boolean;
}

export interface BehaviourRules {
  readonly name: Behaviour;
  /** For the home page and the CapabilityStatement: "Epic-like", ... */
  readonly title: string;
  /** One sentence on what differs from an open server. */
  readonly summary: string;
  /** Per served type; types not listed get `otherTypes`. */
  readonly types: Readonly<Partial<Record<ServedResourceType, TypeRules>>>;
  readonly otherTypes: TypeRules;
  /** The answer to an interaction the server does not offer (a create of a read-only type, a Bundle POST). */
  readonly refusal: { readonly status: 403 | 405; readonly code: 'forbidden' | 'not-supported' };
  readonly batch: boolean;
  /** `atomic`: all or nothing; `as-batch`: accepted but each entry stands alone; `none`: refused. */
  readonly transaction: 'atomic' | 'as-batch' | 'none';
  /** The status of an update whose `If-Match` names a version that is no longer current. */
  readonly conflictStatus: 409 | 412;
  /** An update without `If-Match` is refused with 412. */
  readonly updateNeedsIfMatch: boolean;
  /** `empty`: a 201 carries only headers (Location, ETag), whatever `Prefer` asks. */
  readonly createResponse: 'representation' | 'empty';
  /** Conditional create, update, patch and delete; when false `If-None-Exist` is ignored and the others refused. */
  readonly conditional: boolean;
  /** A PUT to an id that does not exist creates it (R4 update-as-create). */
  readonly updateCreate: boolean;
  readonly includes: IncludeSupport;
  readonly revIncludes: IncludeSupport;
  readonly smart: SmartRules;
}

export function typeRules(rules: BehaviourRules, resourceType: ServedResourceType): TypeRules {
  return rules.types[resourceType] ?? rules.otherTypes;
}

export function offers(
  rules: BehaviourRules,
  resourceType: ServedResourceType,
  interaction: ResourceInteraction
): boolean {
  return typeRules(rules, resourceType).interactions.includes(interaction);
}

export function followsInclude(support: IncludeSupport, value: string): boolean {
  return support === 'any' || support.includes(value);
}
