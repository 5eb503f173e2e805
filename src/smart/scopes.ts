/**
 * SMART on FHIR scopes, v1 and v2 syntax, as pure functions shared by the app and the sandbox EHR.
 *
 * v1: `patient/CarePlan.read`, `user/Goal.write`, `patient/*.*`.
 * v2: `patient/CarePlan.rs`, `user/Goal.cu`, `patient/Observation.rs?category=survey`.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html
 */

/** SMART v2 permission letters, in the order the spec requires them to appear. */
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export const PERMISSION_ORDER: readonly Permission[] = ['c', 'r', 'u', 'd', 's'];

export type ScopeLevel = 'patient' | 'user' | 'system';

/** One clinical-data scope such as `patient/CarePlan.rs`, normalised to v2 permissions. */
export interface ResourceScope {
  readonly raw: string;
  readonly level: ScopeLevel;
  /** A resource type, or `*` for all. */
  readonly resourceType: string;
  readonly permissions: ReadonlySet<Permission>;
  /** A v2 query constraint such as `category=survey`: the grant covers only matching resources. */
  readonly constraint?: string;
  readonly syntax: 'v1' | 'v2';
}

export interface ScopeSet {
  readonly resourceScopes: readonly ResourceScope[];
  /** Scopes that are not resource scopes: `launch`, `openid`, `fhirUser`, `offline_access`, ... */
  readonly otherScopes: ReadonlySet<string>;
}

const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([^?\s]+)(?:\?(.+))?$/;
const V2_PERMISSIONS = /^c?r?u?d?s?$/;

const V1_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};

/** Parses one resource scope, or returns undefined when the text is not a resource scope. */
export function parseResourceScope(raw: string): ResourceScope | undefined {
  const match = RESOURCE_SCOPE.exec(raw);
  if (!match) {
    return undefined;
  }
  const [, level, resourceType, permissionText, constraint] = match;
  if (!level || !resourceType || !permissionText) {
    return undefined;
  }
  const v1 = V1_PERMISSIONS[permissionText];
  if (v1) {
    // v1 has no query constraints; a `?` after a v1 permission is not a valid scope.
    return constraint === undefined
      ? { raw, level: level as ScopeLevel, resourceType, permissions: new Set(v1), syntax: 'v1' }
      : undefined;
  }
  if (!V2_PERMISSIONS.test(permissionText)) {
    return undefined;
  }
  return {
    raw,
    level: level as ScopeLevel,
    resourceType,
    permissions: new Set(permissionText.split('') as Permission[]),
    ...(constraint === undefined ? {} : { constraint }),
    syntax: 'v2',
  };
}

/** Parses a space-separated scope string, as sent in an authorization request or a token response. */
export function parseScopes(scope: string | undefined): ScopeSet {
  const resourceScopes: ResourceScope[] = [];
  const otherScopes = new Set<string>();
  for (const raw of (scope ?? '').split(/\s+/)) {
    if (!raw) {
      continue;
    }
    const parsed = parseResourceScope(raw);
    if (parsed) {
      resourceScopes.push(parsed);
    } else {
      otherScopes.add(raw);
    }
  }
  return { resourceScopes, otherScopes };
}

export interface ScopeGrant {
  readonly granted: boolean;
  /** Present when the only scopes that grant the permission carry query constraints. */
  readonly constraints?: readonly string[];
}

/**
 * Whether a scope set grants one permission on one resource type at one of the given levels.
 * An unconstrained scope wins over constrained ones; constrained grants are reported with their constraints.
 */
export function grants(
  scopes: ScopeSet,
  resourceType: string,
  permission: Permission,
  levels: readonly ScopeLevel[] = ['patient', 'user', 'system']
): ScopeGrant {
  const constraints: string[] = [];
  for (const scope of scopes.resourceScopes) {
    if (!levels.includes(scope.level)) {
      continue;
    }
    if (scope.resourceType !== '*' && scope.resourceType !== resourceType) {
      continue;
    }
    if (!scope.permissions.has(permission)) {
      continue;
    }
    if (scope.constraint === undefined) {
      return { granted: true };
    }
    constraints.push(scope.constraint);
  }
  return constraints.length > 0 ? { granted: true, constraints } : { granted: false };
}

export interface ResourceScopeRequest {
  readonly resourceType: string;
  readonly permissions: readonly Permission[];
  readonly level: ScopeLevel;
}

/**
 * Formats resource scopes to request, in v2 syntax (`patient/CarePlan.crus`) or v1 (`patient/CarePlan.read
 * patient/CarePlan.write`). Never a wildcard: Oracle Health rejects them, and specific scopes say what we use.
 */
export function formatResourceScopes(requests: readonly ResourceScopeRequest[], syntax: 'v1' | 'v2'): string[] {
  const out: string[] = [];
  for (const { resourceType, permissions, level } of requests) {
    const wanted = new Set(permissions);
    if (syntax === 'v2') {
      const letters = PERMISSION_ORDER.filter((p) => wanted.has(p)).join('');
      if (letters) {
        out.push(`${level}/${resourceType}.${letters}`);
      }
      continue;
    }
    if (wanted.has('r') || wanted.has('s')) {
      out.push(`${level}/${resourceType}.read`);
    }
    if (wanted.has('c') || wanted.has('u') || wanted.has('d')) {
      out.push(`${level}/${resourceType}.write`);
    }
  }
  return out;
}

const V1_PERMISSION_TEXT: readonly (readonly [string, readonly Permission[]])[] = Object.entries(V1_PERMISSIONS);

/** Formats one resource scope; v1 syntax is kept only where v1 can say it (`read`, `write`, `*`, no constraint). */
function formatResourceScope(
  level: ScopeLevel,
  resourceType: string,
  permissions: ReadonlySet<Permission>,
  constraint: string | undefined,
  syntax: 'v1' | 'v2'
): string {
  const prefix = `${level}/${resourceType}.`;
  if (syntax === 'v1' && constraint === undefined) {
    const v1 = V1_PERMISSION_TEXT.find(
      ([, letters]) => letters.length === permissions.size && letters.every((p) => permissions.has(p))
    );
    if (v1) {
      return prefix + v1[0];
    }
  }
  const letters = PERMISSION_ORDER.filter((p) => permissions.has(p)).join('');
  return prefix + letters + (constraint === undefined ? '' : `?${constraint}`);
}

function intersectScope(requested: ResourceScope, allowed: ResourceScope): ResourceScope | undefined {
  if (requested.level !== allowed.level) {
    return undefined;
  }
  const resourceType =
    requested.resourceType === '*'
      ? allowed.resourceType
      : allowed.resourceType === '*' || allowed.resourceType === requested.resourceType
        ? requested.resourceType
        : undefined;
  const permissions = new Set([...requested.permissions].filter((p) => allowed.permissions.has(p)));
  if (resourceType === undefined || permissions.size === 0) {
    return undefined;
  }
  // Both constraints must hold; v2 constraints are query strings, so `&` says "and".
  const constraint =
    requested.constraint === undefined ||
    allowed.constraint === undefined ||
    requested.constraint === allowed.constraint
      ? (requested.constraint ?? allowed.constraint)
      : `${requested.constraint}&${allowed.constraint}`;
  // Parsing the formatted text keeps `syntax` honest: a v1 request narrowed to `r` alone is v2 `.r`.
  return parseResourceScope(
    formatResourceScope(requested.level, resourceType, permissions, constraint, requested.syntax)
  );
}

/**
 * Narrows requested resource scopes to what an allowance permits (a client registration, or the scopes of an
 * earlier grant): each requested scope is intersected with every allowed scope of the same level. A server may
 * grant less than asked for, and says so in the token response's `scope`.
 * `patient/CarePlan.cruds` within `patient/*.rs` gives `patient/CarePlan.rs`; v1 requests stay v1 where v1 can
 * express the result (`patient/*.*` within `patient/*.rs` gives `patient/*.read`).
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html#scopes-for-requesting-fhir-resources
 */
export function narrowResourceScopes(
  requested: readonly ResourceScope[],
  allowed: readonly ResourceScope[]
): ResourceScope[] {
  const out = new Map<string, ResourceScope>();
  for (const want of requested) {
    for (const may of allowed) {
      const narrowed = intersectScope(want, may);
      if (narrowed && !out.has(narrowed.raw)) {
        out.set(narrowed.raw, narrowed);
      }
    }
  }
  return [...out.values()];
}
