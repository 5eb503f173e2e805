/**
 * The launch page's job: read how the app was launched, find the server in smart-config.json, discover its SMART
 * configuration, compute the scope and hand over to fhirclient's `authorize()`, which redirects to the
 * authorization server (or, for an open server, straight to the app page).
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html
 */
import {
  DEFAULT_REDIRECT_URI,
  findServer,
  isPlaceholderClientId,
  type AppConfig,
  type ServerEntry,
} from './app-config.ts';
import type { AuthorizeParams, SmartLaunchApi } from './fhirclient.ts';
import { LaunchError } from './launch-error.ts';
import type { LaunchMarker } from './launch-marker.ts';
import { requestedScope, type LaunchMode } from './scope-request.ts';
import {
  smartConfigurationFromCapabilityStatement,
  smartConfigurationFromJson,
  type SmartConfiguration,
} from './smart-configuration.ts';

export type LaunchRequest =
  /** No launch parameters: show the server chooser. */
  | { readonly mode: 'choose' }
  /** EHR launch: the EHR sent `iss` and an opaque `launch` handle. */
  | { readonly mode: 'ehr'; readonly iss: string; readonly launch: string }
  /** Standalone launch against `iss` (from the chooser); `patientId` only matters if the server turns out open. */
  | { readonly mode: 'standalone'; readonly iss: string; readonly patientId?: string }
  /** An open server chosen on the launch page: no authorization at all. */
  | { readonly mode: 'open'; readonly fhirServiceUrl: string; readonly patientId?: string };

export function readLaunchRequest(url: URL): LaunchRequest {
  const params = url.searchParams;
  const iss = params.get('iss') ?? '';
  const launch = params.get('launch') ?? '';
  const patientId = params.get('patientId') ?? '';
  const fhirServiceUrl = params.get('fhirServiceUrl') ?? '';
  const patient = patientId ? { patientId } : {};
  if (iss && launch) {
    return { mode: 'ehr', iss, launch };
  }
  if (iss) {
    return { mode: 'standalone', iss, ...patient };
  }
  if (fhirServiceUrl) {
    return { mode: 'open', fhirServiceUrl, ...patient };
  }
  return { mode: 'choose' };
}

export type Discovery =
  { readonly kind: 'smart'; readonly configuration: SmartConfiguration } | { readonly kind: 'open' };

/**
 * Finds the server's SMART configuration: `.well-known/smart-configuration` first, then the CapabilityStatement's
 * oauth-uris extension. A server that answers with neither is open; one that answers nothing is unreachable.
 */
export async function discoverServer(
  iss: string,
  api: Pick<SmartLaunchApi, 'wellKnown' | 'capabilityStatement'>
): Promise<Discovery> {
  const failures: unknown[] = [];
  try {
    const configuration = smartConfigurationFromJson(await api.wellKnown(iss));
    if (configuration) {
      return { kind: 'smart', configuration };
    }
  } catch (error) {
    failures.push(error);
  }
  try {
    const configuration = smartConfigurationFromCapabilityStatement(await api.capabilityStatement(iss));
    return configuration ? { kind: 'smart', configuration } : { kind: 'open' };
  } catch (error) {
    failures.push(error);
  }
  throw new LaunchError(
    'unreachable',
    `No SMART configuration or CapabilityStatement could be read from ${iss}`,
    {
      iss,
      serverText: failures.map((failure) => (failure instanceof Error ? failure.message : String(failure))).join('\n'),
    },
    { cause: failures[0] }
  );
}

/** The fhirclient options for one launch, decided from the request, the config and what the server said. */
export function planAuthorization(
  request: Exclude<LaunchRequest, { mode: 'choose' }>,
  config: AppConfig,
  discovery: Discovery | undefined,
  pageUrl: URL
): AuthorizeParams | AuthorizeParams[] {
  if (request.mode === 'open') {
    return openLaunch(request.fhirServiceUrl, request.patientId, findServer(config, request.fhirServiceUrl), pageUrl);
  }
  const server = findServer(config, request.iss);
  if (server?.kind === 'open' || discovery?.kind === 'open') {
    return openLaunch(request.iss, request.mode === 'standalone' ? request.patientId : undefined, server, pageUrl);
  }
  if (!server) {
    throw new LaunchError('not-configured', `No entry of smart-config.json matches ${request.iss}`, {
      iss: request.iss,
    });
  }
  if (isPlaceholderClientId(server.clientId)) {
    throw new LaunchError('not-configured', `The client id for "${server.id}" in smart-config.json is a placeholder`, {
      iss: request.iss,
    });
  }
  if (discovery === undefined) {
    throw new LaunchError('unreachable', `The SMART configuration of ${request.iss} is unknown`, { iss: request.iss });
  }
  const { capabilities } = discovery.configuration;
  // fhirclient picks the first option whose issMatch matches the launch's iss, as findServer does.
  // @see https://docs.smarthealthit.org/client-js/api.html#multiple-configurations
  return config.servers
    .filter((entry) => entry.kind === 'smart' && !isPlaceholderClientId(entry.clientId))
    .map((entry) => smartOptions(entry, request.mode, capabilities, pageUrl));
}

function smartOptions(
  server: ServerEntry,
  launch: LaunchMode,
  capabilities: readonly string[],
  pageUrl: URL
): AuthorizeParams {
  return {
    issMatch: new RegExp(server.issMatch),
    ...(server.clientId === undefined ? {} : { clientId: server.clientId }),
    scope: requestedScope({ launch, capabilities, ...(server.scopes?.extra ? { extra: server.scopes.extra } : {}) }),
    redirectUri: redirectUri(server, pageUrl),
    // PKCE S256 whenever the server lists it in code_challenge_methods_supported (the sandbox requires it).
    pkceMode: 'ifSupported',
    // Finish in the window that started, also inside an EHR's iframe; never hand the code to a parent window.
    completeInTarget: true,
  };
}

function openLaunch(
  fhirServiceUrl: string,
  patientId: string | undefined,
  server: ServerEntry | undefined,
  pageUrl: URL
): AuthorizeParams {
  return {
    fhirServiceUrl,
    ...(patientId ? { patientId } : {}),
    redirectUri: redirectUri(server, pageUrl),
  };
}

function redirectUri(server: ServerEntry | undefined, pageUrl: URL): string {
  return new URL(server?.redirectUri ?? DEFAULT_REDIRECT_URI, pageUrl).href;
}

export interface LaunchDeps {
  readonly api: SmartLaunchApi;
  readonly pageUrl: URL;
  /** Remembers how the app was launched, so an error page on the app page can say how to relaunch. */
  readonly remember: (marker: LaunchMarker) => void;
}

/** Runs the launch; resolves once fhirclient has started the redirect. */
export async function startLaunch(
  request: Exclude<LaunchRequest, { mode: 'choose' }>,
  config: AppConfig,
  { api, pageUrl, remember }: LaunchDeps
): Promise<void> {
  const iss = request.mode === 'open' ? request.fhirServiceUrl : request.iss;
  const server = findServer(config, iss);
  const discovery = request.mode === 'open' || server?.kind === 'open' ? undefined : await discoverServer(iss, api);
  const options = planAuthorization(request, config, discovery, pageUrl);
  remember({ mode: request.mode, iss });
  await api.authorize(options);
}
