/**
 * The sandbox in one behaviour (`behave`), launched for George Smith the way the app launches: fhirclient asks
 * for the scopes the app asks for (src/smart/scope-request.ts, from the server's smart-configuration), and the
 * test then talks plain HTTP with the access token so statuses, headers and bodies can be asserted as sent.
 */
import type * as fhir from 'fhir/r4';
import type { fhirclient } from 'fhirclient/lib/types';
import { requestedScope } from '../../../src/smart/scope-request.ts';
import type { SandboxOptions } from '../../../src/sandbox/server.ts';
import { ehrLaunchUrl, launch } from './fhirclient-launch.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './sandbox-fixture.ts';

export interface BehaveSession {
  readonly sandbox: TestSandbox;
  /** The token response's `scope`: what was granted. */
  readonly grantedScope: string;
  readonly refreshToken: string | undefined;
  /** A FHIR request with the access token; `path` is relative to the FHIR base. */
  fhir(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function smartConfigurationOf(sandbox: TestSandbox): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`);
  return (await response.json()) as Record<string, unknown>;
}

/** The sandbox's CapabilityStatement, read from /metadata without a token. */
export async function capabilityStatementOf(sandbox: TestSandbox): Promise<fhir.CapabilityStatement> {
  const response = await fetch(`${sandbox.fhirBaseUrl}/metadata`);
  return (await response.json()) as fhir.CapabilityStatement;
}

/** The CapabilityStatement's entry for `type`; throws when the statement does not list it. */
export function resourceOf(statement: fhir.CapabilityStatement, type: string): fhir.CapabilityStatementRestResource {
  const found = statement.rest?.[0]?.resource?.find((r) => r.type === type);
  if (!found) throw new Error(`${type} is not in the CapabilityStatement`);
  return found;
}

/** The scope the app would request from this sandbox (v2 when it advertises permission-v2). */
export async function appScope(sandbox: TestSandbox): Promise<string> {
  const capabilities = (await smartConfigurationOf(sandbox))['capabilities'] as string[];
  return requestedScope({ launch: 'ehr', capabilities });
}

/** An EHR launch for George asking for `scope`; the token response as fhirclient received it. */
export async function tokenFor(sandbox: TestSandbox, scope: string): Promise<fhirclient.TokenResponse> {
  const client = await launch({
    launchUrl: ehrLaunchUrl(sandbox.fhirBaseUrl, sandbox.createLaunch(GEORGE_LAUNCH)),
    scope,
  });
  return client.state.tokenResponse ?? {};
}

export async function startBehaveSession(options: SandboxOptions, scope?: string): Promise<BehaveSession> {
  const sandbox = await startTestSandbox(options);
  const token = await tokenFor(sandbox, scope ?? (await appScope(sandbox)));
  const accessToken = token.access_token ?? '';
  return {
    sandbox,
    grantedScope: token.scope ?? '',
    refreshToken: token.refresh_token,
    fhir: (method, path, body, headers = {}) =>
      fetch(`${sandbox.fhirBaseUrl}/${path}`, {
        method,
        headers: {
          Accept: 'application/fhir+json',
          Authorization: `Bearer ${accessToken}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/fhir+json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    close: () => sandbox.close(),
  };
}

export async function outcomeOf(response: Response): Promise<fhir.OperationOutcome> {
  const body = (await response.json()) as { resourceType?: unknown };
  if (body.resourceType !== 'OperationOutcome') {
    throw new Error(`Expected an OperationOutcome, got ${JSON.stringify(body)}`);
  }
  return body as fhir.OperationOutcome;
}

export async function bundleOf(response: Response): Promise<fhir.Bundle> {
  return (await response.json()) as fhir.Bundle;
}

export function idsIn(bundle: fhir.Bundle): string[] {
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource?.id ? [entry.resource.id] : []));
}

/** A new problem-list Condition for George (category given, so Epic and Oracle accept it). */
export function newProblem(category = 'problem-list-item', text = 'Insomnia'): fhir.Condition {
  return {
    resourceType: 'Condition',
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: category }] }],
    code: { text },
    subject: { reference: 'Patient/george-smith' },
  };
}

/** A plan-of-care note (LOINC 18776-5) for George with one attachment of `contentType`. */
export function planNote(contentType = 'text/html'): fhir.DocumentReference {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: '18776-5', display: 'Plan of care note' }] },
    subject: { reference: 'Patient/george-smith' },
    content: [{ attachment: { contentType, data: Buffer.from('<p>Plan</p>').toString('base64') } }],
  };
}

/** A minimal CarePlan for George, as a plan app would write it. */
export function newCarePlan(): fhir.CarePlan {
  return {
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'plan',
    category: [
      { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' }] },
    ],
    subject: { reference: 'Patient/george-smith' },
  };
}
