import { describe, expect, test } from 'vitest';
import {
  formatResourceScopes,
  grants,
  narrowResourceScopes,
  parseResourceScope,
  parseScopes,
  type Permission,
} from '../../src/smart/scopes.ts';

function permissionsOf(raw: string): Permission[] {
  return [...(parseResourceScope(raw)?.permissions ?? [])].sort();
}

function narrow(requested: string, allowed: string): string[] {
  return narrowResourceScopes(parseScopes(requested).resourceScopes, parseScopes(allowed).resourceScopes).map(
    (scope) => scope.raw
  );
}

describe('parsing SMART v1 scopes', () => {
  test('read means read and search, write means create, update and delete', () => {
    expect(permissionsOf('patient/CarePlan.read')).toEqual(['r', 's']);
    expect(permissionsOf('user/Goal.write')).toEqual(['c', 'd', 'u']);
    expect(parseResourceScope('patient/CarePlan.read')).toMatchObject({ level: 'patient', syntax: 'v1' });
  });

  test('a v1 wildcard grants every permission on every resource type', () => {
    expect(parseResourceScope('patient/*.*')).toMatchObject({ resourceType: '*', syntax: 'v1' });
    expect(permissionsOf('patient/*.*')).toEqual(['c', 'd', 'r', 's', 'u']);
  });

  test('a v1 scope with a query constraint is not a scope', () => {
    expect(parseResourceScope('patient/Observation.read?category=survey')).toBeUndefined();
  });
});

describe('parsing SMART v2 scopes', () => {
  test('each letter is one permission', () => {
    expect(permissionsOf('patient/CarePlan.cruds')).toEqual(['c', 'd', 'r', 's', 'u']);
    expect(permissionsOf('user/Goal.rs')).toEqual(['r', 's']);
    expect(parseResourceScope('user/Goal.rs')).toMatchObject({ level: 'user', resourceType: 'Goal', syntax: 'v2' });
  });

  test('a query constraint is kept with the scope', () => {
    expect(parseResourceScope('patient/Observation.rs?category=survey')).toMatchObject({
      resourceType: 'Observation',
      constraint: 'category=survey',
    });
  });

  test('letters out of order, repeated letters, unknown levels and missing parts are not scopes', () => {
    for (const invalid of [
      'patient/CarePlan.rc',
      'patient/CarePlan.rr',
      'clinic/CarePlan.rs',
      'patient/.rs',
      'CarePlan.rs',
    ]) {
      expect(parseResourceScope(invalid), invalid).toBeUndefined();
    }
  });

  test('a scope string splits into resource scopes and the other scopes', () => {
    const scopes = parseScopes('  openid fhirUser launch/patient patient/CarePlan.rs  nonsense/x.y ');
    expect(scopes.resourceScopes.map((scope) => scope.raw)).toEqual(['patient/CarePlan.rs']);
    expect([...scopes.otherScopes]).toEqual(['openid', 'fhirUser', 'launch/patient', 'nonsense/x.y']);
  });
});

describe('grants()', () => {
  test('a specific scope grants only its resource type and permissions', () => {
    const scopes = parseScopes('patient/CarePlan.rs');
    expect(grants(scopes, 'CarePlan', 'r').granted).toBe(true);
    expect(grants(scopes, 'CarePlan', 'c').granted).toBe(false);
    expect(grants(scopes, 'Goal', 'r').granted).toBe(false);
  });

  test('a wildcard resource type grants every type', () => {
    expect(grants(parseScopes('user/*.read'), 'Condition', 's').granted).toBe(true);
  });

  test('levels can be limited, so a user scope does not count where only patient scopes do', () => {
    expect(grants(parseScopes('user/Goal.cruds'), 'Goal', 'u', ['patient']).granted).toBe(false);
  });

  test('a constrained grant reports its constraints, and an unconstrained one wins over it', () => {
    expect(grants(parseScopes('patient/Observation.rs?category=survey'), 'Observation', 's')).toEqual({
      granted: true,
      constraints: ['category=survey'],
    });
    expect(
      grants(parseScopes('patient/Observation.rs?category=survey patient/Observation.rs'), 'Observation', 's')
    ).toEqual({
      granted: true,
    });
  });
});

describe('formatResourceScopes()', () => {
  const requests = [
    { resourceType: 'CarePlan', permissions: ['r', 'c', 's', 'u'] as Permission[], level: 'patient' as const },
    { resourceType: 'Goal', permissions: ['r', 's'] as Permission[], level: 'user' as const },
  ];

  test('v2 writes permissions in the order c, r, u, d, s', () => {
    expect(formatResourceScopes(requests, 'v2')).toEqual(['patient/CarePlan.crus', 'user/Goal.rs']);
  });

  test('v1 asks for read and write separately', () => {
    expect(formatResourceScopes(requests, 'v1')).toEqual([
      'patient/CarePlan.read',
      'patient/CarePlan.write',
      'user/Goal.read',
    ]);
  });
});

describe('narrowing requested scopes to what is allowed', () => {
  test('a specific request within a wildcard allowance keeps its type and loses the permissions not allowed', () => {
    expect(narrow('patient/CarePlan.cruds', 'patient/*.rs')).toEqual(['patient/CarePlan.rs']);
  });

  test('a wildcard request within specific allowances becomes those specific scopes', () => {
    expect(narrow('patient/*.rs', 'patient/CarePlan.cruds patient/Goal.r')).toEqual([
      'patient/CarePlan.rs',
      'patient/Goal.r',
    ]);
  });

  test('v1 requests stay v1 where v1 can say the result, and become v2 where it cannot', () => {
    expect(narrow('patient/*.*', 'patient/*.rs')).toEqual(['patient/*.read']);
    expect(narrow('patient/CarePlan.read', 'patient/CarePlan.r')).toEqual(['patient/CarePlan.r']);
  });

  test('a different level or resource type grants nothing', () => {
    expect(narrow('user/CarePlan.rs patient/Goal.rs', 'patient/CarePlan.rs')).toEqual([]);
  });

  test('constraints from both sides must hold together', () => {
    expect(narrow('patient/Observation.rs?category=survey', 'patient/*.rs?status=final')).toEqual([
      'patient/Observation.rs?category=survey&status=final',
    ]);
    expect(narrow('patient/Observation.rs', 'patient/Observation.r?category=survey')).toEqual([
      'patient/Observation.r?category=survey',
    ]);
  });
});
