/**
 * The two SMART launches the sandbox EHR offers, driven by the real fhirclient: an EHR launch from the home
 * page, and a standalone launch through the sandbox's patient picker.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  APP_URL,
  authorizeUrl,
  CLIENT_ID,
  completeLaunch,
  launch,
  locationOf,
  PLAN_SCOPES,
  standaloneLaunchUrl,
  visit,
} from './support/fhirclient-launch.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

/** Clicks "Launch treatment plan" on the home page, with the given launch options ticked. */
async function launchFromHome(patient: string, options: Record<string, string> = {}): Promise<string> {
  const response = await visit(`${sandbox.origin}/launch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ patient, ...options }).toString(),
  });
  expect(response.status).toBe(303);
  return locationOf(response);
}

describe('an EHR launch from the sandbox home page', () => {
  test('sends the browser to the app launch page with iss and a launch id', async () => {
    const launchUrl = new URL(await launchFromHome('george-smith'));

    expect(launchUrl.origin + launchUrl.pathname).toBe(`${APP_URL}/launch.html`);
    expect(launchUrl.searchParams.get('iss')).toBe(sandbox.fhirBaseUrl);
    expect(launchUrl.searchParams.get('launch')).toMatch(/^[\w-]{20,}$/);
  });

  test('gives the app the patient, the latest encounter and the signed-in practitioner, and the token reads FHIR', async () => {
    const client = await launch({ launchUrl: await launchFromHome('george-smith'), scope: PLAN_SCOPES });
    const encounter = await sandbox.fhir.latestEncounter('george-smith');

    expect(client.patient.id).toBe('george-smith');
    expect(encounter?.id).toBeTruthy();
    expect(client.encounter.id).toBe(encounter?.id);
    expect(client.getFhirUser()).toBe('Practitioner/sandbox-practitioner');
    expect(client.state.tokenResponse?.need_patient_banner).toBe(true);
    expect(client.state.tokenResponse?.token_type).toBe('Bearer');
    const patient = await client.patient.read();
    expect(patient).toMatchObject({ resourceType: 'Patient', id: 'george-smith' });
  });

  test('passes the launch options on: the EHR shows its own banner and the app gets the EHR style', async () => {
    const launchUrl = await launchFromHome('robert-johnson', { 'ehr-banner': 'on', 'ehr-style': 'on' });
    const client = await launch({ launchUrl, scope: PLAN_SCOPES });

    expect(client.state.tokenResponse?.need_patient_banner).toBe(false);
    const styleUrl = client.state.tokenResponse?.smart_style_url as string;
    expect(styleUrl).toBe(`${sandbox.origin}/smart-style.json`);
    const style = (await (await fetch(styleUrl)).json()) as Record<string, string>;
    expect(Object.keys(style)).toEqual(
      expect.arrayContaining(['color_background', 'color_highlight', 'dim_border_radius', 'font_family_body'])
    );
  });

  test('signs the id token with the key published at jwks_uri, for the app and about the practitioner', async () => {
    const client = await launch({ launchUrl: await launchFromHome('george-smith'), scope: PLAN_SCOPES });
    const config = (await (await fetch(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`)).json()) as {
      jwks_uri: string;
    };

    const { payload, protectedHeader } = await jwtVerify(
      client.state.tokenResponse?.id_token ?? '',
      createRemoteJWKSet(new URL(config.jwks_uri)),
      { issuer: sandbox.fhirBaseUrl, audience: CLIENT_ID }
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload['fhirUser']).toBe(`${sandbox.fhirBaseUrl}/Practitioner/sandbox-practitioner`);
    expect(payload.sub).toBeTruthy();
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeGreaterThan(0);
  });

  test('does not give an id token when openid or fhirUser was not asked for', async () => {
    const client = await launch({ launchUrl: await launchFromHome('george-smith'), scope: 'launch patient/*.rs' });

    expect(client.state.tokenResponse?.id_token).toBeUndefined();
    expect(client.state.tokenResponse?.refresh_token).toBeUndefined();
    expect(client.patient.id).toBe('george-smith');
  });
});

describe('a standalone launch', () => {
  const scope = 'launch/patient openid fhirUser patient/*.rs';

  async function openPicker(): Promise<{
    html: string;
    requestId: string;
    storage: Awaited<ReturnType<typeof authorizeUrl>>['storage'];
  }> {
    const { url, storage } = await authorizeUrl({ launchUrl: standaloneLaunchUrl(sandbox.fhirBaseUrl), scope });
    const response = await visit(url);
    expect(response.status).toBe(200);
    const html = await response.text();
    const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return { html, requestId, storage };
  }

  async function choose(requestId: string, patient: string): Promise<Response> {
    return visit(`${sandbox.origin}/auth/authorize/patient`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: requestId, patient }).toString(),
    });
  }

  test('shows a patient picker listing every client with birth date and MRN, keeping the request server-side', async () => {
    const { html, requestId } = await openPicker();

    for (const name of ['George Smith', 'Robert Johnson', 'Michael Jones', 'John Doe']) {
      expect(html).toContain(name);
    }
    expect(html).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(html).toContain('<form method="post" action="/auth/authorize/patient">');
    expect(html).not.toContain('code_challenge');
    expect(requestId).toMatch(/^[\w-]{20,}$/);
  });

  test('gives the app the client the user picked', async () => {
    const { requestId, storage } = await openPicker();
    const chosen = await choose(requestId, 'robert-johnson');
    expect(chosen.status).toBe(303);

    const client = await completeLaunch(locationOf(chosen), storage);
    expect(client.patient.id).toBe('robert-johnson');
    expect(client.getFhirUser()).toBe('Practitioner/sandbox-practitioner');
    expect(await client.patient.read()).toMatchObject({ id: 'robert-johnson' });
  });

  test('answers a picker request only once', async () => {
    const { requestId } = await openPicker();
    expect((await choose(requestId, 'john-doe')).status).toBe(303);

    const again = await choose(requestId, 'john-doe');
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
    expect(await again.text()).toContain('launch it again');
  });

  test('without launch/patient, issues a code at once with no patient context', async () => {
    const { url, storage } = await authorizeUrl({
      launchUrl: standaloneLaunchUrl(sandbox.fhirBaseUrl),
      scope: 'openid fhirUser user/*.rs',
    });
    const client = await completeLaunch(locationOf(await visit(url)), storage);

    expect(client.patient.id).toBeNull();
    expect(client.getFhirUser()).toBe('Practitioner/sandbox-practitioner');
    expect(await client.request('Patient/john-doe')).toMatchObject({ id: 'john-doe' });
  });
});
