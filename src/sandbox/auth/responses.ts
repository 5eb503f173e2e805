/** Response builders shared by the authorization server and the HTTP shell. */
import type { SandboxResponse } from '../contracts.ts';

/** OAuth 2.0 error codes the sandbox uses (RFC 6749 §4.1.2.1 and §5.2). */
export type OAuthError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unsupported_grant_type'
  | 'unsupported_response_type';

/** Token responses and their errors must not be cached (RFC 6749 §5.1). */
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function tokenResponse(body: Record<string, unknown>): SandboxResponse {
  return jsonResponse(200, body, NO_STORE);
}

/** `{error, error_description}`, 400, or 401 for `invalid_client` (RFC 6749 §5.2). */
export function tokenError(error: OAuthError, description: string): SandboxResponse {
  const status = error === 'invalid_client' ? 401 : 400;
  return jsonResponse(status, { error, error_description: description }, NO_STORE);
}

export function redirectResponse(location: string, status: 302 | 303 = 302): SandboxResponse {
  return { status, headers: { Location: location, 'Cache-Control': 'no-store' } };
}

/** Adds parameters to a redirect URI, keeping any query it already has (RFC 6749 §3.1.2). */
export function withParams(uri: string, params: Readonly<Record<string, string | undefined>>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  return url.toString();
}

export type IssueCode = 'invalid' | 'security' | 'login' | 'forbidden' | 'not-found' | 'exception';

export function operationOutcomeResponse(
  status: number,
  code: IssueCode,
  diagnostics: string,
  headers: Record<string, string> = {}
): SandboxResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/fhir+json; charset=utf-8', ...headers },
    body: JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code, diagnostics }],
    }),
  };
}
