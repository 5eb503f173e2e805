/** Key pairs for SMART backend clients in tests: the private JWK (for the client) and the public one (to register). */
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface BackendKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function backendKey(alg: 'RS384' | 'ES384' | 'RS256', kid: string): Promise<BackendKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
  };
}
