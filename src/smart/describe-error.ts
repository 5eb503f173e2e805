/**
 * Turns any error the app meets (our LaunchError, the transport's FhirError, fhirclient's plain errors, network
 * failures) into a sentence a clinician understands, plus technical detail for whoever supports them.
 */
import { FhirError, outcomeMessages } from '../fhir/fhir-error.ts';
import { LaunchError } from './launch-error.ts';

export type ProblemKind =
  | 'access-denied'
  | 'oauth'
  | 'state-lost'
  | 'unreachable'
  | 'expired'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'server'
  | 'config'
  | 'not-configured'
  | 'no-context'
  | 'sign-in-failed'
  | 'unknown';

export interface ProblemReport {
  readonly kind: ProblemKind;
  /** One or two plain sentences: what happened and what to do. */
  readonly sentence: string;
  /** Technical detail (error names, messages, server text) for the collapsible section. */
  readonly detail: string;
}

const NETWORK_FAILURE = /Failed to fetch|NetworkError|Load failed|fetch failed|ECONNREFUSED|ENOTFOUND|got no response/i;
const OAUTH_CODES =
  /^(access_denied|invalid_request|unauthorized_client|unsupported_response_type|invalid_scope|server_error|temporarily_unavailable|invalid_client|login_required|consent_required|interaction_required)\b/;

export function describeError(error: unknown): ProblemReport {
  const detail = technicalDetail(error);
  if (error instanceof LaunchError) {
    return { ...fromLaunchError(error), detail };
  }
  if (error instanceof FhirError) {
    return { ...fromFhirError(error), detail };
  }
  const message = error instanceof Error ? error.message : String(error);
  const status = httpStatus(error);
  return { ...fromMessage(message, status), detail };
}

type Described = Omit<ProblemReport, 'detail'>;

function fromLaunchError(error: LaunchError): Described {
  const { details } = error;
  switch (error.kind) {
    case 'oauth':
      return fromOAuthCode(details.oauthError ?? '');
    case 'config': {
      const problems = details.problems ?? [];
      const named = problems.length > 0 ? `: ${problems.join('; ')}` : '';
      return {
        kind: 'config',
        sentence: `The app's configuration file (smart-config.json) is not valid${named}. An administrator needs to correct it before the app can be launched.`,
      };
    }
    case 'not-configured':
      return {
        kind: 'not-configured',
        sentence: `This app is not set up for the server ${details.iss ?? 'that launched it'}. An administrator needs to register the app there and add the server to smart-config.json.`,
      };
    case 'unreachable':
      return unreachable(details.iss);
    case 'no-context':
      return {
        kind: 'no-context',
        sentence: 'The EHR did not say which client record to open. Open a client chart and launch the app again.',
      };
  }
}

function fromOAuthCode(code: string): Described {
  switch (code) {
    case 'access_denied':
      return {
        kind: 'access-denied',
        sentence: 'Access to the record was not granted: the sign-in was cancelled or permission was refused.',
      };
    case 'invalid_scope':
      return {
        kind: 'oauth',
        sentence:
          'The server refused the permissions this app asks for. Ask your administrator to check the app registration.',
      };
    case 'login_required':
    case 'consent_required':
    case 'interaction_required':
      return { kind: 'oauth', sentence: 'You need to sign in to the EHR before the app can open.' };
    case 'server_error':
    case 'temporarily_unavailable':
      return {
        kind: 'oauth',
        sentence: 'The sign-in service had a problem. Wait a moment, then launch the app again.',
      };
    default:
      return {
        kind: 'oauth',
        sentence:
          'The sign-in service refused the request from this app. Ask your administrator to check the app registration (client id and redirect address).',
      };
  }
}

function fromFhirError(error: FhirError): Described {
  if (error.status === 0) {
    return unreachable(originOf(error.url));
  }
  if (error.status === 401) {
    return expired();
  }
  if (error.status === 403) {
    return {
      kind: 'forbidden',
      sentence: `The server refused access to ${what(error.url)}: this app was not granted permission for it.`,
    };
  }
  if (error.status === 404 || error.status === 410) {
    return { kind: 'not-found', sentence: `The server could not find ${what(error.url)}.` };
  }
  if (error.status === 409 || error.status === 412) {
    return {
      kind: 'conflict',
      sentence: 'Someone else changed this record after it was opened. Reload it to see their changes.',
    };
  }
  if (error.status >= 500) {
    return {
      kind: 'server',
      sentence: `The FHIR server had a problem (error ${error.status}). Wait a moment and try again.`,
    };
  }
  return { kind: 'server', sentence: `The FHIR server refused a request (error ${error.status}).` };
}

/** fhirclient throws plain Errors (and HttpErrors with a status) whose messages are its only signal. */
function fromMessage(message: string, status: number | undefined): Described {
  if (/No 'state' parameter found|No state found/i.test(message)) {
    return {
      kind: 'state-lost',
      sentence:
        'The sign-in could not be finished because the launch information was lost or does not match (the page may have been reloaded in a new tab, or the link was changed). Please launch the app again.',
    };
  }
  if (/Session expired/i.test(message) || status === 401) {
    return expired();
  }
  if (/invalid_grant/.test(message)) {
    return {
      kind: 'sign-in-failed',
      sentence:
        'The sign-in could not be finished because its one-time code was already used or has expired. Please launch the app again.',
    };
  }
  const oauth = OAUTH_CODES.exec(message);
  if (oauth?.[1] !== undefined) {
    return fromOAuthCode(oauth[1]);
  }
  if (/No configuration found matching/i.test(message)) {
    return fromLaunchError(new LaunchError('not-configured', message));
  }
  if (NETWORK_FAILURE.test(message) || /Failed to fetch the (well-known json|conformance statement)/i.test(message)) {
    return unreachable(undefined);
  }
  if (/Patient is not available/i.test(message)) {
    return fromLaunchError(new LaunchError('no-context', message));
  }
  if (/access token/i.test(message) || status !== undefined) {
    return {
      kind: 'sign-in-failed',
      sentence: 'The sign-in could not be finished: the server did not hand over access. Please launch the app again.',
    };
  }
  return {
    kind: 'unknown',
    sentence:
      'Something unexpected stopped the app. Please launch it again; if this keeps happening, tell your administrator.',
  };
}

function expired(): Described {
  return {
    kind: 'expired',
    sentence:
      'Your session has expired or was not accepted by the server. Launch the app again to sign in; changes you ' +
      'had not saved are kept in this browser tab and come back when you open the same client again.',
  };
}

function unreachable(server: string | undefined): Described {
  return {
    kind: 'unreachable',
    sentence: `The FHIR server${server ? ` at ${server}` : ''} could not be reached. Check the network connection, or ask your administrator whether the server is running.`,
  };
}

/** "the client's record" for Patient URLs, otherwise the resource type in the URL. */
function what(url: string): string {
  const path = safeUrl(url)?.pathname ?? url;
  const type = /\/([A-Z][A-Za-z]+)(?:\/[^/]*)?\/?$/.exec(path)?.[1];
  if (type === 'Patient') {
    return "the client's record";
  }
  return type ? `the ${type} data` : 'the requested data';
}

function originOf(url: string): string | undefined {
  return safeUrl(url)?.origin;
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    return typeof error.status === 'number' ? error.status : undefined;
  }
  return undefined;
}

function technicalDetail(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 4; depth += 1) {
    if (current instanceof Error) {
      lines.push(`${current.name}: ${current.message}`);
      if (current instanceof LaunchError && current.details.serverText) {
        lines.push(`Server said: ${current.details.serverText}`);
      }
      if (current instanceof FhirError) {
        lines.push(...outcomeMessages(current.outcome).map((text) => `OperationOutcome: ${text}`));
      }
      current = current.cause;
    } else {
      lines.push(typeof current === 'string' ? current : JSON.stringify(current));
      current = undefined;
    }
  }
  return lines.join('\n');
}
