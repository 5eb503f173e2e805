/** The pure rules of the sandbox's authorization server: what scope is granted, PKCE, and expiry. */
import { describe, expect, test } from 'vitest';
import { accessPolicyFor } from '../../src/sandbox/auth/access-policy.ts';
import { createExpiringStore } from '../../src/sandbox/auth/expiring-store.ts';
import { grantScope } from '../../src/sandbox/auth/granted-scope.ts';
import { verifiesS256 } from '../../src/sandbox/auth/pkce.ts';
import { parseScopes } from '../../src/smart/scopes.ts';

describe('the granted scope', () => {
  test('is everything asked for that the sandbox knows, when the registration allows everything', () => {
    expect(grantScope('launch openid fhirUser patient/CarePlan.cruds user/Goal.read', undefined)?.text).toBe(
      'launch openid fhirUser patient/CarePlan.cruds user/Goal.read'
    );
  });

  test('narrows resource scopes to the registration and passes launch, identity and refresh scopes through', () => {
    const granted = grantScope('launch/patient offline_access online_access patient/CarePlan.cruds', 'patient/*.rs');
    expect(granted?.text).toBe('launch/patient offline_access online_access patient/CarePlan.rs');
  });

  test('drops scopes the sandbox does not know', () => {
    expect(grantScope('launch patient/Goal.rs made-up-scope', undefined)?.text).toBe('launch patient/Goal.rs');
  });

  test('is nothing when every resource scope asked for is refused, or nothing known was asked for', () => {
    expect(grantScope('launch user/CarePlan.cud', 'patient/*.rs')).toBeUndefined();
    expect(grantScope('made-up-scope', undefined)).toBeUndefined();
    expect(grantScope('', undefined)).toBeUndefined();
  });

  test('may be identity only, for sign-in without data', () => {
    expect(grantScope('openid fhirUser', 'patient/*.rs')?.text).toBe('openid fhirUser');
  });
});

describe('PKCE S256', () => {
  // RFC 7636 Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  test('accepts the verifier behind the challenge', () => {
    expect(verifiesS256(verifier, challenge)).toBe(true);
  });

  test('refuses another verifier, the challenge itself, and a verifier that is too short', () => {
    expect(verifiesS256(`${verifier.slice(0, -1)}l`, challenge)).toBe(false);
    expect(verifiesS256(challenge, challenge)).toBe(false);
    expect(verifiesS256('short', challenge)).toBe(false);
  });
});

describe('the access policy of a token', () => {
  test('allows what the granted scopes allow and names what a refused call would need', () => {
    const policy = accessPolicyFor(parseScopes('patient/CarePlan.rs patient/Goal.read'), true);
    expect(policy.allows('CarePlan', 's')).toBe(true);
    expect(policy.allows('Goal', 'r')).toBe(true);
    expect(policy.allows('CarePlan', 'c')).toBe(false);
    expect(policy.allows('Condition', 'r')).toBe(false);
    expect(policy.describeNeed('CarePlan', 'c')).toContain('patient/CarePlan.c');
  });

  test('names user scopes when the launch has no patient', () => {
    expect(accessPolicyFor(parseScopes('user/Goal.r'), false).describeNeed('Goal', 'u')).toContain('user/Goal.u');
  });
});

describe('the expiring store', () => {
  test('forgets an entry when its lifetime is over', () => {
    let now = 1_000_000;
    const store = createExpiringStore<string>(() => now);
    const key = store.add('code', 60_000);
    expect(store.get(key)).toBe('code');

    now += 59_999;
    expect(store.get(key)).toBe('code');
    now += 1;
    expect(store.get(key)).toBeUndefined();
  });

  test('makes unguessable keys and knows nothing of keys it did not make', () => {
    const store = createExpiringStore<number>(() => 0);
    const keys = new Set(Array.from({ length: 50 }, (_, index) => store.add(index, 1000)));
    expect(keys.size).toBe(50);
    expect([...keys].every((key) => /^[\w-]{43}$/.test(key))).toBe(true);
    expect(store.get('guess')).toBeUndefined();
    expect(store.get(null)).toBeUndefined();
  });
});
