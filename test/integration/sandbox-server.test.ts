/**
 * The Sandbox EHR's HTTP shell and pages: the home page a clinician launches from, CORS for the app, the style
 * document, and errors that never take the server down.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { APP_URL } from './support/fhirclient-launch.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

async function homePage(): Promise<{ response: Response; html: string }> {
  const response = await fetch(sandbox.homeUrl);
  // Whitespace collapsed, so assertions do not depend on how the markup is wrapped.
  return { response, html: (await response.text()).replace(/\s+/g, ' ') };
}

/** The table row of the home page that mentions `text`. */
function rowWith(html: string, text: string): string {
  return html.split('<tr>').find((row) => row.includes(text)) ?? '';
}

describe('the home page', () => {
  test('shows the signed-in practitioner and a row per synthetic client with a launch button', async () => {
    const { response, html } = await homePage();

    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Sandbox EHR</h1>');
    expect(html).toContain('Signed in as <strong>Dana Rivera, LCSW</strong>');
    for (const [id, name] of [
      ['george-smith', 'George Smith'],
      ['robert-johnson', 'Robert Johnson'],
      ['michael-jones', 'Michael Jones'],
      ['john-doe', 'John Doe'],
    ] as const) {
      const row = rowWith(html, name);
      expect(row, name).toMatch(/<td>\d{4}-\d{2}-\d{2}<\/td> <td>\d+<\/td>/);
      expect(row, name).toContain(`name="patient" value="${id}">Launch treatment plan</button>`);
    }
  });

  test('offers the launch options, the standalone launch and the FHIR base URL for integrators', async () => {
    const { html } = await homePage();

    expect(html).toContain('The EHR shows its own patient banner (need_patient_banner=false)');
    expect(html).toContain("Apply the EHR's style (smart_style_url)");
    expect(html).toContain(`href="${APP_URL}/launch.html">Standalone launch</a>`);
    expect(html).toContain(`<code>${sandbox.fhirBaseUrl}</code>`);
  });

  test('is plain HTML with no script, under a Content-Security-Policy, styled by its own stylesheet', async () => {
    const { response, html } = await homePage();

    expect(html).not.toMatch(/<script|\son\w+=/i);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const css = await fetch(`${sandbox.origin}/sandbox.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('table');
  });

  test('shows a client name with markup in it as text', async () => {
    const patient = { resourceType: 'Patient', name: [{ given: ['<b>Eve</b>'], family: 'O"Brien & Co' }] };
    const created = await sandbox.fhir.handle(
      {
        method: 'POST',
        url: new URL(`${sandbox.fhirBaseUrl}/Patient`),
        headers: { 'content-type': 'application/fhir+json' },
        body: Buffer.from(JSON.stringify(patient)),
      },
      undefined
    );
    expect(created.status).toBe(201);

    const { html } = await homePage();
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt; O&quot;Brien &amp; Co');
    expect(html).not.toContain('<b>Eve</b>');
  });

  test('refuses to launch a client who is not in the EHR', async () => {
    const response = await fetch(`${sandbox.origin}/launch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'patient=nobody',
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Unknown client');
  });
});

describe('CORS for the app', () => {
  test('a preflight from the app origin may send the headers FHIR calls need', async () => {
    const response = await fetch(`${sandbox.fhirBaseUrl}/CarePlan`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_URL,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_URL);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining([
        'Authorization',
        'Content-Type',
        'Accept',
        'If-Match',
        'If-None-Exist',
        'If-None-Match',
        'Prefer',
      ])
    );
  });

  test('responses to the app expose ETag and Location, on errors too', async () => {
    const response = await fetch(`${sandbox.fhirBaseUrl}/Patient/george-smith`, {
      headers: { Origin: 'http://127.0.0.1:5173' },
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(response.headers.get('access-control-expose-headers')).toContain('Location');
  });

  test('another origin is not allowed', async () => {
    const response = await fetch(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('other routes', () => {
  test('the SMART style document has every style property', async () => {
    const style = (await (await fetch(`${sandbox.origin}/smart-style.json`)).json()) as Record<string, string>;
    expect(Object.keys(style).sort()).toEqual([
      'color_background',
      'color_error',
      'color_highlight',
      'color_modal_backdrop',
      'color_success',
      'color_text',
      'dim_border_radius',
      'dim_font_size',
      'dim_spacing_size',
      'font_family_body',
      'font_family_heading',
    ]);
    expect(style['color_highlight']).toMatch(/^#[0-9a-f]{6}$/);
  });

  test('an unknown path is a 404 OperationOutcome and the server keeps serving', async () => {
    const response = await fetch(`${sandbox.origin}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    expect((await fetch(sandbox.homeUrl)).status).toBe(200);
  });

  test('the JWKS publishes one RS256 signing key', async () => {
    const jwks = (await (await fetch(`${sandbox.origin}/auth/jwks`)).json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
