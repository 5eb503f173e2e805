/**
 * Drives fhirclient's own Node entry through a SMART launch against the sandbox, so the authorization request,
 * PKCE and token exchange are built by the library the app uses, not by the test. The "browser" is a fake
 * request/response pair for fhirclient and `fetch(redirect: 'manual')` for the authorization server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import smart from 'fhirclient/lib/entry/node.js';
import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';

export const APP_URL = 'http://localhost:4000';
export const CLIENT_ID = 'treatment-plan-app';
export const PLAN_SCOPES = 'launch openid fhirUser patient/*.cruds user/Practitioner.rs';

/** fhirclient's server-side storage, kept in a Map (the app keeps it in sessionStorage). */
export class MemoryStorage implements fhirclient.Storage {
  readonly values = new Map<string, unknown>();
  set = (key: string, value: unknown): Promise<unknown> => {
    this.values.set(key, structuredClone(value));
    return Promise.resolve(value);
  };
  get = (key: string): Promise<unknown> => Promise.resolve(structuredClone(this.values.get(key)));
  unset = (key: string): Promise<boolean> => Promise.resolve(this.values.delete(key));

  /** A copy, to replay a step (such as the token exchange) from the same state. */
  clone(): MemoryStorage {
    const copy = new MemoryStorage();
    this.values.forEach((value, key) => copy.values.set(key, structuredClone(value)));
    return copy;
  }

  /** Changes the saved launch state, e.g. to drop or corrupt the PKCE verifier before `ready()`. */
  async editState(edit: (state: Record<string, unknown>) => void): Promise<void> {
    const key = this.values.get('SMART_KEY');
    const state = typeof key === 'string' ? (this.values.get(key) as Record<string, unknown> | undefined) : undefined;
    if (!state || typeof key !== 'string') {
      throw new Error('No fhirclient launch state to edit.');
    }
    edit(state);
    await this.set(key, state);
  }
}

/** What fhirclient's NodeAdapter reads from a request: the URL, the Host header and the socket. */
function fakeRequest(url: string): IncomingMessage {
  const parsed = new URL(url);
  return {
    url: parsed.pathname + parsed.search,
    headers: { host: parsed.host },
    socket: {},
  } as unknown as IncomingMessage;
}

/** Captures the redirect fhirclient writes. */
function fakeResponse(): { response: ServerResponse; location: () => string } {
  let location: string | undefined;
  const response = {
    writeHead(_status: number, headers: { location?: string }) {
      location = headers.location;
      return response;
    },
    end() {
      return response;
    },
  };
  return {
    response: response as unknown as ServerResponse,
    location: () => {
      if (!location) {
        throw new Error('fhirclient did not redirect.');
      }
      return location;
    },
  };
}

export interface AuthorizeOptions {
  /** The app's launch.html URL as the EHR (or the user) opened it, with `iss` and maybe `launch`. */
  readonly launchUrl: string;
  readonly scope: string;
  readonly clientId?: string;
  readonly redirectUri?: string;
  readonly pkceMode?: fhirclient.AuthorizeParams['pkceMode'];
  readonly storage?: MemoryStorage;
}

/** Runs fhirclient's `authorize()` and returns the authorization URL it sends the browser to. */
export async function authorizeUrl(options: AuthorizeOptions): Promise<{ url: string; storage: MemoryStorage }> {
  const storage = options.storage ?? new MemoryStorage();
  const { response, location } = fakeResponse();
  await smart(fakeRequest(options.launchUrl), response, storage).authorize({
    clientId: options.clientId ?? CLIENT_ID,
    scope: options.scope,
    redirectUri: options.redirectUri ?? 'index.html',
    ...(options.pkceMode === undefined ? {} : { pkceMode: options.pkceMode }),
  });
  return { url: location(), storage };
}

/** Opens a URL the way a browser would, without following the redirect. */
export async function visit(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, redirect: 'manual' });
}

/** The redirect target of a response, which must be a redirect. */
export function locationOf(response: Response): string {
  const location = response.headers.get('location');
  if (response.status < 300 || response.status > 399 || !location) {
    throw new Error(`Expected a redirect, got ${response.status}.`);
  }
  return location;
}

/** Runs fhirclient's `ready()` on the page the authorization server redirected to. */
export async function completeLaunch(redirectUrl: string, storage: MemoryStorage): Promise<Client> {
  return smart(fakeRequest(redirectUrl), fakeResponse().response, storage).ready();
}

/** authorize → authorization server → ready, for launches that need no user interaction. */
export async function launch(options: AuthorizeOptions): Promise<Client> {
  const { url, storage } = await authorizeUrl(options);
  return completeLaunch(locationOf(await visit(url)), storage);
}

/** The app's launch.html URL for an EHR launch with this launch id. */
export function ehrLaunchUrl(fhirBaseUrl: string, launchId: string, appUrl = APP_URL): string {
  return `${appUrl}/launch.html?iss=${encodeURIComponent(fhirBaseUrl)}&launch=${encodeURIComponent(launchId)}`;
}

/** The app's launch.html URL for a standalone launch against this server. */
export function standaloneLaunchUrl(fhirBaseUrl: string, appUrl = APP_URL): string {
  return `${appUrl}/launch.html?iss=${encodeURIComponent(fhirBaseUrl)}`;
}
