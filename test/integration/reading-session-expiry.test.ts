/**
 * Sessions as Epic and Oracle Health give them to a browser app: opaque access tokens, and no refresh token (or
 * one that stops working with the EHR session). The app's own session code (sessionFromClient over a real
 * fhirclient Client launched from the in-process sandbox) never reads the token, and when it expires a save
 * comes back `unauthorized`, which the workspace turns into "launch again", the draft kept, rather than an
 * exception.
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import { savePlanTransaction } from '../../src/fhir/save-plan-transaction.ts';
import { describeError } from '../../src/smart/describe-error.ts';
import { sessionFromClient } from '../../src/smart/open-session.ts';
import { appScope } from './support/behave-fixture.ts';
import { ehrLaunchUrl, launch } from './support/fhirclient-launch.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let epic: TestSandbox;
let open: TestSandbox;

beforeAll(async () => {
  [epic, open] = await Promise.all([startTestSandbox({ behave: 'epic' }), startTestSandbox({ behave: 'open' })]);
});

afterAll(async () => {
  await Promise.all([epic.close(), open.close()]);
});

async function launchGeorge(sandbox: TestSandbox, scope?: string) {
  return launch({
    launchUrl: ehrLaunchUrl(sandbox.fhirBaseUrl, sandbox.createLaunch(GEORGE_LAUNCH)),
    scope: scope ?? (await appScope(sandbox)),
  });
}

/** A new problem for George: Epic-like servers accept this create. */
const condition: fhir.Condition = {
  resourceType: 'Condition',
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] },
  ],
  code: { text: 'Insomnia' },
  subject: { reference: 'Patient/george-smith' },
};
const problem: fhir.Bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: 'urn:uuid:7d0c1c0e-3a3b-4d8e-9a43-5f3f6c1f0a01',
      resource: condition,
      request: { method: 'POST', url: 'Condition' },
    },
  ],
};

describe('a session without a refresh token', () => {
  test('works with an opaque access token the app never reads', async () => {
    const client = await launchGeorge(epic);
    const token = client.state.tokenResponse?.access_token ?? '';
    expect(token).not.toBe('');
    expect(client.state.tokenResponse?.refresh_token).toBeUndefined();
    // Not a JWT: nothing in it to decode.
    expect(token.split('.')).toHaveLength(1);

    const session = await sessionFromClient(client);

    expect(session.patient?.id).toBe('george-smith');
    expect(session.capabilityStatement.status).toBe('loaded');
  });

  test('once the token expires, a write fails as an expired session (launch again), nothing refreshed', async () => {
    const client = await launchGeorge(epic);
    const session = await sessionFromClient(client);
    epic.advanceClock(2 * 3600);

    const failure = await session.gateway.request({ method: 'POST', url: 'Condition', body: condition }).then(
      () => undefined,
      (error: unknown) => error
    );

    expect(failure).toBeInstanceOf(FhirError);
    expect(failure instanceof FhirError ? failure.status : undefined).toBe(401);
    expect(describeError(failure).kind).toBe('expired');
  });
});

describe('a session whose refresh token no longer works', () => {
  test('a save that cannot renew the token is unauthorized, and a load says the session expired', async () => {
    const client = await launchGeorge(open, `${await appScope(open)} offline_access`);
    expect(client.state.tokenResponse?.refresh_token).toBeDefined();
    const session = await sessionFromClient(client);
    // The EHR session ended: the refresh token is refused, and the access token is past its time.
    client.state.tokenResponse = { ...client.state.tokenResponse, refresh_token: 'revoked-by-the-ehr' };
    client.state.expiresAt = 0;
    open.advanceClock(2 * 3600);

    const result = await savePlanTransaction(session.gateway, problem);
    const loadFailure = await session.gateway.read('Patient/george-smith').then(
      () => undefined,
      (error: unknown) => error
    );

    expect(result.kind).toBe('unauthorized');
    // fhirclient drops a refresh token that failed, so the next request goes out with the expired token.
    expect(client.state.tokenResponse.refresh_token).toBeUndefined();
    expect(describeError(loadFailure).kind).toBe('expired');
  });
});
