/**
 * The app page's start: finish the authorization (fhirclient `ready()`, exactly once: a second call would spend
 * the one-time code again and fail with invalid_grant), then load what the first screen needs in one parallel
 * round: the patient, the signed-in user, the CapabilityStatement, the SMART configuration and the EHR's style.
 */
import type * as fhir from 'fhir/r4';
import { createFetchGateway } from '../fhir/fetch-gateway.ts';
import { FhirError } from '../fhir/fhir-error.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import { completeAuthorization, readWellKnown, type SmartClient } from './fhirclient.ts';
import { LaunchError } from './launch-error.ts';
import type { LaunchContext, LaunchKind, Loaded, Session, SignedInUser, UserResource } from './session.ts';
import { smartConfigurationFromJson, type SmartConfiguration } from './smart-configuration.ts';
import { loadStyleProperties, type StyleProperties } from './smart-style.ts';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const USER_REFERENCE = /^(Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/[A-Za-z0-9\-.]{1,64}$/;

/**
 * The OAuth error the authorization server put on the redirect URI, if any.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export function oauthErrorFromUrl(url: URL): LaunchError | undefined {
  const error = url.searchParams.get('error');
  if (error === null) {
    return undefined;
  }
  const description = url.searchParams.get('error_description') ?? undefined;
  return new LaunchError('oauth', `The authorization server answered ${error}`, {
    oauthError: error,
    ...(description === undefined ? {} : { serverText: description }),
  });
}

/** Completes the launch on the redirect page and builds the session. */
export async function openSession(pageUrl: URL): Promise<Session> {
  const oauthError = oauthErrorFromUrl(pageUrl);
  if (oauthError) {
    throw oauthError;
  }
  return sessionFromClient(await completeAuthorization());
}

export interface SessionDeps {
  /** Reads `.well-known/smart-configuration`; defaults to fhirclient's (cached) reader. */
  readonly wellKnown?: (serverUrl: string) => Promise<unknown>;
  readonly fetch?: typeof fetch;
}

export async function sessionFromClient(client: SmartClient, deps: SessionDeps = {}): Promise<Session> {
  const { state } = client;
  const tokenResponse = state.tokenResponse ?? {};
  const open = !state.authorizeUri;
  const requestedScope = state.scope ?? '';
  const launch: LaunchKind = open ? 'open' : requestedScope.split(/\s+/).includes('launch') ? 'ehr' : 'standalone';
  const gateway = createFetchGateway({
    baseUrl: state.serverUrl,
    authorization: () => authorizationHeader(client),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });

  const patientId = client.getPatientId() ?? undefined;
  if (patientId !== undefined && !FHIR_ID.test(patientId)) {
    throw new LaunchError('no-context', `The launch named an invalid patient id "${patientId}"`);
  }
  if (patientId === undefined && !open) {
    throw new LaunchError('no-context', 'The token response has no patient');
  }
  const fhirUser = client.getFhirUser() ?? undefined;
  const styleUrl = typeof tokenResponse.smart_style_url === 'string' ? tokenResponse.smart_style_url : undefined;

  const [patient, user, capabilityStatement, smartConfiguration, style] = await Promise.all([
    patientId === undefined ? undefined : gateway.read<fhir.Patient>(`Patient/${patientId}`),
    fhirUser === undefined ? undefined : loadUser(gateway, fhirUser),
    loadCapabilityStatement(gateway),
    open ? undefined : loadSmartConfiguration(state.serverUrl, deps.wellKnown ?? readWellKnown, state),
    styleUrl === undefined ? { status: 'absent' as const } : loadStyle(styleUrl, deps.fetch),
  ]);

  const context: LaunchContext = {
    // Only an explicit false hides our banner (SMART App Launch, launch context).
    needPatientBanner:
      tokenResponse.need_patient_banner !== false && String(tokenResponse.need_patient_banner) !== 'false',
    ...(styleUrl === undefined ? {} : { smartStyleUrl: styleUrl }),
    ...(typeof tokenResponse.encounter === 'string' ? { encounterId: tokenResponse.encounter } : {}),
    ...(typeof tokenResponse['intent'] === 'string' ? { intent: tokenResponse['intent'] } : {}),
  };

  return {
    gateway,
    serverUrl: gateway.baseUrl,
    launch,
    patient,
    user,
    requestedScope,
    grantedScope: open || typeof tokenResponse.scope !== 'string' ? undefined : tokenResponse.scope,
    smartConfiguration,
    capabilityStatement,
    context,
    style,
  };
}

/**
 * The bearer header for the next request, refreshed first when fhirclient holds a refresh token and the access
 * token is about to expire. Browser apps on Epic get no refresh token and Oracle's `online_access` ones end with
 * the EHR session: when a refresh is impossible or fails, the request is not sent at all and fails as a 401, so
 * the workspace says "launch again" and keeps the draft (restored on relaunch for the same server and patient).
 * The access token itself is never read: it may be opaque.
 */
async function authorizationHeader(client: SmartClient): Promise<string | undefined> {
  try {
    await client.refreshIfNeeded();
  } catch (cause) {
    throw new FhirError(
      401,
      client.state.serverUrl,
      `The session expired and could not be renewed (${problemText(cause)}): launch the app again.`,
      undefined,
      { cause }
    );
  }
  return client.getAuthorizationHeader() ?? undefined;
}

/** A 401 on any first call means the token is no good: the whole launch fails, so the user relaunches. */
function rethrowIfUnauthorized(error: unknown): void {
  if (error instanceof FhirError && error.status === 401) {
    throw error;
  }
}

function problemText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function loadUser(gateway: FhirGateway, fhirUser: string): Promise<SignedInUser> {
  if (!USER_REFERENCE.test(fhirUser)) {
    return {
      reference: fhirUser,
      resource: { status: 'failed', problem: `fhirUser "${fhirUser}" is not a user reference` },
    };
  }
  try {
    return { reference: fhirUser, resource: { status: 'loaded', value: await gateway.read<UserResource>(fhirUser) } };
  } catch (error) {
    rethrowIfUnauthorized(error);
    return { reference: fhirUser, resource: { status: 'failed', problem: problemText(error) } };
  }
}

async function loadCapabilityStatement(gateway: FhirGateway): Promise<Loaded<fhir.CapabilityStatement>> {
  try {
    const { body } = await gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' });
    return body?.resourceType === 'CapabilityStatement'
      ? { status: 'loaded', value: body }
      : { status: 'failed', problem: 'The server answered /metadata without a CapabilityStatement.' };
  } catch (error) {
    rethrowIfUnauthorized(error);
    return { status: 'failed', problem: problemText(error) };
  }
}

/**
 * The smart-configuration, for the capabilities it lists. If it cannot be read now (it could at launch), fall back
 * to the endpoints fhirclient kept: the app then knows less (no capability list), which the table reflects.
 */
async function loadSmartConfiguration(
  serverUrl: string,
  wellKnown: (serverUrl: string) => Promise<unknown>,
  state: SmartClient['state']
): Promise<SmartConfiguration> {
  const fallback: SmartConfiguration = {
    authorization_endpoint: state.authorizeUri ?? '',
    token_endpoint: state.tokenUri ?? '',
    capabilities: [],
    code_challenge_methods_supported: [],
  };
  try {
    return smartConfigurationFromJson(await wellKnown(serverUrl)) ?? fallback;
  } catch {
    return fallback;
  }
}

async function loadStyle(url: string, fetchImpl: typeof fetch | undefined): Promise<Loaded<StyleProperties>> {
  try {
    return { status: 'loaded', value: await loadStyleProperties(url, fetchImpl) };
  } catch (error) {
    return { status: 'failed', problem: problemText(error) };
  }
}
