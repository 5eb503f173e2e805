/**
 * The scope the app asks for: specific resource types only (Oracle Health rejects wildcards, and a specific list
 * says what the app does with the record), in SMART v2 syntax where the server advertises `permission-v2`.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html
 */
import { formatResourceScopes, type Permission, type ResourceScopeRequest, type ScopeLevel } from './scopes.ts';

export type LaunchMode = 'ehr' | 'standalone';

/** The resources a treatment plan is made of: the app reads, creates and updates them for the patient. */
export const PLAN_RESOURCE_TYPES = [
  'CarePlan',
  'Goal',
  'Condition',
  'Consent',
  'ServiceRequest',
  'Observation',
  'DocumentReference',
  'Provenance',
] as const;

export type PlanResourceType = (typeof PLAN_RESOURCE_TYPES)[number];

const READ_SEARCH: readonly Permission[] = ['r', 's'];
const CREATE_READ_UPDATE_SEARCH: readonly Permission[] = ['c', 'r', 'u', 's'];

/** What the app needs, before merging: context it reads, then the plan resources it writes. */
const NEEDS: readonly ResourceScopeRequest[] = [
  { level: 'patient', resourceType: 'Patient', permissions: READ_SEARCH },
  { level: 'patient', resourceType: 'Encounter', permissions: READ_SEARCH },
  { level: 'patient', resourceType: 'Condition', permissions: READ_SEARCH },
  { level: 'patient', resourceType: 'Observation', permissions: READ_SEARCH },
  { level: 'patient', resourceType: 'RelatedPerson', permissions: READ_SEARCH },
  { level: 'user', resourceType: 'Practitioner', permissions: READ_SEARCH },
  { level: 'user', resourceType: 'PractitionerRole', permissions: READ_SEARCH },
  ...PLAN_RESOURCE_TYPES.map((resourceType): ResourceScopeRequest => ({
    level: 'patient',
    resourceType,
    permissions: CREATE_READ_UPDATE_SEARCH,
  })),
  // The rest of what the mapping writes (fhir-profiles/README.md): the session, past treatment, participants,
  // and the shared place-of-service Locations (not in the patient compartment, hence user level).
  ...(['Encounter', 'Procedure', 'CareTeam'] as const).map((resourceType): ResourceScopeRequest => ({
    level: 'patient',
    resourceType,
    permissions: CREATE_READ_UPDATE_SEARCH,
  })),
  { level: 'user', resourceType: 'Location', permissions: ['c', 'r', 's'] },
];

export interface ScopeRequestInput {
  readonly launch: LaunchMode;
  /** The server's smart-configuration `capabilities` (empty when it only has a CapabilityStatement). */
  readonly capabilities: readonly string[];
  /** Extra scopes from the server's config entry. */
  readonly extra?: readonly string[];
}

/** The scopes to request, in a stable order, without duplicates. */
export function requestedScopes({ launch, capabilities, extra = [] }: ScopeRequestInput): string[] {
  const syntax = capabilities.includes('permission-v2') ? 'v2' : 'v1';
  const scopes = [launch === 'ehr' ? 'launch' : 'launch/patient', 'openid', 'fhirUser'];
  // online_access ends with the user's EHR session, which suits a browser app best; offline_access otherwise.
  if (capabilities.includes('permission-online')) {
    scopes.push('online_access');
  } else if (capabilities.includes('permission-offline')) {
    scopes.push('offline_access');
  }
  scopes.push(...formatResourceScopes(mergeNeeds(NEEDS), syntax), ...extra);
  return [...new Set(scopes)];
}

export function requestedScope(input: ScopeRequestInput): string {
  return requestedScopes(input).join(' ');
}

/** One request per level and type, with the union of the permissions asked for it, in first-seen order. */
function mergeNeeds(needs: readonly ResourceScopeRequest[]): ResourceScopeRequest[] {
  const merged = new Map<string, { level: ScopeLevel; resourceType: string; permissions: Set<Permission> }>();
  for (const { level, resourceType, permissions } of needs) {
    const key = `${level}/${resourceType}`;
    const entry = merged.get(key) ?? { level, resourceType, permissions: new Set<Permission>() };
    permissions.forEach((permission) => entry.permissions.add(permission));
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ level, resourceType, permissions }) => ({
    level,
    resourceType,
    permissions: [...permissions],
  }));
}
