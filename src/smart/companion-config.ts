/**
 * The `companion` entry of a server in smart-config.json (issue 5 §2), and its check; app-config.ts runs the check
 * for every server entry that has one.
 */

import { isObject as isRecord } from '../plan/json-object.ts';

/**
 * A second FHIR server the practice controls, where the structured plan is kept when this EHR takes notes but not
 * plans (issue 5 §2). `open`: no authorization (a server inside the practice's network, or a dev server).
 * `bearer`: a fixed token from this file, for the sandbox and development only: anything in smart-config.json is
 * readable by every browser that loads the app. In production the companion store needs its own SMART launch
 * (standalone, with its own client id); this version does not do that second sign-in.
 */
export interface CompanionEntry {
  /** FHIR base URL; https unless the host is localhost or 127.0.0.1. */
  readonly fhirBaseUrl: string;
  readonly access: 'open' | 'bearer';
  /** With `bearer`: the token sent as `Authorization: Bearer <token>`. */
  readonly bearerToken?: string;
  /** Shown to the clinician ("the practice's plan store"); default "the practice's companion store". */
  readonly label?: string;
}

export const DEFAULT_COMPANION_LABEL = "the practice's companion store";

const COMPANION_KEYS = new Set(['fhirBaseUrl', 'access', 'bearerToken', 'label']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `text` is an absolute http(s) URL without a fragment (a FHIR base URL, an issuer). */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.hash;
  } catch {
    return false;
  }
}

/** Problems with a `companion` entry, each naming its field. */
export function companionProblems(companion: unknown, at: string): string[] {
  if (!isRecord(companion)) return [`${at}: must be an object`];
  const problems = Object.keys(companion)
    .filter((key) => !COMPANION_KEYS.has(key))
    .map((key) => `${at}.${key}: is not a known setting`);
  const { fhirBaseUrl, access, bearerToken, label } = companion;
  if (typeof fhirBaseUrl !== 'string' || !isHttpUrl(fhirBaseUrl)) {
    problems.push(`${at}.fhirBaseUrl: must be an http(s) URL`);
  } else {
    const url = new URL(fhirBaseUrl);
    if (fhirBaseUrl.includes('*')) {
      // A pattern is no address: the plan must go to one server the practice named.
      problems.push(`${at}.fhirBaseUrl: must be one server's address, without wildcards`);
    }
    if (url.protocol !== 'https:' && !LOCAL_HOSTS.has(url.hostname)) {
      problems.push(`${at}.fhirBaseUrl: must use https (plain http only for localhost)`);
    }
    if (url.search !== '' || url.username !== '' || url.password !== '') {
      problems.push(`${at}.fhirBaseUrl: must have no query and no user name or password`);
    }
  }
  if (access !== 'open' && access !== 'bearer') {
    problems.push(`${at}.access: must be "open" or "bearer"`);
  }
  if (access === 'bearer' && (typeof bearerToken !== 'string' || !/^[A-Za-z0-9\-._~+/]+=*$/.test(bearerToken))) {
    // RFC 6750 §2.1 b64token.
    problems.push(`${at}.bearerToken: is required with "bearer" access, as a token of letters, digits and -._~+/`);
  }
  if (access === 'open' && bearerToken !== undefined) {
    problems.push(`${at}.bearerToken: is only used with "bearer" access`);
  }
  if (label !== undefined && (typeof label !== 'string' || !label.trim())) {
    problems.push(`${at}.label: must be a non-empty string`);
  }
  return problems;
}
