/**
 * Opens a FHIR server for a command: a FhirGateway (src/fhir/fetch-gateway.ts) with the right authorization,
 * and the server's traits read from its CapabilityStatement. Credentials come from the environment, never from
 * the command line (which lands in shell history):
 * - `FHIR_TOKEN` (or, for `copy`, `FHIR_FROM_TOKEN` / `FHIR_TO_TOKEN`): a bearer token used as it is;
 * - `SMART_CLIENT_ID` + `SMART_PRIVATE_KEY` (+ `SMART_KEY_ID`, `SMART_KEY_ALG`, `SMART_SCOPE`): SMART Backend
 *   Services (backend-services.ts);
 * - neither: an open server.
 */
import type * as fhir from 'fhir/r4';
import { createFetchGateway } from '../fhir/fetch-gateway.ts';
import { isFhirError } from '../fhir/fhir-error.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import { serverTraits, UNKNOWN_SERVER_TRAITS, type ServerTraits } from '../fhir/server-traits.ts';
import { discoverTokenEndpoint, readBackendClient, requestBackendToken, type IssuedToken } from './backend-services.ts';
import type { CliIo } from './io.ts';

export type Authorization = 'open' | 'bearer token' | 'SMART backend services';

export interface ServerAccess {
  readonly gateway: FhirGateway;
  readonly traits: ServerTraits;
  readonly authorization: Authorization;
  /** The server's CapabilityStatement, when it published one: what its write strategy is chosen from. */
  readonly statement?: fhir.CapabilityStatement;
}

export interface ConnectOptions {
  /** Whether the command writes: backend clients then ask for `system/*.cruds` instead of `system/*.rs`. */
  readonly write: boolean;
  /** The environment variable holding a bearer token for this server (checked before FHIR_TOKEN). */
  readonly tokenVariable?: string;
  readonly progress: (message: string) => void;
}

type Authorize = () => Promise<string | undefined>;

async function authorizationFor(
  baseUrl: string,
  io: CliIo,
  options: ConnectOptions
): Promise<{ kind: Authorization; authorize: Authorize }> {
  const token = (options.tokenVariable ? io.env[options.tokenVariable] : undefined) ?? io.env['FHIR_TOKEN'];
  if (token !== undefined && token !== '') {
    const header = `Bearer ${token}`;
    return { kind: 'bearer token', authorize: () => Promise.resolve(header) };
  }
  if (io.env['SMART_CLIENT_ID'] && io.env['SMART_PRIVATE_KEY']) {
    const doFetch = io.fetch ?? fetch;
    const client = await readBackendClient(io.env, io.cwd, options.write ? 'system/*.cruds' : 'system/*.rs');
    const tokenEndpoint = await discoverTokenEndpoint(baseUrl, doFetch);
    let issued: IssuedToken | undefined;
    const authorize: Authorize = async () => {
      if (issued === undefined || io.now().getTime() >= issued.renewAt) {
        issued = await requestBackendToken(client, tokenEndpoint, doFetch, io.now);
        options.progress(`Signed in to ${baseUrl} as backend client ${client.clientId} (${issued.scope})`);
      }
      return `Bearer ${issued.accessToken}`;
    };
    // Ask now, so a refused key is reported before any work starts.
    await authorize();
    return { kind: 'SMART backend services', authorize };
  }
  return { kind: 'open', authorize: () => Promise.resolve(undefined) };
}

export async function connect(baseUrl: string, io: CliIo, options: ConnectOptions): Promise<ServerAccess> {
  const base = baseUrl.replace(/\/+$/, '');
  const { kind, authorize } = await authorizationFor(base, io, options);
  const gateway = createFetchGateway({
    baseUrl: base,
    authorization: authorize,
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
  let statement: fhir.CapabilityStatement | undefined;
  try {
    statement = (await gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' })).body;
  } catch (error) {
    // No answer at all is fatal; a server without /metadata is only less known.
    if (!isFhirError(error) || error.status === 0 || error.status === 401) throw error;
    options.progress(`${base} has no CapabilityStatement (${error.status}); assuming nothing about it`);
  }
  const traits = statement?.resourceType === 'CapabilityStatement' ? serverTraits(statement) : UNKNOWN_SERVER_TRAITS;
  return {
    gateway,
    traits,
    authorization: kind,
    ...(statement?.resourceType === 'CapabilityStatement' ? { statement } : {}),
  };
}
