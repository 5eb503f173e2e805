/**
 * The authorization endpoint: checks an authorization request, then issues a code at once (EHR launch, or a
 * standalone launch without patient context) or after the user picks a patient (standalone `launch/patient`).
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html#obtain-authorization-code
 */
import type { LaunchContext, SandboxRequest, SandboxResponse } from '../contracts.ts';
import { errorPage } from '../pages/error-page.ts';
import { htmlResponse } from '../pages/html.ts';
import { patientPickerPage } from '../pages/patient-picker-page.ts';
import { summarizePatients } from '../pages/patient-summary.ts';
import type { RegisteredClient } from './clients.ts';
import { grantScope } from './granted-scope.ts';
import { redirectResponse, withParams, type OAuthError } from './responses.ts';
import { signedInUserName } from './signed-in-user.ts';
import {
  CODE_LIFETIME_MS,
  LAUNCH_LIFETIME_MS,
  SIGNED_IN_USER,
  type AuthState,
  type AuthorizationRequest,
} from './state.ts';

function formParams(req: SandboxRequest): URLSearchParams {
  return req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.url.searchParams;
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function unknownClientPage(clientId: string): SandboxResponse {
  return htmlResponse(
    400,
    errorPage({
      title: 'Unknown app',
      problem: clientId
        ? 'The app that sent you here is not registered with this EHR, so the EHR cannot sign you in to it.'
        : 'The request did not say which app it came from (no client_id).',
      remedy: "Check the app's client_id against the EHR's registration, then launch it again.",
      details: [['client_id', clientId || '(missing)']],
    })
  );
}

function redirectMismatchPage(client: RegisteredClient, redirectUri: string): SandboxResponse {
  return htmlResponse(
    400,
    errorPage({
      title: 'Redirect address not registered',
      problem: `${client.name ?? client.clientId} asked to be sent back to an address the EHR does not know for it, so the EHR will not send anything there.`,
      remedy: "The app's registration must list this redirect URI exactly, or the app must use one that is listed.",
      details: [
        ['client_id', client.clientId],
        ['redirect_uri', redirectUri || '(missing)'],
        ...client.redirectUris.map((uri): [string, string] => ['registered', uri]),
      ],
    })
  );
}

/** Issues a single-use code and sends the browser back to the app with it. */
function issueCode(state: AuthState, request: AuthorizationRequest, status: 302 | 303): SandboxResponse {
  const code = state.codes.add(
    { request, used: false, family: { accessTokens: [], refreshTokens: [] } },
    CODE_LIFETIME_MS
  );
  return redirectResponse(withParams(request.redirectUri, { code, state: request.state }), status);
}

/** GET (or POST) /auth/authorize. */
export async function handleAuthorize(state: AuthState, req: SandboxRequest): Promise<SandboxResponse> {
  const params = formParams(req);
  const clientId = params.get('client_id') ?? '';
  const client = state.clientsById.get(clientId);
  if (!client) {
    return unknownClientPage(clientId);
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) {
    return redirectMismatchPage(client, redirectUri);
  }

  // From here on the redirect URI is trusted, so errors go back to the app (RFC 6749 §4.1.2.1).
  const appState = params.get('state') ?? undefined;
  const fail = (error: OAuthError, description: string): SandboxResponse =>
    redirectResponse(withParams(redirectUri, { error, error_description: description, state: appState }));

  if (params.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'Only response_type=code is supported.');
  }
  if (!appState) {
    return fail('invalid_request', 'The state parameter is required.');
  }
  const fhirBaseUrl = `${req.url.origin}/fhir`;
  if (withoutTrailingSlash(params.get('aud') ?? '') !== fhirBaseUrl) {
    return fail('invalid_request', `aud must be this server's FHIR base URL, ${fhirBaseUrl}.`);
  }
  const codeChallenge = params.get('code_challenge');
  if (!codeChallenge || params.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256.');
  }
  const launchId = params.get('launch');
  const launch = launchId === null ? undefined : state.launches.get(launchId);
  if (launchId !== null && !launch) {
    return fail('invalid_request', 'The launch id is unknown or has expired; launch the app from the EHR again.');
  }
  const granted = grantScope(params.get('scope') ?? '', client.allowedScopes, state.smart);
  if (!granted) {
    return fail('invalid_scope', 'None of the requested scopes can be granted to this app.');
  }

  const base = { clientId, redirectUri, state: appState, codeChallenge, granted };
  const other = granted.scopes.otherScopes;
  if (launch) {
    // EHR launch: the context is the one the EHR bound to the launch id, given only with the `launch` scope.
    const context: LaunchContext = other.has('launch') ? launch : { fhirUser: launch.fhirUser ?? SIGNED_IN_USER };
    return issueCode(state, { ...base, context }, 302);
  }
  if (!other.has('launch/patient')) {
    return issueCode(state, { ...base, context: { fhirUser: SIGNED_IN_USER } }, 302);
  }
  const requestId = state.pendingChoices.add(
    { ...base, context: { fhirUser: SIGNED_IN_USER, needPatientBanner: true } },
    LAUNCH_LIFETIME_MS
  );
  const [patients, userName] = await Promise.all([state.records.listPatients(), signedInUserName(state.records)]);
  return htmlResponse(
    200,
    patientPickerPage({
      appName: client.name ?? client.clientId,
      userName,
      requestId,
      patients: summarizePatients(patients, new Date(state.now())),
    })
  );
}

/** POST /auth/authorize/patient: the user picked a patient on the picker page. */
export async function handlePatientChoice(state: AuthState, req: SandboxRequest): Promise<SandboxResponse> {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const requestId = form.get('request') ?? '';
  const pending = state.pendingChoices.get(requestId);
  if (!pending) {
    return htmlResponse(
      400,
      errorPage({
        title: 'This sign-in has expired',
        problem: 'The request to open a client in the app is unknown, has already been answered, or took too long.',
        remedy: 'Go back to the app and launch it again.',
      })
    );
  }
  const patientId = form.get('patient') ?? '';
  const patients = await state.records.listPatients();
  if (!patients.some((patient) => patient.id === patientId)) {
    return htmlResponse(
      400,
      errorPage({
        title: 'Unknown client',
        problem: 'The chosen client is not in this EHR.',
        remedy: 'Go back and choose a client from the list.',
        details: [['patient', patientId || '(missing)']],
      })
    );
  }
  state.pendingChoices.delete(requestId);
  return issueCode(state, { ...pending, context: { ...pending.context, patient: patientId } }, 303);
}
