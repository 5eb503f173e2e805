/**
 * The SMART side of a behaviour, computed from the same table as the FHIR side so the two cannot disagree: the
 * scopes a vendor-like server lists in `scopes_supported` are exactly the interactions it offers per type, the
 * grant is narrowed to them (a write scope on a read-only type is dropped silently, as Oracle Health does), and
 * the refresh capabilities follow what the vendor gives browser apps.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/conformance.html
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html
 */
import { PERMISSION_ORDER, type Permission } from '../../smart/scopes.ts';
import { OPEN_SMART_PROFILE, SANDBOX_CAPABILITIES, type SmartProfile } from '../auth/smart-configuration.ts';
import { actionFor } from '../fhir/access.ts';
import { SERVED_RESOURCE_TYPES } from '../fhir/served-types.ts';
import { typeRules, type BehaviourRules } from './behaviour-rules.ts';

const IDENTITY_SCOPES = ['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'launch/encounter'];
// `system` for backend clients (client-credentials.ts), which vendors offer alongside app launches.
const LEVELS = ['patient', 'user', 'system'] as const;

const REFRESH: Readonly<Record<BehaviourRules['smart']['refresh'], { scopes: string[]; capabilities: string[] }>> = {
  'offline-and-online': {
    scopes: ['offline_access', 'online_access'],
    capabilities: ['permission-offline', 'permission-online'],
  },
  online: { scopes: ['online_access'], capabilities: ['permission-online'] },
  none: { scopes: [], capabilities: [] },
};

/** The v2 letters of what `rules` offers on each served type, e.g. `CarePlan` → `rs`, `Condition` → `crs`. */
export function offeredPermissions(rules: BehaviourRules): { resourceType: string; letters: string }[] {
  return SERVED_RESOURCE_TYPES.map((resourceType) => {
    const granted = new Set<Permission>(typeRules(rules, resourceType).interactions.map(actionFor));
    return { resourceType, letters: PERMISSION_ORDER.filter((p) => granted.has(p)).join('') };
  });
}

export function smartProfileFor(rules: BehaviourRules): SmartProfile {
  if (!rules.smart.trimToInteractions && rules.smart.refresh === 'offline-and-online' && rules.smart.wildcardScopes) {
    return OPEN_SMART_PROFILE;
  }
  const refresh = REFRESH[rules.smart.refresh];
  const offered = offeredPermissions(rules).filter(({ letters }) => letters !== '');
  const allowance = LEVELS.flatMap((level) =>
    offered.map(({ resourceType, letters }) => `${level}/${resourceType}.${letters}`)
  );
  const v1 = LEVELS.flatMap((level) =>
    offered.flatMap(({ resourceType, letters }) => [
      `${level}/${resourceType}.read`,
      ...(/[cud]/.test(letters) ? [`${level}/${resourceType}.write`] : []),
    ])
  );
  const dropped = new Set(REFRESH['offline-and-online'].capabilities.filter((c) => !refresh.capabilities.includes(c)));
  return {
    capabilities: SANDBOX_CAPABILITIES.filter((capability) => !dropped.has(capability)),
    scopesSupported: [...IDENTITY_SCOPES, ...refresh.scopes, ...allowance, ...v1],
    passThrough: [...IDENTITY_SCOPES, ...refresh.scopes],
    ...(rules.smart.trimToInteractions ? { allowance: allowance.join(' ') } : {}),
    wildcardScopes: rules.smart.wildcardScopes,
  };
}
