/**
 * The token endpoint: exchanges a code (with its PKCE verifier) or a refresh token for an access token, and
 * gives backend clients a token for a signed client assertion (client-credentials.ts). Apps are public clients:
 * client_id identifies the app, PKCE proves it is the one that started the flow.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html#obtain-access-token
 */
import { grants, parseScopes, type ScopeSet } from '../../smart/scopes.ts';
import type { SandboxRequest, SandboxResponse } from '../contracts.ts';
import { clientCredentials } from './client-credentials.ts';
import type { GrantedScope } from './granted-scope.ts';
import { verifiesS256 } from './pkce.ts';
import { tokenError, tokenResponse } from './responses.ts';
import { revokeFamily, type AuthState, type Grant } from './state.ts';

const FORM = 'application/x-www-form-urlencoded';

/** POST /auth/token. */
export async function handleToken(state: AuthState, req: SandboxRequest): Promise<SandboxResponse> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith(FORM)) {
    return tokenError('invalid_request', `The token request must be ${FORM}.`);
  }
  const form = new URLSearchParams(req.body.toString('utf8'));
  const fhirBaseUrl = `${req.url.origin}/fhir`;
  switch (form.get('grant_type') ?? '') {
    case 'authorization_code':
      return exchangeCode(state, form, fhirBaseUrl);
    case 'refresh_token':
      return refresh(state, form, fhirBaseUrl);
    case 'client_credentials':
      return clientCredentials(state, form, `${req.url.origin}${req.url.pathname}`);
    default:
      return tokenError(
        'unsupported_grant_type',
        'grant_type must be authorization_code, refresh_token or client_credentials.'
      );
  }
}

async function exchangeCode(state: AuthState, form: URLSearchParams, fhirBaseUrl: string): Promise<SandboxResponse> {
  const issued = state.codes.get(form.get('code'));
  if (!issued) {
    return tokenError('invalid_grant', 'The code is unknown or has expired.');
  }
  if (issued.used) {
    // RFC 6749 §4.1.2: a code presented twice may have been stolen, so what it bought is withdrawn.
    revokeFamily(state, issued.family);
    return tokenError('invalid_grant', 'The code has already been used; the tokens issued for it are revoked.');
  }
  issued.used = true;
  const { request } = issued;
  const clientId = form.get('client_id') ?? '';
  if (!state.clientsById.has(clientId)) {
    return tokenError('invalid_client', 'Unknown client_id.');
  }
  if (clientId !== request.clientId) {
    return tokenError('invalid_grant', 'The code was issued to another client.');
  }
  if (form.get('redirect_uri') !== request.redirectUri) {
    return tokenError('invalid_grant', 'redirect_uri does not match the authorization request.');
  }
  const verifier = form.get('code_verifier');
  if (!verifier) {
    return tokenError('invalid_grant', 'code_verifier is required (PKCE).');
  }
  if (!verifiesS256(verifier, request.codeChallenge)) {
    return tokenError('invalid_grant', 'code_verifier does not match the code_challenge.');
  }
  const grant: Grant = {
    clientId,
    granted: request.granted,
    context: request.context,
    family: issued.family,
  };
  return tokenResponse(await tokenBody(state, grant, fhirBaseUrl, { withRefreshToken: true }));
}

async function refresh(state: AuthState, form: URLSearchParams, fhirBaseUrl: string): Promise<SandboxResponse> {
  const refreshToken = form.get('refresh_token') ?? '';
  const original = state.refreshTokens.get(refreshToken);
  if (!original) {
    return tokenError('invalid_grant', 'The refresh token is unknown or has expired; launch the app again.');
  }
  const clientId = form.get('client_id');
  if (clientId !== null && clientId !== original.clientId) {
    return tokenError('invalid_grant', 'The refresh token was issued to another client.');
  }
  const requested = form.get('scope');
  let granted = original.granted;
  if (requested !== null) {
    // RFC 6749 §6: a refresh may ask for less than was granted, never more.
    const narrower = parseScopes(requested);
    if (!withinGrant(narrower, original.granted.scopes)) {
      return tokenError('invalid_scope', 'A refresh can only ask for scopes that were granted originally.');
    }
    granted = { text: requested.trim().split(/\s+/).join(' '), scopes: narrower };
  }
  const body = await tokenBody(state, { ...original, granted }, fhirBaseUrl, { withRefreshToken: false });
  return tokenResponse({ ...body, refresh_token: refreshToken });
}

function withinGrant(requested: ScopeSet, original: ScopeSet): boolean {
  const resourcesCovered = requested.resourceScopes.every((scope) =>
    [...scope.permissions].every((permission) => {
      const grant = grants(original, scope.resourceType, permission, [scope.level]);
      return grant.granted && (grant.constraints === undefined || grant.constraints.includes(scope.constraint ?? ''));
    })
  );
  return resourcesCovered && [...requested.otherScopes].every((scope) => original.otherScopes.has(scope));
}

function grantsRefresh(granted: GrantedScope): boolean {
  const other = granted.scopes.otherScopes;
  return other.has('offline_access') || other.has('online_access');
}

async function tokenBody(
  state: AuthState,
  grant: Grant,
  fhirBaseUrl: string,
  { withRefreshToken }: { withRefreshToken: boolean }
): Promise<Record<string, unknown>> {
  const lifetime = state.accessTokenLifetimeSeconds;
  const accessToken = state.accessTokens.add(grant, lifetime * 1000);
  grant.family.accessTokens.push(accessToken);
  const { context, granted } = grant;
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: lifetime,
    scope: granted.text,
  };
  if (context.patient !== undefined) {
    body['patient'] = context.patient;
    body['need_patient_banner'] = context.needPatientBanner ?? true;
  }
  if (context.encounter !== undefined) {
    body['encounter'] = context.encounter;
  }
  if (context.smartStyleUrl !== undefined) {
    body['smart_style_url'] = context.smartStyleUrl;
  }
  if (context.intent !== undefined) {
    body['intent'] = context.intent;
  }
  const other = granted.scopes.otherScopes;
  if (other.has('openid') && other.has('fhirUser') && context.fhirUser !== undefined) {
    body['id_token'] = await state.signer.sign({
      issuer: fhirBaseUrl,
      clientId: grant.clientId,
      fhirUser: `${fhirBaseUrl}/${context.fhirUser}`,
      issuedAt: Math.floor(state.now() / 1000),
      lifetimeSeconds: lifetime,
    });
  }
  if (withRefreshToken && grantsRefresh(granted)) {
    // online_access should end with the user's EHR session; the sandbox has no sessions, so both kinds live
    // for the configured refresh lifetime.
    const refreshToken = state.refreshTokens.add(grant, state.refreshTokenLifetimeSeconds * 1000);
    grant.family.refreshTokens.push(refreshToken);
    body['refresh_token'] = refreshToken;
  }
  return body;
}
