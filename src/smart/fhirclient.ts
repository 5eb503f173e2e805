/**
 * The one place the app meets fhirclient. It imports fhirclient's launch pieces directly (not the `fhirclient`
 * entry) so `authorize` keeps its typed options-array form and the adapter's settings are ours; the bundle is the
 * same size either way (measured with Vite 8: about 16.5 KB gzipped).
 * @see https://docs.smarthealthit.org/client-js/api.html
 */
import BrowserAdapterExport from 'fhirclient/lib/adapters/BrowserAdapter';
import type Client from 'fhirclient/lib/Client';
import { fetchConformanceStatement } from 'fhirclient/lib/lib';
import { authorize, fetchWellKnownJson, ready } from 'fhirclient/lib/smart';
import type { fhirclient } from 'fhirclient/lib/types';

export type SmartClient = Client;
type BrowserAdapter = BrowserAdapterExport;

/**
 * fhirclient's lib/ files are CommonJS with `exports.default`. Vitest hands us the class; Vite 8's production
 * build (Node's interop rules, since this package is `"type": "module"`) hands us `module.exports`, whose
 * `default` is the class. Accept both.
 */
const BrowserAdapterClass: typeof BrowserAdapterExport =
  typeof BrowserAdapterExport === 'function'
    ? BrowserAdapterExport
    : (BrowserAdapterExport as unknown as { default: typeof BrowserAdapterExport }).default;
export type AuthorizeParams = fhirclient.AuthorizeParams;

/**
 * Embedded EHR browsers may share sessionStorage between app instances (Oracle Health warns about it), so the
 * launch state is keyed by the `state` parameter, which stays in the app's URL, instead of one global key.
 * The launch page and the app page must use the same setting.
 */
export function createBrowserAdapter(): BrowserAdapter {
  return new BrowserAdapterClass({ fullSessionStorageSupport: false, replaceBrowserHistory: true });
}

export interface SmartLaunchApi {
  authorize(params: AuthorizeParams | AuthorizeParams[]): Promise<unknown>;
  /** `.well-known/smart-configuration`; fhirclient caches it, so its own authorize() reuses the response. */
  wellKnown(iss: string): Promise<unknown>;
  /** `/metadata`, cached the same way. */
  capabilityStatement(iss: string): Promise<unknown>;
}

export function browserLaunchApi(adapter: fhirclient.Adapter = createBrowserAdapter()): SmartLaunchApi {
  return {
    authorize: (params) => authorize(adapter, params),
    wellKnown: readWellKnown,
    capabilityStatement: (iss) => fetchConformanceStatement(iss),
  };
}

/** Reads `.well-known/smart-configuration` without credentials (fhirclient caches it per page load). */
export function readWellKnown(iss: string): Promise<unknown> {
  return fetchWellKnownJson(iss);
}

/** Completes the authorization code flow on the redirect page. Call exactly once per page load. */
export function completeAuthorization(adapter: fhirclient.Adapter = createBrowserAdapter()): Promise<SmartClient> {
  return ready(adapter);
}
