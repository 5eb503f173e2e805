import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when `verifier` is the one behind an S256 `challenge`: BASE64URL(SHA256(verifier)) === challenge.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
export function verifiesS256(verifier: string, challenge: string): boolean {
  // RFC 7636 §4.1: 43 to 128 characters from the unreserved set.
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
    return false;
  }
  const expected = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const actual = Buffer.from(challenge);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
