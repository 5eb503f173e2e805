/**
 * The sandbox EHR's HTTP shell: parses each request into a SandboxRequest, routes it to the home page, the
 * SMART authorization server or the FHIR service, and adds CORS so the app can call it from its own origin.
 * Nothing a request does can stop the process: unexpected errors become a 500 with an OperationOutcome.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthorizationServer, type AuthorizationServer } from './auth/authorization-server.ts';
import type { JSONWebKeySet } from 'jose';
import { backendClient, defaultClients, type RegisteredClient } from './auth/clients.ts';
import { behaviourRules, DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour/behaviours.ts';
import { smartProfileFor } from './behaviour/smart-profile.ts';
import { operationOutcomeResponse } from './auth/responses.ts';
import type { LaunchContext, SandboxRequest, SandboxResponse } from './contracts.ts';
import { createFhirService, type FhirService, type SeedChoice } from './fhir/fhir-service.ts';
import { withResponseDelay } from './fhir-response-delay.ts';
import { handleEhrPage, type EhrHome } from './pages/ehr-home.ts';

export type { RegisteredClient } from './auth/clients.ts';
export type { Behaviour } from './behaviour/behaviours.ts';

export interface SandboxOptions {
  /** Port to listen on; 0 picks any free port. Default 4010. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1; URLs are printed with `localhost`. */
  readonly host?: string;
  /** The app's origin and path, where launch.html and index.html live. Default http://localhost:4000. */
  readonly appUrl?: string;
  /** Keep FHIR data in this folder; default: in memory only. */
  readonly dataDir?: string;
  /** Default 3600. */
  readonly accessTokenLifetimeSeconds?: number;
  /** Default 7 days. */
  readonly refreshTokenLifetimeSeconds?: number;
  /** Default: one public client `treatment-plan-app` redirected to `${appUrl}/index.html`. */
  readonly clients?: readonly RegisteredClient[];
  /**
   * Public keys of the command-line tool: registers it as the SMART backend client `treatment-plan-cli`
   * (system/*.cruds), in addition to `clients`.
   */
  readonly backendJwks?: JSONWebKeySet;
  /** What a fresh store starts with (see SeedChoice). Default true: the synthetic clients and their example plans. */
  readonly seed?: SeedChoice;
  /** The clock, in milliseconds since the epoch; tests move it to expire codes and tokens. Default Date.now. */
  readonly now?: () => number;
  /** Added latency on every FHIR answer, in milliseconds, so a benchmark shows what round trips cost. Default 0. */
  readonly fhirResponseDelayMs?: number;
  /**
   * Which kind of server to behave like (src/sandbox/behaviour/): `open` (default: everything writable, atomic
   * transactions), `epic` or `oracle` (plan resources read-only, no bundles, required search parameters, their
   * statuses), `medplum` (412 on conflicts, transactions run as batches).
   */
  readonly behave?: Behaviour;
  /** With `behave: 'medplum'`: run transactions atomically, as Medplum does with transactions enabled. Default false. */
  readonly atomicTransactions?: boolean;
}

export interface RunningSandbox {
  /** e.g. http://localhost:4010 */
  readonly origin: string;
  /** origin + '/fhir' */
  readonly fhirBaseUrl: string;
  /** The Sandbox EHR home page. */
  readonly homeUrl: string;
  readonly behaviour: Behaviour;
  readonly fhir: FhirService;
  /** Binds launch context to a new EHR launch id (valid for 10 minutes). */
  createLaunch(context: LaunchContext): string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export const DEFAULT_PORT = 4010;
export const DEFAULT_APP_URL = 'http://localhost:4000';

interface Routes {
  readonly fhir: FhirService;
  readonly auth: AuthorizationServer;
  readonly home: EhrHome;
}

async function route(routes: Routes, req: SandboxRequest): Promise<SandboxResponse> {
  const { pathname } = req.url;
  const { method } = req;
  const page = await handleEhrPage(routes.home, req);
  if (page) {
    return page;
  }
  if (pathname === '/fhir/.well-known/smart-configuration' && method === 'GET') {
    return routes.auth.smartConfiguration(req);
  }
  if (pathname === '/fhir/metadata') {
    // The CapabilityStatement is public: apps read it before they have a token.
    return routes.fhir.handle(req, undefined);
  }
  if (pathname === '/fhir' || pathname.startsWith('/fhir/')) {
    const authentication = routes.auth.authenticate(req);
    return authentication.ok ? routes.fhir.handle(req, authentication.policy) : authentication.response;
  }
  if (pathname.startsWith('/auth/')) {
    return routes.auth.handle(req);
  }
  return operationOutcomeResponse(404, 'not-found', `Nothing at ${method} ${pathname}.`);
}

/**
 * CORS for the app's origin, plus any http://localhost or 127.0.0.1 port so tests and dev servers on random
 * ports work. Preflights allow the headers fhirclient and conditional FHIR interactions send.
 */
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

interface CorsHeaders {
  readonly simple: Record<string, string>;
  readonly preflight: Record<string, string>;
}

function corsHeaders(origin: string | undefined, appUrl: string): CorsHeaders {
  if (!origin || (origin !== new URL(appUrl).origin && !LOCAL_ORIGIN.test(origin))) {
    return { simple: { Vary: 'Origin' }, preflight: { Vary: 'Origin' } };
  }
  const simple = {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'ETag, Location, Content-Location, Last-Modified',
    Vary: 'Origin',
  };
  return {
    simple,
    preflight: {
      ...simple,
      'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers':
        'Authorization, Content-Type, Accept, If-Match, If-None-Exist, If-None-Match, Prefer',
      'Access-Control-Max-Age': '600',
    },
  };
}

function isPreflight(message: IncomingMessage): boolean {
  return message.method === 'OPTIONS' && message.headers['access-control-request-method'] !== undefined;
}

class BodyTooLarge extends Error {}

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new BodyTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function toSandboxRequest(message: IncomingMessage, fallbackHost: string): Promise<SandboxRequest> {
  // The Host header is the origin the client used, so URLs we hand back work from where it stands.
  const url = new URL(message.url ?? '/', `http://${message.headers.host ?? fallbackHost}`);
  return { method: message.method ?? 'GET', url, headers: message.headers, body: await readBody(message) };
}

async function respond(routes: Routes, message: IncomingMessage, fallbackHost: string): Promise<SandboxResponse> {
  const cors = corsHeaders(message.headers.origin, routes.home.appUrl);
  if (isPreflight(message)) {
    return { status: 204, headers: cors.preflight };
  }
  let response: SandboxResponse;
  try {
    response = await route(routes, await toSandboxRequest(message, fallbackHost));
  } catch (error) {
    response =
      error instanceof BodyTooLarge
        ? operationOutcomeResponse(413, 'invalid', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`)
        : error instanceof TypeError && error.message.includes('Invalid URL')
          ? operationOutcomeResponse(400, 'invalid', 'The request URL or Host header is malformed.')
          : unexpected(error);
  }
  return { ...response, headers: { ...response.headers, ...cors.simple } };
}

function unexpected(error: unknown): SandboxResponse {
  const detail = error instanceof Error ? error.message : String(error);
  console.error('Sandbox EHR: unexpected error:', error);
  return operationOutcomeResponse(500, 'exception', `The sandbox failed unexpectedly: ${detail}`);
}

function send(res: ServerResponse, response: SandboxResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

/** Starts the Sandbox EHR: FHIR server, SMART authorization server and home page, on one port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const appUrl = (options.appUrl ?? DEFAULT_APP_URL).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const behaviour = options.behave ?? DEFAULT_BEHAVIOUR;
  const rules = behaviourRules(behaviour, { atomicTransactions: options.atomicTransactions ?? false });
  const fhir = withResponseDelay(
    await createFhirService({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      seed: options.seed ?? true,
      rules,
    }),
    options.fhirResponseDelayMs ?? 0
  );
  const auth = await createAuthorizationServer({
    clients: [
      ...(options.clients ?? defaultClients(appUrl)),
      ...(options.backendJwks === undefined ? [] : [backendClient(options.backendJwks)]),
    ],
    records: fhir,
    now,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    refreshTokenLifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 7 * 24 * 3600,
    smart: smartProfileFor(rules),
  });
  const routes: Routes = {
    fhir,
    auth,
    home: {
      chart: fhir,
      appUrl,
      createLaunch: (context) => auth.createLaunch(context),
      now,
      behaviour: { name: behaviour, title: rules.title, summary: rules.summary },
    },
  };

  let fallbackHost = 'localhost';
  const server = createServer((message, res) => {
    respond(routes, message, fallbackHost).then(
      (response) => {
        send(res, response);
      },
      (error: unknown) => {
        send(res, unexpected(error));
      }
    );
  });
  server.on('clientError', (_error, socket) => {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  fallbackHost = `localhost:${port}`;
  const origin = `http://localhost:${port}`;

  return {
    origin,
    fhirBaseUrl: `${origin}/fhir`,
    homeUrl: `${origin}/`,
    behaviour,
    fhir,
    createLaunch: (context) => auth.createLaunch(context),
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        });
        server.closeAllConnections();
      });
      await fhir.close();
    },
  };
}
