/**
 * Tokens over time and what they allow: the SMART configuration apps start from, bearer checks on FHIR calls,
 * refresh, expiry, and scopes (granted narrower than requested, v1 and v2, 403 without the scope).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APP_URL, ehrLaunchUrl, launch, PLAN_SCOPES } from './support/fhirclient-launch.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({
    accessTokenLifetimeSeconds: 300,
    refreshTokenLifetimeSeconds: 3600,
    clients: [
      { clientId: 'treatment-plan-app', redirectUris: [`${APP_URL}/index.html`] },
      { clientId: 'read-only-viewer', redirectUris: [`${APP_URL}/index.html`], allowedScopes: 'patient/*.rs' },
    ],
  });
});

afterAll(async () => {
  await sandbox.close();
});

function georgeLaunchUrl(): string {
  return ehrLaunchUrl(sandbox.fhirBaseUrl, sandbox.createLaunch(GEORGE_LAUNCH));
}

async function fhirGet(path: string, accessToken?: string): Promise<Response> {
  return fetch(`${sandbox.fhirBaseUrl}/${path}`, {
    headers: { Accept: 'application/fhir+json', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
  });
}

describe('the SMART configuration', () => {
  test('is public and lists the endpoints, PKCE S256, public clients and the launch capabilities', async () => {
    const response = await fetch(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as Record<string, unknown>;

    expect(config).toMatchObject({
      issuer: sandbox.fhirBaseUrl,
      authorization_endpoint: `${sandbox.origin}/auth/authorize`,
      token_endpoint: `${sandbox.origin}/auth/token`,
      jwks_uri: `${sandbox.origin}/auth/jwks`,
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    });
    expect(config['scopes_supported']).toEqual(expect.arrayContaining(['openid', 'fhirUser', 'launch/patient']));
    expect(config['capabilities']).toEqual(
      expect.arrayContaining(['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-encounter'])
    );
    expect(config['capabilities']).toEqual(
      expect.arrayContaining([
        'context-style',
        'permission-v1',
        'permission-v2',
        'permission-offline',
        'sso-openid-connect',
      ])
    );
  });

  test('the CapabilityStatement is public too', async () => {
    const response = await fhirGet('metadata');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ resourceType: 'CapabilityStatement' });
  });
});

describe('bearer tokens on FHIR calls', () => {
  test('a call without a token gets 401 with WWW-Authenticate and an OperationOutcome', async () => {
    const response = await fhirGet('Patient/george-smith');

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="sandbox", error="invalid_token"');
    expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error' }] });
  });

  test('a made-up token gets 401', async () => {
    expect((await fhirGet('Patient/george-smith', 'made-up')).status).toBe(401);
  });

  test('an access token stops working when its lifetime is over', async () => {
    const client = await launch({ launchUrl: georgeLaunchUrl(), scope: PLAN_SCOPES });
    const token = client.state.tokenResponse?.access_token ?? '';
    expect(client.state.tokenResponse?.expires_in).toBe(300);
    expect((await fhirGet('Patient/george-smith', token)).status).toBe(200);

    sandbox.advanceClock(301);
    const expired = await fhirGet('Patient/george-smith', token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    await expect(client.patient.read()).rejects.toMatchObject({ status: 401 });
  });
});

describe('refresh tokens', () => {
  test('offline_access gives a refresh token that buys a new access token with the same scope', async () => {
    const client = await launch({ launchUrl: georgeLaunchUrl(), scope: `${PLAN_SCOPES} offline_access` });
    const first = client.state.tokenResponse?.access_token;
    const refreshToken = client.state.tokenResponse?.refresh_token;
    expect(refreshToken).toBeTruthy();
    sandbox.advanceClock(301);

    const refreshed = await client.refresh();
    expect(refreshed.tokenResponse?.access_token).not.toBe(first);
    expect(refreshed.tokenResponse?.scope).toBe(
      `launch openid fhirUser offline_access patient/*.cruds user/Practitioner.rs`
    );
    expect(await client.patient.read()).toMatchObject({ id: 'george-smith' });
  });

  test('online_access gives a refresh token too', async () => {
    const client = await launch({ launchUrl: georgeLaunchUrl(), scope: `${PLAN_SCOPES} online_access` });
    expect(client.state.tokenResponse?.refresh_token).toBeTruthy();
  });

  test('an expired refresh token is refused with invalid_grant', async () => {
    const client = await launch({ launchUrl: georgeLaunchUrl(), scope: `${PLAN_SCOPES} offline_access` });
    sandbox.advanceClock(3601);
    await expect(client.refresh()).rejects.toThrow(/invalid_grant: The refresh token is unknown or has expired/);
  });

  test('a refresh may ask for less than was granted, but not for more', async () => {
    const client = await launch({ launchUrl: georgeLaunchUrl(), scope: 'launch offline_access patient/*.rs' });
    const refresh = (scope: string): Promise<Response> =>
      fetch(`${sandbox.origin}/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: client.state.tokenResponse?.refresh_token ?? '',
          scope,
        }).toString(),
      });

    const narrower = (await (await refresh('patient/Patient.r')).json()) as { scope: string; access_token: string };
    expect(narrower.scope).toBe('patient/Patient.r');
    expect((await fhirGet('Patient/george-smith', narrower.access_token)).status).toBe(200);
    expect((await fhirGet('Encounter?patient=george-smith', narrower.access_token)).status).toBe(403);

    const wider = await refresh('patient/*.cruds');
    expect(wider.status).toBe(400);
    expect(await wider.json()).toMatchObject({ error: 'invalid_scope' });
  });
});

describe('scopes', () => {
  test('a client registered for less gets a narrower scope than it asked for, and its writes get 403', async () => {
    const client = await launch({
      launchUrl: georgeLaunchUrl(),
      scope: 'launch patient/CarePlan.cruds patient/Patient.read',
      clientId: 'read-only-viewer',
    });

    expect(client.state.tokenResponse?.scope).toBe('launch patient/CarePlan.rs patient/Patient.read');
    expect(await client.patient.read()).toMatchObject({ id: 'george-smith' });
    await expect(
      client.create({
        resourceType: 'CarePlan',
        status: 'draft',
        intent: 'plan',
        subject: { reference: 'Patient/george-smith' },
      })
    ).rejects.toMatchObject({ status: 403 });
  });

  test('a FHIR call the granted scopes do not cover gets 403 with an OperationOutcome', async () => {
    const client = await launch({ launchUrl: georgeLaunchUrl(), scope: 'launch patient/Patient.rs' });
    const response = await fhirGet('Encounter?patient=george-smith', client.state.tokenResponse?.access_token);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  test('v1 scopes are granted as asked and govern access the same way', async () => {
    const client = await launch({
      launchUrl: georgeLaunchUrl(),
      scope: 'launch patient/Patient.read patient/Goal.write',
    });

    expect(client.state.tokenResponse?.scope).toBe('launch patient/Patient.read patient/Goal.write');
    expect(await client.patient.read()).toMatchObject({ id: 'george-smith' });
    await expect(client.request('Condition?patient=george-smith')).rejects.toMatchObject({ status: 403 });
  });
});
