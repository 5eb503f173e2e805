/**
 * The runtime configuration `smart-config.json`: which FHIR servers the app knows and how to launch against each.
 * It is fetched at start-up (so an integrator edits one file in `dist/` instead of rebuilding) and checked by a
 * hand-written guard that names every bad field.
 */
import { isObject as isRecord } from '../plan/json-object.ts';
import { companionProblems, isHttpUrl, type CompanionEntry } from './companion-config.ts';
import { LaunchError } from './launch-error.ts';

export { DEFAULT_COMPANION_LABEL, type CompanionEntry } from './companion-config.ts';

export type ServerKind = 'smart' | 'open';

export interface ServerEntry {
  /** Stable id, e.g. `sandbox`; letters, digits and dashes. */
  readonly id: string;
  /** Shown on the standalone launch page. */
  readonly label: string;
  /** FHIR base URL offered for standalone launch; entries without one only serve EHR launches. */
  readonly iss?: string;
  /** Anchored regular expression (source text) matched against a launch's `iss`. The first match wins. */
  readonly issMatch: string;
  /** OAuth client id registered with this server; required for `smart` servers. */
  readonly clientId?: string;
  /** Where the server sends the browser back; relative to the launch page. Default `./index.html`. */
  readonly redirectUri?: string;
  /** Scopes requested in addition to the computed ones (never wildcards). */
  readonly scopes?: { readonly extra?: readonly string[] };
  /** `smart`: OAuth2 launch. `open`: a server without authorization, used directly. */
  readonly kind: ServerKind;
  /** One line for people reading the launch page (e.g. "Replace the client id with yours"). */
  readonly note?: string;
  /** Where plans are kept when this server takes notes but not plans. */
  readonly companion?: CompanionEntry;
}

export interface AppConfig {
  readonly servers: readonly ServerEntry[];
}

export const DEFAULT_REDIRECT_URI = './index.html';

/** A client id that still says REPLACE... has not been registered yet. */
export function isPlaceholderClientId(clientId: string | undefined): boolean {
  return clientId === undefined || /^replace/i.test(clientId);
}

const ENTRY_KEYS = new Set([
  'id',
  'label',
  'iss',
  'issMatch',
  'clientId',
  'redirectUri',
  'scopes',
  'kind',
  'note',
  'companion',
]);

/** Every problem with a candidate config, each naming its field. An empty list means the value is an AppConfig. */
export function configProblems(value: unknown): string[] {
  if (!isRecord(value)) {
    return ['(root): must be a JSON object with a "servers" array'];
  }
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'servers' && !key.startsWith('$')) {
      problems.push(`${key}: is not a known setting`);
    }
  }
  const servers = value['servers'];
  if (!Array.isArray(servers) || servers.length === 0) {
    problems.push('servers: must be a non-empty array');
    return problems;
  }
  const seen = new Set<string>();
  servers.forEach((entry: unknown, index) => {
    const at = `servers[${index}]`;
    problems.push(...entryProblems(entry, at));
    if (isRecord(entry) && typeof entry['id'] === 'string') {
      if (seen.has(entry['id'])) {
        problems.push(`${at}.id: "${entry['id']}" is used by an earlier entry`);
      }
      seen.add(entry['id']);
    }
  });
  return problems;
}

function entryProblems(entry: unknown, at: string): string[] {
  if (!isRecord(entry)) {
    return [`${at}: must be an object`];
  }
  const problems: string[] = [];
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.has(key)) {
      problems.push(`${at}.${key}: is not a known setting`);
    }
  }
  const { id, label, iss, issMatch, clientId, redirectUri, scopes, kind, note, companion } = entry;
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]+$/.test(id)) {
    problems.push(`${at}.id: must be a string of letters, digits and dashes`);
  }
  if (typeof label !== 'string' || !label.trim()) {
    problems.push(`${at}.label: must be a non-empty string`);
  }
  if (kind !== 'smart' && kind !== 'open') {
    problems.push(`${at}.kind: must be "smart" or "open"`);
  }
  const pattern = issMatchProblem(issMatch);
  if (typeof pattern === 'string') {
    problems.push(`${at}.issMatch: ${pattern}`);
  }
  if (iss !== undefined) {
    if (typeof iss !== 'string' || !isHttpUrl(iss)) {
      problems.push(`${at}.iss: must be an http(s) URL`);
    } else if (pattern instanceof RegExp && !pattern.test(iss)) {
      problems.push(`${at}.iss: is not matched by this entry's issMatch`);
    }
  }
  if (clientId !== undefined && (typeof clientId !== 'string' || !clientId.trim())) {
    problems.push(`${at}.clientId: must be a non-empty string`);
  } else if (clientId === undefined && kind === 'smart') {
    problems.push(`${at}.clientId: is required for a "smart" server`);
  }
  if (redirectUri !== undefined && (typeof redirectUri !== 'string' || !redirectUri || redirectUri.includes('#'))) {
    // SMART App Launch forbids fragments in redirect URIs (RFC 6749 §3.1.2).
    problems.push(`${at}.redirectUri: must be a URL without "#"`);
  }
  if (scopes !== undefined) {
    if (!isRecord(scopes)) {
      problems.push(`${at}.scopes: must be an object`);
    } else {
      for (const key of Object.keys(scopes)) {
        if (key !== 'extra') {
          problems.push(`${at}.scopes.${key}: is not a known setting`);
        }
      }
      const extra = scopes['extra'];
      if (extra !== undefined && !isScopeList(extra)) {
        problems.push(`${at}.scopes.extra: must be an array of single scopes without wildcards`);
      }
    }
  }
  if (note !== undefined && typeof note !== 'string') {
    problems.push(`${at}.note: must be a string`);
  }
  if (companion !== undefined) {
    problems.push(...companionProblems(companion, `${at}.companion`));
  }
  return problems;
}

/** The compiled pattern, or why it cannot be used. */
function issMatchProblem(issMatch: unknown): RegExp | string {
  if (typeof issMatch !== 'string' || !issMatch) {
    return 'must be a regular expression (as a string)';
  }
  if (!issMatch.startsWith('^') || !issMatch.endsWith('$')) {
    // An unanchored pattern would also match look-alike servers, which would then receive our client id.
    return 'must start with ^ and end with $';
  }
  try {
    return new RegExp(issMatch);
  } catch {
    return 'is not a valid regular expression';
  }
}

function isScopeList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((scope: unknown) => typeof scope === 'string' && /^\S+$/.test(scope) && !scope.includes('*'))
  );
}

export function isAppConfig(value: unknown): value is AppConfig {
  return configProblems(value).length === 0;
}

/** Returns the config, or throws a LaunchError of kind `config` that lists every problem. */
export function parseAppConfig(value: unknown): AppConfig {
  const problems = configProblems(value);
  if (problems.length > 0) {
    throw new LaunchError('config', `smart-config.json is invalid: ${problems.join('; ')}`, { problems });
  }
  return value as AppConfig;
}

/** The first entry whose `issMatch` matches the server URL, as fhirclient picks from an options array. */
export function findServer(config: AppConfig, iss: string): ServerEntry | undefined {
  return config.servers.find((server) => new RegExp(server.issMatch).test(iss));
}

/** Fetches `smart-config.json` next to the page and checks it. */
export async function loadAppConfig(pageUrl: string, fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const url = new URL('./smart-config.json', pageUrl).href;
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-cache' });
  } catch (cause) {
    throw new LaunchError('config', `smart-config.json could not be loaded: ${String(cause)}`, {}, { cause });
  }
  if (!response.ok) {
    throw new LaunchError('config', `smart-config.json could not be loaded: HTTP ${response.status}`, {
      problems: [`(file): the server answered ${response.status} for ${url}`],
    });
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new LaunchError(
      'config',
      'smart-config.json is not valid JSON',
      { problems: ['(file): is not valid JSON'] },
      {
        cause,
      }
    );
  }
  return parseAppConfig(json);
}
