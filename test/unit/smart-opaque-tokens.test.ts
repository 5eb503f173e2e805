// @vitest-environment jsdom
/**
 * Access tokens are opaque to the app (Epic and Oracle Health issue tokens that are not JWTs). fhirclient reads
 * the access token as a JWT when a token response has no `expires_in`; with the app's adapter such a token
 * neither fails the launch nor yields a made-up expiry, while real JWTs (the id_token) still decode.
 */
import BrowserAdapter from 'fhirclient/lib/adapters/BrowserAdapter';
import { getAccessTokenExpiration, jwtDecode } from 'fhirclient/lib/lib';
import { describe, expect, test } from 'vitest';
import { createBrowserAdapter } from '../../src/smart/fhirclient.ts';

const NOW = Math.floor(Date.now() / 1000);

/** A JWT-shaped token (unsigned: only its payload is read) whose payload is base64url. */
function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown): string =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'none' })}.${part(payload)}.signature`;
}

describe('tokens the app treats as opaque', () => {
  test('an opaque token with dots and no expires_in gets fhirclient’s default lifetime instead of failing', () => {
    const tokenResponse = { access_token: 'a1b2.c3d4?.e5f6', token_type: 'Bearer' as const };
    // fhirclient's own adapter shows the failure the app's adapter avoids.
    expect(() => getAccessTokenExpiration(tokenResponse, new BrowserAdapter())).toThrow();

    const expiresAt = getAccessTokenExpiration(tokenResponse, createBrowserAdapter());

    expect(expiresAt).toBeGreaterThanOrEqual(NOW + 300);
    expect(expiresAt).toBeLessThan(NOW + 310);
  });

  test('an opaque token whose middle part happens to be base64 of something not JSON is still opaque', () => {
    const tokenResponse = { access_token: `v1.${btoa('not json at all')}.sig` };

    expect(getAccessTokenExpiration(tokenResponse, createBrowserAdapter())).toBeLessThan(NOW + 310);
  });

  test('expires_in, when the server sends it, is what counts', () => {
    const expiresAt = getAccessTokenExpiration(
      { access_token: 'opaque.with.dots', expires_in: 3600 },
      createBrowserAdapter()
    );

    expect(expiresAt).toBeGreaterThanOrEqual(NOW + 3600);
    expect(expiresAt).toBeLessThan(NOW + 3610);
  });

  test('a JWT id_token still decodes, base64url characters and all, so fhirUser is read from it', () => {
    const payload = { fhirUser: 'Practitioner/ab-cd_?~>', exp: NOW + 60, name: 'Dr ÿ>?' };

    const token = jwt(payload);
    expect(token.split('.')[1]).toMatch(/[-_]/);

    expect(jwtDecode(token, createBrowserAdapter())).toEqual(payload);
  });
});
