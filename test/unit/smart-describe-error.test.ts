import HttpError from 'fhirclient/lib/HttpError';
import { ready } from 'fhirclient/lib/smart';
import type { fhirclient } from 'fhirclient/lib/types';
import { describe, expect, test } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import { describeError } from '../../src/smart/describe-error.ts';
import { LaunchError } from '../../src/smart/launch-error.ts';
import { oauthErrorFromUrl } from '../../src/smart/open-session.ts';

/** The error fhirclient's own ready() throws when the page URL carries a state it never stored. */
async function fhirclientStateError(url: string): Promise<unknown> {
  const storage = new Map<string, unknown>();
  const adapter = {
    options: {},
    getUrl: () => new URL(url),
    getStorage: () => ({
      get: (key: string) => Promise.resolve(storage.get(key)),
      set: (key: string, value: unknown) => Promise.resolve(storage.set(key, value)),
      unset: (key: string) => Promise.resolve(storage.delete(key)),
    }),
    redirect: () => undefined,
    relative: (path: string) => new URL(path, url).href,
  } as unknown as fhirclient.Adapter;
  return ready(adapter).then(
    () => undefined,
    (error: unknown) => error
  );
}

describe('describeError', () => {
  test('an OAuth access_denied in the redirect URL says access was not granted, keeping the server text as detail', () => {
    const error = oauthErrorFromUrl(
      new URL('http://localhost:4000/index.html?error=access_denied&error_description=The+user+said+no&state=abc')
    );
    const report = describeError(error);
    expect(report.kind).toBe('access-denied');
    expect(report.sentence).toBe(
      'Access to the record was not granted: the sign-in was cancelled or permission was refused.'
    );
    expect(report.detail).toContain('Server said: The user said no');
  });

  test('other OAuth errors point at the app registration', () => {
    const report = describeError(oauthErrorFromUrl(new URL('http://app/index.html?error=invalid_client')));
    expect(report.kind).toBe('oauth');
    expect(report.sentence).toMatch(/registration/);
  });

  test('a URL without an error parameter is not an OAuth error', () => {
    expect(oauthErrorFromUrl(new URL('http://app/index.html?code=1&state=2'))).toBeUndefined();
  });

  test("fhirclient's error for a tampered state says the launch information was lost and to launch again", async () => {
    const error = await fhirclientStateError('http://app/index.html?code=abc&state=tampered');
    expect(error).toBeInstanceOf(Error);
    const report = describeError(error);
    expect(report.kind).toBe('state-lost');
    expect(report.sentence).toMatch(/launch information was lost or does not match/);
    expect(report.sentence).toMatch(/launch the app again/);
    expect(report.detail).toContain('No state found');
  });

  test("fhirclient's error for a missing state parameter is also a lost launch", async () => {
    const report = describeError(await fhirclientStateError('http://app/index.html'));
    expect(report.kind).toBe('state-lost');
  });

  test('a network failure says the server could not be reached, naming it when known', () => {
    const fromTransport = describeError(
      new FhirError(0, 'http://localhost:4010/fhir/Patient/1', 'GET got no response', undefined, {
        cause: new TypeError('Failed to fetch'),
      })
    );
    expect(fromTransport.kind).toBe('unreachable');
    expect(fromTransport.sentence).toBe(
      'The FHIR server at http://localhost:4010 could not be reached. Check the network connection, or ask your administrator whether the server is running.'
    );
    expect(fromTransport.detail).toContain('TypeError: Failed to fetch');
    expect(describeError(new TypeError('Failed to fetch')).kind).toBe('unreachable');
    expect(describeError(new TypeError('fetch failed')).kind).toBe('unreachable');
    expect(describeError(new LaunchError('unreachable', 'x', { iss: 'https://ehr.example/fhir' })).sentence).toMatch(
      /^The FHIR server at https:\/\/ehr\.example\/fhir could not be reached/
    );
  });

  test('a 401 on the first calls says the session expired, to launch again, and that unsaved changes are kept', () => {
    const report = describeError(new FhirError(401, 'http://localhost:4010/fhir/Patient/1', 'GET failed: 401'));
    expect(report.kind).toBe('expired');
    expect(report.sentence).toBe(
      'Your session has expired or was not accepted by the server. Launch the app again to sign in; changes you ' +
        'had not saved are kept in this browser tab and come back when you open the same client again.'
    );
  });

  test("fhirclient's HttpError for a spent code (invalid_grant) says to launch again", async () => {
    const response = new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'code already used' }), {
      status: 400,
      statusText: 'Bad Request',
      headers: { 'content-type': 'application/json' },
    });
    const error = await new HttpError(response).parse();
    const report = describeError(error);
    expect(report.kind).toBe('sign-in-failed');
    expect(report.sentence).toMatch(/launch the app again/);
    expect(report.detail).toContain('invalid_grant: code already used');
  });

  test('an invalid config names the bad field in the sentence', () => {
    const report = describeError(
      new LaunchError('config', 'bad', { problems: ['servers[1].issMatch: is not a valid regular expression'] })
    );
    expect(report.kind).toBe('config');
    expect(report.sentence).toContain('servers[1].issMatch: is not a valid regular expression');
  });

  test('a 403 says permission was not granted for what was asked, with the OperationOutcome as detail', () => {
    const report = describeError(
      new FhirError(403, 'http://localhost:4010/fhir/Patient/george-smith', 'GET failed: 403', {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'needs patient/Patient.r' }],
      })
    );
    expect(report.sentence).toBe(
      "The server refused access to the client's record: this app was not granted permission for it."
    );
    expect(report.detail).toContain('OperationOutcome: needs patient/Patient.r');
  });

  test('anything else still gives a sentence and never an empty page', () => {
    const report = describeError('something odd');
    expect(report.kind).toBe('unknown');
    expect(report.sentence).toMatch(/launch it again/);
    expect(report.detail).toBe('something odd');
  });
});
