/**
 * What the app may do with each plan resource on this server, for this session: the CapabilityStatement says what
 * the server supports, the granted scope says what the user allowed (v1 or v2 syntax, possibly narrower than
 * requested and possibly constrained to a query such as `?category=...`). Pure: no IO.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html#scopes-for-requesting-fhir-resources
 * @see https://hl7.org/fhir/R4/capabilitystatement-definitions.html#CapabilityStatement.rest.resource.interaction
 */
import type * as fhir from 'fhir/r4';
import { PLAN_RESOURCE_TYPES, type PlanResourceType } from './scope-request.ts';
import { grants, parseScopes, type Permission, type ScopeSet } from './scopes.ts';
import type { SmartConfiguration } from './smart-configuration.ts';

export type PlanInteraction = 'read' | 'create' | 'update';

export const PLAN_INTERACTIONS: readonly PlanInteraction[] = ['read', 'create', 'update'];

export type CapabilityReason =
  /** An open server: no authorization, so no scope is needed. */
  | { readonly kind: 'open-server' }
  /** No CapabilityStatement (or no resource list in it): server support is assumed. */
  | { readonly kind: 'server-support-unknown' }
  /** The CapabilityStatement does not list the resource type at all. */
  | { readonly kind: 'server-lacks-resource' }
  /** The CapabilityStatement lists the type without these interactions. */
  | { readonly kind: 'server-lacks-interaction'; readonly interactions: readonly string[] }
  /** The granted scope lacks these scopes (written in the server's syntax). */
  | { readonly kind: 'scope-not-granted'; readonly needed: readonly string[] }
  /** The token response did not say which scopes were granted. */
  | { readonly kind: 'scope-not-reported' }
  /** Granted only for resources matching these queries. */
  | { readonly kind: 'scope-constrained'; readonly constraints: readonly string[] };

export interface CapabilityCell {
  readonly allowed: 'yes' | 'no' | 'partly';
  /** For `no`: every reason why not. For `yes` and `partly`: the limits or assumptions that apply. */
  readonly reasons: readonly CapabilityReason[];
}

export type ResourceCapability = { readonly resourceType: PlanResourceType } & Readonly<
  Record<PlanInteraction, CapabilityCell>
>;

export interface CapabilityInput {
  /** The server's SMART configuration; undefined for an open server (no authorization at all). */
  readonly smartConfiguration: SmartConfiguration | undefined;
  readonly capabilityStatement: fhir.CapabilityStatement | undefined;
  /** The `scope` of the token response; undefined when the server did not send one. */
  readonly grantedScope: string | undefined;
}

/** The FHIR interactions and the scope permissions each column needs. Reading a plan means searching, then reading. */
const NEEDS: Readonly<
  Record<PlanInteraction, { interactions: readonly string[]; permissions: readonly Permission[] }>
> = {
  read: { interactions: ['read', 'search-type'], permissions: ['r', 's'] },
  create: { interactions: ['create'], permissions: ['c'] },
  update: { interactions: ['update'], permissions: ['u'] },
};

/** Scopes at these levels let a clinician act on the launch patient's record. */
const LEVELS = ['patient', 'user'] as const;

export function planCapabilities(input: CapabilityInput): ResourceCapability[] {
  const scopes = input.grantedScope === undefined ? undefined : parseScopes(input.grantedScope);
  const syntax = input.smartConfiguration?.capabilities.includes('permission-v2') ? 'v2' : 'v1';
  const server = serverResources(input.capabilityStatement);
  return PLAN_RESOURCE_TYPES.map((resourceType) => {
    const cell = (interaction: PlanInteraction): CapabilityCell =>
      capabilityCell(
        resourceType,
        interaction,
        server,
        input.smartConfiguration === undefined ? 'open' : scopes,
        syntax
      );
    return { resourceType, read: cell('read'), create: cell('create'), update: cell('update') };
  });
}

/** Interactions per resource type, or undefined when the statement does not say (treated as unknown). */
function serverResources(statement: fhir.CapabilityStatement | undefined): Map<string, Set<string>> | undefined {
  const rest = statement?.rest?.find((entry) => entry.mode === 'server');
  if (!rest?.resource) {
    return undefined;
  }
  return new Map(
    rest.resource.map((resource) => [resource.type, new Set((resource.interaction ?? []).map((i) => i.code))])
  );
}

function capabilityCell(
  resourceType: string,
  interaction: PlanInteraction,
  server: Map<string, Set<string>> | undefined,
  scopes: ScopeSet | 'open' | undefined,
  syntax: 'v1' | 'v2'
): CapabilityCell {
  const { interactions, permissions } = NEEDS[interaction];
  const blockers: CapabilityReason[] = [];
  const limits: CapabilityReason[] = [];

  if (server === undefined) {
    limits.push({ kind: 'server-support-unknown' });
  } else {
    const supported = server.get(resourceType);
    if (supported === undefined) {
      blockers.push({ kind: 'server-lacks-resource' });
    } else {
      const missing = interactions.filter((code) => !supported.has(code));
      if (missing.length > 0) {
        blockers.push({ kind: 'server-lacks-interaction', interactions: missing });
      }
    }
  }

  if (scopes === 'open') {
    limits.push({ kind: 'open-server' });
  } else if (scopes === undefined) {
    blockers.push({ kind: 'scope-not-reported' });
  } else {
    const missing: Permission[] = [];
    const constraints = new Set<string>();
    for (const permission of permissions) {
      const grant = grants(scopes, resourceType, permission, LEVELS);
      if (!grant.granted) {
        missing.push(permission);
      }
      grant.constraints?.forEach((constraint) => constraints.add(constraint));
    }
    if (missing.length > 0) {
      blockers.push({ kind: 'scope-not-granted', needed: neededScopes(resourceType, missing, syntax) });
    } else if (constraints.size > 0) {
      limits.push({ kind: 'scope-constrained', constraints: [...constraints] });
    }
  }

  if (blockers.length > 0) {
    return { allowed: 'no', reasons: blockers };
  }
  return { allowed: limits.some((reason) => reason.kind === 'scope-constrained') ? 'partly' : 'yes', reasons: limits };
}

function neededScopes(resourceType: string, missing: readonly Permission[], syntax: 'v1' | 'v2'): string[] {
  if (syntax === 'v2') {
    return [`patient/${resourceType}.${missing.join('')}`];
  }
  const v1 = new Set(missing.map((permission) => (permission === 'r' || permission === 's' ? 'read' : 'write')));
  return [...v1].map((text) => `patient/${resourceType}.${text}`);
}

/** One short sentence for a table cell: what the app may do and, when it may not, why. */
export function explainCell(resourceType: string, interaction: PlanInteraction, cell: CapabilityCell): string {
  const parts = cell.reasons.map((reason) => reasonText(resourceType, interaction, reason));
  switch (cell.allowed) {
    case 'yes':
      return parts.length > 0 ? `Yes: ${parts.join('; ')}.` : 'Yes.';
    case 'partly':
      return `Partly: ${parts.join('; ')}.`;
    case 'no':
      return `No: ${parts.join('; ')}.`;
  }
}

/** One reason as a phrase, e.g. "the server does not support create for CarePlan". */
export function reasonText(resourceType: string, interaction: PlanInteraction, reason: CapabilityReason): string {
  switch (reason.kind) {
    case 'open-server':
      return 'open server, no scopes needed';
    case 'server-support-unknown':
      return 'assumed, the server did not publish what it supports';
    case 'server-lacks-resource':
      return `the server does not offer ${resourceType}`;
    case 'server-lacks-interaction':
      return `the server does not support ${reason.interactions.join(' and ')} for ${resourceType}`;
    case 'scope-not-granted':
      return `the ${interaction} permission was not granted (needs ${reason.needed.join(' ')})`;
    case 'scope-not-reported':
      return 'the server did not say which permissions it granted';
    case 'scope-constrained':
      return `only for records matching ${reason.constraints.map((c) => `?${c}`).join(' or ')}`;
  }
}
