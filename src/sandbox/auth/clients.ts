/**
 * The apps registered with the sandbox's authorization server. Apps are public clients (no secret): a browser
 * app cannot keep one, so PKCE and an exact redirect URI are what bind a code to the app that asked for it.
 * Backend clients (no user, e.g. the command-line tool) register public keys instead and sign a JWT per token.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html#register-app-with-ehr
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/backend-services.html#registering-a-smart-backend-service-communicating-public-keys
 */
import type { JSONWebKeySet } from 'jose';

export interface RegisteredClient {
  readonly clientId: string;
  /** Shown on the error page when something about the request is wrong. */
  readonly name?: string;
  /** The only redirect URIs accepted, compared exactly (RFC 6749 §3.1.2). */
  readonly redirectUris: readonly string[];
  /** The most the registration allows, as a scope string; default: everything the app asks for. */
  readonly allowedScopes?: string;
  /**
   * Public keys of a backend client (SMART Backend Services): its client assertions are checked against them.
   * Only clients with keys may use `grant_type=client_credentials`.
   */
  readonly jwks?: JSONWebKeySet;
}

/** The command-line tool's client id when it is registered as a backend client. */
export const BACKEND_CLIENT_ID = 'treatment-plan-cli';

/** A backend client: no redirect URIs (it never uses the authorize endpoint), its public keys, system scopes. */
export function backendClient(
  jwks: JSONWebKeySet,
  { clientId = BACKEND_CLIENT_ID, allowedScopes = 'system/*.cruds' } = {}
): RegisteredClient {
  return { clientId, name: 'Treatment plan command-line tool', redirectUris: [], allowedScopes, jwks };
}

export const DEFAULT_CLIENT_ID = 'treatment-plan-app';

/** The treatment-plan app, redirected to `${appUrl}/index.html`, allowed every scope. */
export function defaultClients(appUrl: string): RegisteredClient[] {
  return [
    {
      clientId: DEFAULT_CLIENT_ID,
      name: 'Treatment plan',
      redirectUris: [`${appUrl.replace(/\/+$/, '')}/index.html`],
    },
  ];
}
