/**
 * The SMART configuration document at `{fhir base}/.well-known/smart-configuration`, which is how apps (and
 * fhirclient) find the endpoints and learn what the server supports.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/conformance.html
 */

/** The algorithms SMART requires servers to accept for backend clients' assertions (client-credentials.ts). */
export const ASSERTION_ALGORITHMS = ['RS384', 'ES384'] as const;

export const SANDBOX_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'client-confidential-asymmetric',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'context-banner',
  'context-style',
  'permission-v1',
  'permission-v2',
  'permission-patient',
  'permission-user',
  'permission-offline',
  'permission-online',
  'sso-openid-connect',
] as const;

export const SANDBOX_SCOPES = [
  'openid',
  'fhirUser',
  'launch',
  'launch/patient',
  'launch/encounter',
  'offline_access',
  'online_access',
  'patient/*.cruds',
  'user/*.cruds',
  'patient/*.read',
  'patient/*.write',
  'user/*.read',
  'user/*.write',
  'system/*.rs',
  'system/*.cruds',
] as const;

export interface SmartConfiguration {
  readonly issuer: string;
  readonly jwks_uri: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly grant_types_supported: readonly string[];
  readonly response_types_supported: readonly string[];
  readonly code_challenge_methods_supported: readonly string[];
  readonly token_endpoint_auth_methods_supported: readonly string[];
  readonly token_endpoint_auth_signing_alg_values_supported: readonly string[];
  readonly scopes_supported: readonly string[];
  readonly capabilities: readonly string[];
}

/**
 * What the authorization server advertises and grants, as data: the sandbox's own (everything) by default, or a
 * vendor's (src/sandbox/behaviour/smart-profile.ts) so the SMART side agrees with the CapabilityStatement.
 */
export interface SmartProfile {
  readonly capabilities: readonly string[];
  readonly scopesSupported: readonly string[];
  /** Scopes without data access that are granted when asked for (launch, identity, refresh). */
  readonly passThrough: readonly string[];
  /** The most any grant may hold, as a scope string of resource scopes; undefined: no limit. */
  readonly allowance?: string;
  /** Resource scopes on `*` are granted (then narrowed by `allowance`); false drops them, as Oracle Health does. */
  readonly wildcardScopes: boolean;
}

export const OPEN_SMART_PROFILE: SmartProfile = {
  capabilities: SANDBOX_CAPABILITIES,
  scopesSupported: SANDBOX_SCOPES,
  passThrough: [
    'openid',
    'fhirUser',
    'profile',
    'launch',
    'launch/patient',
    'launch/encounter',
    'offline_access',
    'online_access',
  ],
  wildcardScopes: true,
};

/** The document for a server reached at `origin` (endpoints are absolute, as the spec requires). */
export function smartConfiguration(origin: string, profile: SmartProfile = OPEN_SMART_PROFILE): SmartConfiguration {
  return {
    issuer: `${origin}/fhir`,
    jwks_uri: `${origin}/auth/jwks`,
    authorization_endpoint: `${origin}/auth/authorize`,
    token_endpoint: `${origin}/auth/token`,
    // client_credentials with private_key_jwt: SMART Backend Services, for registered backend clients.
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGORITHMS],
    scopes_supported: [...profile.scopesSupported],
    capabilities: [...profile.capabilities],
  };
}
