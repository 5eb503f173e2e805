/**
 * SMART Backend Services for the command-line tool: finds the token endpoint in the server's
 * `.well-known/smart-configuration`, signs a client assertion (RS384 or ES384) with the integrator's private
 * key, and trades it for an access token with `grant_type=client_credentials`. Tokens are reused until shortly
 * before they expire, then a new assertion is signed.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/backend-services.html
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/client-confidential-asymmetric.html
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importJWK, importPKCS8, SignJWT, type CryptoKey, type JWK } from 'jose';
import { CliError } from './cli-error.ts';
import { EXIT } from './exit-codes.ts';

export type AssertionAlgorithm = 'RS384' | 'ES384';

export interface BackendClient {
  readonly clientId: string;
  readonly key: CryptoKey | Uint8Array;
  readonly algorithm: AssertionAlgorithm;
  readonly keyId?: string;
  /** Scopes to ask for; SMART backend clients use `system/` scopes. */
  readonly scope: string;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Renew this long before the token's end, so a request never leaves with an expired token. */
const RENEW_MARGIN_SECONDS = 30;

function authFailure(message: string): CliError {
  return new CliError(EXIT.unreachableOrAuth, message);
}

function algorithmOf(jwk: JWK, fallback: string | undefined): AssertionAlgorithm {
  const alg = jwk.alg ?? fallback ?? (jwk.kty === 'EC' ? 'ES384' : 'RS384');
  if (alg !== 'RS384' && alg !== 'ES384') {
    throw authFailure(`The private key's algorithm is ${alg}; SMART backend services use RS384 or ES384.`);
  }
  return alg;
}

/**
 * Reads the private key file named by SMART_PRIVATE_KEY: a private JWK, a JWK Set holding one, or a PKCS#8
 * PEM (then SMART_KEY_ALG, default RS384). SMART_KEY_ID names the key (`kid`) when the JWK does not.
 */
export async function readBackendClient(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  scope: string
): Promise<BackendClient> {
  const clientId = env['SMART_CLIENT_ID'] ?? '';
  const keyFile = env['SMART_PRIVATE_KEY'] ?? '';
  let text: string;
  try {
    text = await readFile(resolve(cwd, keyFile), 'utf8');
  } catch (error) {
    throw authFailure(`Cannot read the private key file SMART_PRIVATE_KEY=${keyFile}: ${String(error)}`);
  }
  const requestedScope = env['SMART_SCOPE'] ?? scope;
  const keyIdFromEnv = env['SMART_KEY_ID'];
  try {
    if (text.trimStart().startsWith('-----BEGIN')) {
      const algorithm = algorithmOf({ kty: '' }, env['SMART_KEY_ALG'] ?? 'RS384');
      return {
        clientId,
        key: await importPKCS8(text, algorithm),
        algorithm,
        ...(keyIdFromEnv === undefined ? {} : { keyId: keyIdFromEnv }),
        scope: requestedScope,
      };
    }
    const parsed = JSON.parse(text) as JWK | { keys?: JWK[] };
    const jwk = 'keys' in parsed ? parsed.keys?.find((k) => k.d !== undefined) : (parsed as JWK);
    if (jwk?.d === undefined) {
      throw new Error('the file holds no private key (a JWK with "d")');
    }
    const algorithm = algorithmOf(jwk, env['SMART_KEY_ALG']);
    const keyId = keyIdFromEnv ?? jwk.kid;
    return {
      clientId,
      key: await importJWK(jwk, algorithm),
      algorithm,
      ...(keyId === undefined ? {} : { keyId }),
      scope: requestedScope,
    };
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw authFailure(`The private key in ${keyFile} cannot be used: ${reason}`);
  }
}

/** The token endpoint from the server's SMART configuration, when it offers client credentials. */
export async function discoverTokenEndpoint(baseUrl: string, doFetch: typeof fetch): Promise<string> {
  const url = `${baseUrl}/.well-known/smart-configuration`;
  let config: { token_endpoint?: unknown; grant_types_supported?: unknown };
  try {
    const response = await doFetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    config = (await response.json()) as typeof config;
  } catch (error) {
    throw authFailure(`Cannot read the SMART configuration at ${url}: ${String(error)}`);
  }
  const grants = config.grant_types_supported;
  if (typeof config.token_endpoint !== 'string') {
    throw authFailure(`${url} names no token_endpoint: the server does not offer SMART backend services.`);
  }
  if (Array.isArray(grants) && !grants.includes('client_credentials')) {
    throw authFailure(`${baseUrl} does not offer SMART backend services (no client_credentials grant).`);
  }
  return config.token_endpoint;
}

export interface IssuedToken {
  readonly accessToken: string;
  /** Milliseconds since the epoch. */
  readonly renewAt: number;
  readonly scope: string;
}

/** Signs an assertion and exchanges it for an access token. */
export async function requestBackendToken(
  client: BackendClient,
  tokenEndpoint: string,
  doFetch: typeof fetch,
  now: () => Date
): Promise<IssuedToken> {
  const issuedAt = Math.floor(now().getTime() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: client.algorithm, typ: 'JWT', ...(client.keyId ? { kid: client.keyId } : {}) })
    .setIssuer(client.clientId)
    .setSubject(client.clientId)
    .setAudience(tokenEndpoint)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 300)
    .setJti(randomUUID())
    .sign(client.key);
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: client.scope,
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion,
  });
  let response: Response;
  try {
    response = await doFetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    });
  } catch (error) {
    throw authFailure(`The token endpoint ${tokenEndpoint} did not answer: ${String(error)}`);
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const accessToken = json['access_token'];
  if (!response.ok || typeof accessToken !== 'string') {
    const why = typeof json['error_description'] === 'string' ? json['error_description'] : response.statusText;
    const code = typeof json['error'] === 'string' ? `${json['error']}: ` : '';
    throw authFailure(`The token endpoint refused client ${client.clientId}: ${code}${why}`);
  }
  const lifetime = typeof json['expires_in'] === 'number' ? json['expires_in'] : 300;
  return {
    accessToken,
    renewAt: (issuedAt + Math.max(lifetime - RENEW_MARGIN_SECONDS, 1)) * 1000,
    scope: typeof json['scope'] === 'string' ? json['scope'] : client.scope,
  };
}
