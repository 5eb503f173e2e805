/**
 * An access token from the sandbox through an EHR launch done by hand (authorization code with PKCE), so the
 * benchmark can call the FHIR server as the app would without a browser. The app itself launches with its own
 * SMART library; this only stands in for it outside the browser.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html#step-3-obtain-authorization-code
 */
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_CLIENT_ID } from '../../src/sandbox/auth/clients.ts';
import type { RunningSandbox } from '../../src/sandbox/server.ts';

/** What the app asks for: read and write the patient's records, read the clinicians they cite. */
export const APP_SCOPES = 'launch openid fhirUser patient/*.cruds user/Practitioner.rs';

interface SmartConfiguration {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

async function expectJson<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Launches the app for `patientId` as the sandbox practitioner and returns the bearer token. */
export async function sandboxAccessToken(sandbox: RunningSandbox, appUrl: string, patientId: string): Promise<string> {
  const launch = sandbox.createLaunch({ patient: patientId, fhirUser: 'Practitioner/sandbox-practitioner' });
  const config = await expectJson<SmartConfiguration>(
    await fetch(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`),
    'Reading the SMART configuration'
  );
  const verifier = base64url(randomBytes(32));
  const redirectUri = `${appUrl.replace(/\/+$/, '')}/index.html`;
  const authorize = new URL(config.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: redirectUri,
    scope: APP_SCOPES,
    state: base64url(randomBytes(16)),
    aud: sandbox.fhirBaseUrl,
    launch,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(redirect.headers.get('location') ?? '', redirectUri).searchParams.get('code');
  if (code === null) throw new Error(`The sandbox gave no authorization code (${redirect.status}).`);
  const token = await expectJson<{ access_token?: string }>(
    await fetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: DEFAULT_CLIENT_ID,
        code_verifier: verifier,
      }),
    }),
    'The token request'
  );
  if (token.access_token === undefined) throw new Error('The token response held no access token.');
  return token.access_token;
}
