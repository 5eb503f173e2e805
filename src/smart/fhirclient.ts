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
 * fhirclient's adapter with two changes, both about tokens the app must treat as opaque:
 * - `atob` serves fhirclient's `jwtDecode` only. When a token response has no `expires_in`, fhirclient reads
 *   the access token as a JWT to find its expiry (lib.getAccessTokenExpiration); an opaque token that holds a
 *   dot would make that throw and fail the launch. Here anything that does not decode to JSON reads as `null`,
 *   so fhirclient falls back to its default lifetime, and base64url (as JWTs use) decodes too. The app itself
 *   never reads the access token (SMART App Launch: the token is opaque to the app).
 * - Embedded EHR browsers may share sessionStorage between app instances (Oracle Health warns about it), so the
 *   launch state is keyed by the `state` parameter, which stays in the app's URL, instead of one global key
 *   (`fullSessionStorageSupport: false`). The app page cannot tell an embedded browser that is not a frame from
 *   a tab, and the one global key of the other setting would let a reload in one window pick up another
 *   window's patient, so the setting is off wherever the app runs; a top-level tab loses nothing by it.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html#response-5
 */
class OpaqueTokenBrowserAdapter extends BrowserAdapterClass {
  override atob(str: string): string {
    const base64 = str.replace(/-/g, '+').replace(/_/g, '/');
    try {
      const text = super.atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
      JSON.parse(text);
      return text;
    } catch {
      return 'null';
    }
  }
}

export function createBrowserAdapter(): BrowserAdapter {
  return new OpaqueTokenBrowserAdapter({ fullSessionStorageSupport: false, replaceBrowserHistory: true });
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
