/**
 * What the authorization server remembers, all in memory: launches, authorization requests waiting for a
 * patient to be picked, codes, and tokens. A restart forgets everything, which for a sandbox means relaunching.
 */
import type * as fhir from 'fhir/r4';
import type { LaunchContext } from '../contracts.ts';
import type { RegisteredClient } from './clients.ts';
import {
  createExpiringStore,
  createReplayGuard,
  type Clock,
  type ExpiringStore,
  type ReplayGuard,
} from './expiring-store.ts';
import type { GrantedScope } from './granted-scope.ts';
import type { IdTokenSigner } from './id-token.ts';
import type { SmartProfile } from './smart-configuration.ts';

/** The user of the sandbox EHR: signed in automatically, no password. */
export const SIGNED_IN_USER = 'Practitioner/sandbox-practitioner';

/** How long a code can wait for its token request. */
export const CODE_LIFETIME_MS = 60_000;
/** How long an EHR launch id or a pending patient choice stays usable. */
export const LAUNCH_LIFETIME_MS = 10 * 60_000;

/** The part of the FHIR service the authorization server reads: the patient picker and the user's name. */
export interface EhrRecords {
  listPatients(): Promise<fhir.Patient[]>;
  readResource<T extends fhir.Resource>(resourceType: T['resourceType'], id: string): Promise<T | undefined>;
}

/** A checked authorization request, kept server-side while the user picks a patient. */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly granted: GrantedScope;
  readonly context: LaunchContext;
}

/** Tokens issued from one code; all are revoked when the code is presented again (RFC 6749 §4.1.2). */
export interface TokenFamily {
  readonly accessTokens: string[];
  readonly refreshTokens: string[];
}

export interface IssuedCode {
  readonly request: AuthorizationRequest;
  used: boolean;
  readonly family: TokenFamily;
}

/** What an access or refresh token stands for. */
export interface Grant {
  readonly clientId: string;
  readonly granted: GrantedScope;
  readonly context: LaunchContext;
  readonly family: TokenFamily;
}

export interface AuthSettings {
  readonly clients: readonly RegisteredClient[];
  readonly records: EhrRecords;
  readonly now: Clock;
  readonly accessTokenLifetimeSeconds: number;
  readonly refreshTokenLifetimeSeconds: number;
  /** What the server advertises and grants (capabilities, scopes, trimming). */
  readonly smart: SmartProfile;
}

export interface AuthState extends AuthSettings {
  readonly clientsById: ReadonlyMap<string, RegisteredClient>;
  readonly launches: ExpiringStore<LaunchContext>;
  readonly pendingChoices: ExpiringStore<AuthorizationRequest>;
  readonly codes: ExpiringStore<IssuedCode>;
  readonly accessTokens: ExpiringStore<Grant>;
  readonly refreshTokens: ExpiringStore<Grant>;
  /** `jti`s of backend-services client assertions, so none is accepted twice. */
  readonly assertionIds: ReplayGuard;
  readonly signer: IdTokenSigner;
}

export function createAuthState(settings: AuthSettings, signer: IdTokenSigner): AuthState {
  return {
    ...settings,
    clientsById: new Map(settings.clients.map((client) => [client.clientId, client])),
    launches: createExpiringStore(settings.now),
    pendingChoices: createExpiringStore(settings.now),
    codes: createExpiringStore(settings.now),
    accessTokens: createExpiringStore(settings.now),
    refreshTokens: createExpiringStore(settings.now),
    assertionIds: createReplayGuard(settings.now),
    signer,
  };
}

/** Revokes every token issued from one code, after that code was presented a second time. */
export function revokeFamily(state: AuthState, family: TokenFamily): void {
  family.accessTokens.forEach((token) => {
    state.accessTokens.delete(token);
  });
  family.refreshTokens.forEach((token) => {
    state.refreshTokens.delete(token);
  });
}
