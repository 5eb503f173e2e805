/**
 * OpenID Connect id_tokens for the signed-in user, signed RS256 with a key made when the sandbox starts.
 * Apps read `fhirUser` from it to know who is using them.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/scopes-and-launch-context.html#scopes-for-requesting-identity-data
 */
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { randomId } from './expiring-store.ts';

export interface IdTokenClaims {
  /** The FHIR base URL, which is also the OpenID issuer. */
  readonly issuer: string;
  readonly clientId: string;
  /** Absolute URL of the user's FHIR resource, e.g. `http://localhost:4010/fhir/Practitioner/sandbox-practitioner`. */
  readonly fhirUser: string;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly lifetimeSeconds: number;
}

export interface IdTokenSigner {
  sign(claims: IdTokenClaims): Promise<string>;
  /** The public key set served at /auth/jwks, so apps can verify the signature. */
  readonly jwks: JSONWebKeySet;
}

export async function createIdTokenSigner(): Promise<IdTokenSigner> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomId().slice(0, 16);
  const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  return {
    jwks,
    sign: ({ issuer, clientId, fhirUser, issuedAt, lifetimeSeconds }) =>
      new SignJWT({ fhirUser })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(fhirUser.split('/').slice(-1)[0] ?? fhirUser)
        .setAudience(clientId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + lifetimeSeconds)
        .sign(privateKey),
  };
}
