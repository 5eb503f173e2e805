/**
 * What the sandbox grants for a requested scope string: the resource scopes narrowed to the client's
 * registration, plus the launch, identity and refresh scopes it understands. Anything else is dropped, as real
 * servers do (Oracle Health trims silently), so the app must read the granted `scope` from the token response.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html
 */
import { narrowResourceScopes, parseScopes, type ScopeSet } from '../../smart/scopes.ts';
import { OPEN_SMART_PROFILE, type SmartProfile } from './smart-configuration.ts';

export interface GrantedScope {
  /** The granted scope string, as returned in the token response. */
  readonly text: string;
  readonly scopes: ScopeSet;
}

/**
 * Narrows `requested` to `allowed` (a client registration; undefined allows every resource scope) and to what the
 * server's profile allows (a vendor trims write scopes on read-only types, and Oracle Health drops wildcards).
 * Returns undefined when nothing grantable is left: every resource scope asked for was refused, or no scope
 * the sandbox knows was asked for at all (`invalid_scope`, RFC 6749 §4.1.2.1).
 */
export function grantScope(
  requested: string,
  allowed: string | undefined,
  profile: SmartProfile = OPEN_SMART_PROFILE
): GrantedScope | undefined {
  const wanted = parseScopes(requested);
  let resourceScopes = wanted.resourceScopes.filter((scope) => profile.wildcardScopes || scope.resourceType !== '*');
  for (const limit of [allowed, profile.allowance]) {
    if (limit !== undefined) {
      resourceScopes = narrowResourceScopes(resourceScopes, parseScopes(limit).resourceScopes);
    }
  }
  const otherScopes = [...wanted.otherScopes].filter((scope) => profile.passThrough.includes(scope));
  if (wanted.resourceScopes.length > 0 && resourceScopes.length === 0) {
    return undefined;
  }
  if (resourceScopes.length === 0 && otherScopes.length === 0) {
    return undefined;
  }
  const text = [...otherScopes, ...resourceScopes.map((scope) => scope.raw)].join(' ');
  return { text, scopes: parseScopes(text) };
}
