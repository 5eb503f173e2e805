/**
 * SMART Backend Services: a registered system (the command-line tool, a nightly export) asks for a token with
 * `grant_type=client_credentials`, proving who it is with a JWT signed by its private key (RS384 or ES384) that
 * the sandbox checks against the public keys registered for the client. No user, no patient context: only
 * `system/` scopes are granted.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/backend-services.html
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/client-confidential-asymmetric.html
 */
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { parseScopes } from '../../smart/scopes.ts';
import type { SandboxResponse } from '../contracts.ts';
import { grantScope } from './granted-scope.ts';
import { tokenError, tokenResponse } from './responses.ts';
import { ASSERTION_ALGORITHMS } from './smart-configuration.ts';
import type { AuthState, Grant } from './state.ts';

export const JWT_BEARER_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** The spec caps an assertion's lifetime at five minutes. */
const MAX_ASSERTION_LIFETIME_SECONDS = 300;

/** `grant_type=client_credentials` at POST /auth/token; `tokenUrl` is the audience the assertion must name. */
export async function clientCredentials(
  state: AuthState,
  form: URLSearchParams,
  tokenUrl: string
): Promise<SandboxResponse> {
  if (form.get('client_assertion_type') !== JWT_BEARER_ASSERTION) {
    return tokenError('invalid_client', `client_assertion_type must be ${JWT_BEARER_ASSERTION}.`);
  }
  const assertion = form.get('client_assertion') ?? '';
  let clientId: string;
  try {
    clientId = decodeJwt(assertion).iss ?? '';
  } catch {
    return tokenError('invalid_client', 'client_assertion is not a JWT.');
  }
  const client = state.clientsById.get(clientId);
  if (!client?.jwks) {
    return tokenError('invalid_client', `No backend client "${clientId}" with registered keys.`);
  }
  let claims: { jti?: string | undefined; exp?: number | undefined };
  try {
    ({ payload: claims } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
      algorithms: [...ASSERTION_ALGORITHMS],
      issuer: clientId,
      subject: clientId,
      audience: tokenUrl,
      currentDate: new Date(state.now()),
      requiredClaims: ['exp', 'jti'],
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return tokenError('invalid_client', `The client assertion was refused: ${reason}.`);
  }
  const nowSeconds = Math.floor(state.now() / 1000);
  if ((claims.exp ?? 0) > nowSeconds + MAX_ASSERTION_LIFETIME_SECONDS) {
    return tokenError('invalid_client', 'The client assertion may be valid for at most five minutes.');
  }
  const jti = claims.jti ?? '';
  if (!state.assertionIds.remember(`${clientId} ${jti}`, (claims.exp ?? nowSeconds) * 1000)) {
    // Backend services §"Authorize the request": a jti seen before is a replay.
    return tokenError('invalid_client', 'This client assertion (jti) has been used already.');
  }
  const requested = form.get('scope') ?? '';
  const systemOnly = parseScopes(requested).resourceScopes.filter((scope) => scope.level === 'system');
  const granted =
    systemOnly.length === 0
      ? undefined
      : grantScope(systemOnly.map((scope) => scope.raw).join(' '), client.allowedScopes, state.smart);
  if (!granted) {
    return tokenError('invalid_scope', 'Ask for system/ scopes this client is registered for, e.g. system/*.rs.');
  }
  const grant: Grant = { clientId, granted, context: {}, family: { accessTokens: [], refreshTokens: [] } };
  const lifetime = state.accessTokenLifetimeSeconds;
  const accessToken = state.accessTokens.add(grant, lifetime * 1000);
  grant.family.accessTokens.push(accessToken);
  return tokenResponse({ access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: granted.text });
}
