/**
 * What the sandbox's authorization server refuses, and how: requests it cannot trust get an HTML page and no
 * redirect; the rest go back to the app as OAuth errors; bad token requests get `invalid_grant`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  APP_URL,
  authorizeUrl,
  completeLaunch,
  ehrLaunchUrl,
  launch,
  locationOf,
  PLAN_SCOPES,
  visit,
} from './support/fhirclient-launch.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({
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

/** The authorization URL fhirclient builds for an EHR launch of George Smith, with one parameter changed. */
async function authorizeWith(change: (params: URLSearchParams) => void): Promise<Response> {
  const { url } = await authorizeUrl({ launchUrl: georgeLaunchUrl(), scope: PLAN_SCOPES });
  const edited = new URL(url);
  change(edited.searchParams);
  return visit(edited.toString());
}

/** The error parameters on the redirect back to the app. */
function oauthError(response: Response): { error: string | null; description: string | null; state: string | null } {
  const location = new URL(locationOf(response));
  expect(location.origin + location.pathname).toBe(`${APP_URL}/index.html`);
  expect(location.searchParams.has('code')).toBe(false);
  const params = location.searchParams;
  return { error: params.get('error'), description: params.get('error_description'), state: params.get('state') };
}

describe('authorization requests the sandbox cannot send back to the app', () => {
  test('an unknown client id gets an HTML error page, not a redirect', async () => {
    const response = await authorizeWith((params) => {
      params.set('client_id', 'someone-else');
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('Unknown app');
    expect(page).toContain('someone-else');
  });

  test('a redirect URI the registration does not list gets an HTML error page, not a redirect', async () => {
    const response = await authorizeWith((params) => {
      params.set('redirect_uri', 'https://evil.example/index.html');
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const page = await response.text();
    expect(page).toContain('must list this redirect URI');
    expect(page).toContain('https://evil.example/index.html');
  });
});

describe('authorization requests refused back to the app', () => {
  test('a request without a PKCE code challenge is refused with invalid_request, and fhirclient reports it', async () => {
    const { url, storage } = await authorizeUrl({
      launchUrl: georgeLaunchUrl(),
      scope: PLAN_SCOPES,
      pkceMode: 'disabled',
    });
    expect(new URL(url).searchParams.has('code_challenge')).toBe(false);
    const response = await visit(url);

    const { error, description, state } = oauthError(response);
    expect(error).toBe('invalid_request');
    expect(description).toMatch(/PKCE/);
    expect(state).toBe(new URL(url).searchParams.get('state'));
    await expect(completeLaunch(locationOf(response), storage)).rejects.toThrow(/invalid_request.*PKCE/);
  });

  test('a plain (non-S256) code challenge is refused', async () => {
    const response = await authorizeWith((params) => {
      params.set('code_challenge_method', 'plain');
    });
    expect(oauthError(response).error).toBe('invalid_request');
  });

  test('a response type other than code is refused with unsupported_response_type', async () => {
    const response = await authorizeWith((params) => {
      params.set('response_type', 'token');
    });
    expect(oauthError(response).error).toBe('unsupported_response_type');
  });

  test('a request without state is refused', async () => {
    const response = await authorizeWith((params) => {
      params.delete('state');
    });
    expect(oauthError(response)).toMatchObject({ error: 'invalid_request', state: null });
  });

  test('an aud that is not this FHIR server is refused', async () => {
    const response = await authorizeWith((params) => {
      params.set('aud', 'https://other.example/fhir');
    });
    const { error, description } = oauthError(response);
    expect(error).toBe('invalid_request');
    expect(description).toMatch(/aud/);
  });

  test('an unknown launch id is refused', async () => {
    const response = await authorizeWith((params) => {
      params.set('launch', 'not-a-launch');
    });
    const { error, description } = oauthError(response);
    expect(error).toBe('invalid_request');
    expect(description).toMatch(/launch id is unknown/);
  });

  test('an expired launch id is refused', async () => {
    const launchUrl = georgeLaunchUrl();
    sandbox.advanceClock(11 * 60);
    const { url } = await authorizeUrl({ launchUrl, scope: PLAN_SCOPES });
    expect(oauthError(await visit(url)).error).toBe('invalid_request');
  });

  test('a scope with nothing the client may have is refused with invalid_scope', async () => {
    const { url } = await authorizeUrl({
      launchUrl: georgeLaunchUrl(),
      scope: 'launch user/CarePlan.cud',
      clientId: 'read-only-viewer',
    });
    expect(oauthError(await visit(url)).error).toBe('invalid_scope');
  });
});

describe('token requests the sandbox refuses', () => {
  /** Authorizes George's launch and returns the redirect with the code, before fhirclient exchanges it. */
  async function authorized(): Promise<{
    redirect: string;
    storage: Awaited<ReturnType<typeof authorizeUrl>>['storage'];
  }> {
    const { url, storage } = await authorizeUrl({ launchUrl: georgeLaunchUrl(), scope: PLAN_SCOPES });
    return { redirect: locationOf(await visit(url)), storage };
  }

  test('a token request without the PKCE code verifier gets invalid_grant', async () => {
    const { redirect, storage } = await authorized();
    await storage.editState((state) => {
      delete state['codeVerifier'];
    });
    await expect(completeLaunch(redirect, storage)).rejects.toThrow(
      /400[\s\S]*invalid_grant: code_verifier is required/
    );
  });

  test('a token request with the wrong code verifier gets invalid_grant', async () => {
    const { redirect, storage } = await authorized();
    await storage.editState((state) => {
      state['codeVerifier'] = 'a'.repeat(64);
    });
    await expect(completeLaunch(redirect, storage)).rejects.toThrow(/invalid_grant: code_verifier does not match/);
  });

  test('a code used twice is refused, and the tokens it bought stop working', async () => {
    const { redirect, storage } = await authorized();
    const replay = storage.clone();
    const client = await completeLaunch(redirect, storage);
    expect(await client.patient.read()).toMatchObject({ id: 'george-smith' });

    await expect(completeLaunch(redirect, replay)).rejects.toThrow(/invalid_grant: The code has already been used/);
    await expect(client.patient.read()).rejects.toMatchObject({ status: 401 });
  });

  test('a code older than 60 seconds is refused', async () => {
    const { redirect, storage } = await authorized();
    sandbox.advanceClock(61);
    await expect(completeLaunch(redirect, storage)).rejects.toThrow(
      /invalid_grant: The code is unknown or has expired/
    );
  });

  test('a code is bound to the redirect URI it was issued for', async () => {
    const { redirect, storage } = await authorized();
    await storage.editState((state) => {
      state['redirectUri'] = `${APP_URL}/other.html`;
    });
    await expect(completeLaunch(redirect, storage)).rejects.toThrow(/invalid_grant: redirect_uri does not match/);
  });

  test('an unknown grant type or a JSON body is refused with a no-store JSON error', async () => {
    const token = `${sandbox.origin}/auth/token`;
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const unknownGrant = await fetch(token, { method: 'POST', headers: form, body: 'grant_type=password' });
    expect(unknownGrant.status).toBe(400);
    expect(unknownGrant.headers.get('cache-control')).toBe('no-store');
    expect(await unknownGrant.json()).toMatchObject({ error: 'unsupported_grant_type' });

    const json = await fetch(token, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
  });

  test('an unknown client id at the token endpoint is invalid_client with status 401', async () => {
    const { redirect } = await authorized();
    const code = new URL(redirect).searchParams.get('code') ?? '';
    const response = await fetch(`${sandbox.origin}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: 'nobody' }).toString(),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });
});

test('a successful launch still works alongside all these refusals', async () => {
  const client = await launch({ launchUrl: georgeLaunchUrl(), scope: PLAN_SCOPES });
  expect(client.patient.id).toBe('george-smith');
});
