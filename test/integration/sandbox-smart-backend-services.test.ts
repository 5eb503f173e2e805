/**
 * SMART Backend Services on the sandbox's authorization server: a registered backend client gets a token for a
 * client assertion signed with its key (RS384 or ES384), and only system/ scopes; wrong keys, audiences,
 * replays and long-lived assertions are refused.
 */
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backendClient, defaultClients } from '../../src/sandbox/auth/clients.ts';
import { backendKey, type BackendKey } from './support/backend-keys.ts';
import { APP_URL } from './support/fhirclient-launch.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;
let rsKey: BackendKey;
let esKey: BackendKey;
let strangerKey: BackendKey;
let tokenUrl: string;

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

beforeAll(async () => {
  [rsKey, esKey, strangerKey] = await Promise.all([
    backendKey('RS384', 'rs-1'),
    backendKey('ES384', 'es-1'),
    backendKey('RS384', 'rs-1'),
  ]);
  sandbox = await startTestSandbox({
    clients: [
      ...defaultClients(APP_URL),
      backendClient({ keys: [rsKey.publicJwk, esKey.publicJwk] }),
      backendClient({ keys: [rsKey.publicJwk] }, { clientId: 'read-only-exporter', allowedScopes: 'system/*.rs' }),
    ],
  });
  tokenUrl = `${sandbox.origin}/auth/token`;
});

afterAll(async () => {
  await sandbox.close();
});

interface AssertionOptions {
  readonly clientId?: string;
  readonly audience?: string;
  readonly lifetimeSeconds?: number;
  readonly jti?: string;
}

async function assertion(key: JWK, options: AssertionOptions = {}): Promise<string> {
  const clientId = options.clientId ?? 'treatment-plan-cli';
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg ?? 'RS384', kid: key.kid ?? '', typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(options.audience ?? tokenUrl)
    .setExpirationTime(now + (options.lifetimeSeconds ?? 240))
    .setJti(options.jti ?? randomUUID())
    .sign(await importJWK(key, key.alg ?? 'RS384'));
}

async function requestToken(clientAssertion: string, scope = 'system/*.rs'): Promise<Response> {
  return fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope,
      client_assertion_type: JWT_BEARER,
      client_assertion: clientAssertion,
    }).toString(),
  });
}

describe('backend services discovery', () => {
  test('the SMART configuration advertises client credentials with private_key_jwt, RS384 and ES384', async () => {
    const config = (await (await fetch(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(config['grant_types_supported']).toContain('client_credentials');
    expect(config['token_endpoint_auth_methods_supported']).toContain('private_key_jwt');
    expect(config['token_endpoint_auth_signing_alg_values_supported']).toEqual(['RS384', 'ES384']);
    expect(config['capabilities']).toContain('client-confidential-asymmetric');
    expect(config['scopes_supported']).toContain('system/*.rs');
  });
});

describe('client credentials', () => {
  test.each([
    ['RS384', () => rsKey],
    ['ES384', () => esKey],
  ])('an assertion signed %s gets a system token that reads FHIR data', async (_alg, key) => {
    const response = await requestToken(await assertion(key().privateJwk), 'system/*.rs');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { access_token: string; scope: string; token_type: string };
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'system/*.rs' });
    expect(body).not.toHaveProperty('refresh_token');
    expect(body).not.toHaveProperty('patient');
    const read = await fetch(`${sandbox.fhirBaseUrl}/Patient/george-smith`, {
      headers: { authorization: `Bearer ${body.access_token}`, accept: 'application/fhir+json' },
    });
    expect(read.status).toBe(200);
  });

  test('the grant is narrowed to the registration: a read-only client asking for writes gets reads', async () => {
    const response = await requestToken(
      await assertion(rsKey.privateJwk, { clientId: 'read-only-exporter' }),
      'system/*.cruds'
    );
    const body = (await response.json()) as { access_token: string; scope: string };
    expect(body.scope).toBe('system/*.rs');
    const write = await fetch(`${sandbox.fhirBaseUrl}/Goal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${body.access_token}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Goal' }),
    });
    expect(write.status).toBe(403);
  });

  test('a key that is not registered is refused with invalid_client', async () => {
    const response = await requestToken(await assertion(strangerKey.privateJwk));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  test('an assertion for another audience, one valid for too long, or an unknown client is refused', async () => {
    const wrongAudience = await requestToken(
      await assertion(rsKey.privateJwk, { audience: 'https://elsewhere/token' })
    );
    expect(wrongAudience.status).toBe(401);
    const tooLong = await requestToken(await assertion(rsKey.privateJwk, { lifetimeSeconds: 3600 }));
    expect(await tooLong.json()).toMatchObject({
      error: 'invalid_client',
      error_description: expect.stringContaining('five minutes') as string,
    });
    const unknown = await requestToken(await assertion(rsKey.privateJwk, { clientId: 'treatment-plan-app' }));
    expect(unknown.status).toBe(401);
  });

  test('an assertion presented twice (same jti) is refused the second time', async () => {
    const once = await assertion(rsKey.privateJwk, { jti: 'only-once' });
    expect((await requestToken(once)).status).toBe(200);
    const replay = await requestToken(once);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error_description: expect.stringContaining('used already') as string });
  });

  test('patient or user scopes are not granted to a backend client', async () => {
    const response = await requestToken(await assertion(rsKey.privateJwk), 'patient/*.rs user/*.rs');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' });
  });
});
