/**
 * The apps registered with the sandbox's authorization server. All are public clients (no secret): a browser
 * app cannot keep one, so PKCE and an exact redirect URI are what bind a code to the app that asked for it.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html#register-app-with-ehr
 */

export interface RegisteredClient {
  readonly clientId: string;
  /** Shown on the error page when something about the request is wrong. */
  readonly name?: string;
  /** The only redirect URIs accepted, compared exactly (RFC 6749 §3.1.2). */
  readonly redirectUris: readonly string[];
  /** The most the registration allows, as a scope string; default: everything the app asks for. */
  readonly allowedScopes?: string;
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
