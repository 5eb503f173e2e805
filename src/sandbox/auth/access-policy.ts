/**
 * Turns a bearer token into what its holder may do. The FHIR service asks the policy once per interaction and
 * answers 403 when it says no.
 *
 * Not enforced, by choice for a sandbox: the patient compartment (a `patient/` scope here grants the resource
 * type on every patient, not only the launch patient's data) and v2 query constraints such as
 * `?category=survey` (a constrained scope grants the whole type). The AccessPolicy contract sees only a resource
 * type and an action, which is what the app's scope handling needs to be tested against.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html
 */
import { grants, type ScopeSet } from '../../smart/scopes.ts';
import type { AccessPolicy, SandboxRequest, SandboxResponse } from '../contracts.ts';
import { operationOutcomeResponse } from './responses.ts';
import type { AuthState } from './state.ts';

export function accessPolicyFor(scopes: ScopeSet, hasPatientContext: boolean): AccessPolicy {
  return {
    allows: (resourceType, action) => grants(scopes, resourceType, action).granted,
    describeNeed: (resourceType, action) =>
      `${hasPatientContext ? 'patient' : 'user'}/${resourceType}.${action} (or a scope that includes it)`,
  };
}

export type Authentication =
  { readonly ok: true; readonly policy: AccessPolicy } | { readonly ok: false; readonly response: SandboxResponse };

/** RFC 6750 §3: how a resource server says the token is missing or no good. */
function unauthorized(diagnostics: string): Authentication {
  return {
    ok: false,
    response: operationOutcomeResponse(401, 'login', diagnostics, {
      'WWW-Authenticate': 'Bearer realm="sandbox", error="invalid_token"',
    }),
  };
}

export function authenticate(state: AuthState, req: SandboxRequest): Authentication {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    return unauthorized('This FHIR server needs an access token: launch the app from the EHR.');
  }
  const grant = state.accessTokens.get(match[1]);
  if (!grant) {
    return unauthorized('The access token is unknown or has expired: refresh it or launch the app again.');
  }
  return { ok: true, policy: accessPolicyFor(grant.granted.scopes, grant.context.patient !== undefined) };
}
