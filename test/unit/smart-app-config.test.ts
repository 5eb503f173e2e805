import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { configProblems, findServer, isAppConfig, parseAppConfig, type AppConfig } from '../../src/smart/app-config.ts';
import { LaunchError } from '../../src/smart/launch-error.ts';

const SHIPPED: unknown = JSON.parse(readFileSync(new URL('../../public/smart-config.json', import.meta.url), 'utf8'));

const VALID = {
  servers: [
    {
      id: 'sandbox',
      label: 'Sandbox EHR',
      iss: 'http://localhost:4010/fhir',
      issMatch: '^http://(localhost|127\\.0\\.0\\.1)(:\\d+)?/fhir/?$',
      clientId: 'treatment-plan-app',
      kind: 'smart',
    },
    {
      id: 'hapi',
      label: 'HAPI',
      iss: 'https://hapi.fhir.org/baseR4',
      issMatch: '^https://hapi\\.fhir\\.org/baseR4/?$',
      kind: 'open',
    },
  ],
};

/** VALID with one field of the first server replaced (undefined removes it). */
function withFirst(field: string, value: unknown): unknown {
  const [first, ...rest] = VALID.servers;
  const changed = Object.entries({ ...first, [field]: value }).filter(([, v]) => v !== undefined);
  return { servers: [Object.fromEntries(changed), ...rest] };
}

describe('the smart-config.json guard', () => {
  test('accepts a valid config', () => {
    expect(configProblems(VALID)).toEqual([]);
    expect(isAppConfig(VALID)).toBe(true);
  });

  test('accepts the config the app ships, which lists the sandbox first', () => {
    expect(configProblems(SHIPPED)).toEqual([]);
    const config = SHIPPED as AppConfig;
    expect(config.servers[0]?.id).toBe('sandbox');
    expect(config.servers.map((server) => server.id)).toEqual(['sandbox', 'smart-launcher', 'epic', 'oracle', 'hapi']);
  });

  test.each([
    ['id', 'has space', 'servers[0].id: must be a string of letters, digits and dashes'],
    ['label', '', 'servers[0].label: must be a non-empty string'],
    ['kind', 'oauth', 'servers[0].kind: must be "smart" or "open"'],
    ['issMatch', '^(unclosed$', 'servers[0].issMatch: is not a valid regular expression'],
    ['issMatch', 'localhost', 'servers[0].issMatch: must start with ^ and end with $'],
    ['issMatch', undefined, 'servers[0].issMatch: must be a regular expression (as a string)'],
    ['iss', 'ftp://localhost/fhir', 'servers[0].iss: must be an http(s) URL'],
    ['iss', 'https://elsewhere.example/fhir', "servers[0].iss: is not matched by this entry's issMatch"],
    ['clientId', undefined, 'servers[0].clientId: is required for a "smart" server'],
    ['clientId', 42, 'servers[0].clientId: must be a non-empty string'],
    ['redirectUri', './index.html#app', 'servers[0].redirectUri: must be a URL without "#"'],
    [
      'scopes',
      { extra: ['patient/*.read'] },
      'servers[0].scopes.extra: must be an array of single scopes without wildcards',
    ],
    ['scopes', { extra: 'launch' }, 'servers[0].scopes.extra: must be an array of single scopes without wildcards'],
    ['scopes', { more: [] }, 'servers[0].scopes.more: is not a known setting'],
    ['note', 7, 'servers[0].note: must be a string'],
    ['clientID', 'typo', 'servers[0].clientID: is not a known setting'],
  ])('reports a bad %s (%j) by naming the field', (field, value, problem) => {
    const candidate = withFirst(field, value);
    expect(configProblems(candidate)).toContain(problem);
    expect(isAppConfig(candidate)).toBe(false);
  });

  test('reports a missing or empty servers list, and a root that is not an object', () => {
    expect(configProblems({})).toEqual(['servers: must be a non-empty array']);
    expect(configProblems({ servers: [] })).toEqual(['servers: must be a non-empty array']);
    expect(configProblems([])).toEqual(['(root): must be a JSON object with a "servers" array']);
    expect(configProblems({ servers: ['x'] })).toEqual(['servers[0]: must be an object']);
  });

  test('reports a duplicated id', () => {
    const [first] = VALID.servers;
    expect(configProblems({ servers: [first, first] })).toContain(
      'servers[1].id: "sandbox" is used by an earlier entry'
    );
  });

  test('an open server needs no client id', () => {
    expect(configProblems({ servers: [VALID.servers[1]] })).toEqual([]);
  });

  test('parseAppConfig throws a config LaunchError that lists every problem', () => {
    const bad = { servers: [{ ...VALID.servers[0], kind: 'x', label: '' }] };
    try {
      parseAppConfig(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LaunchError);
      expect((error as LaunchError).kind).toBe('config');
      expect((error as LaunchError).details.problems).toEqual([
        'servers[0].label: must be a non-empty string',
        'servers[0].kind: must be "smart" or "open"',
      ]);
    }
  });
});

describe('findServer', () => {
  const config = SHIPPED as AppConfig;

  test.each([
    ['http://localhost:4010/fhir', 'sandbox'],
    ['http://127.0.0.1:51234/fhir/', 'sandbox'],
    ['https://launch.smarthealthit.org/v/r4/fhir', 'smart-launcher'],
    ['https://launch.smarthealthit.org/v/r4/sim/eyJoIjoiMSJ9/fhir', 'smart-launcher'],
    ['https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4', 'epic'],
    ['https://fhir-ehr-code.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d', 'oracle'],
    ['https://hapi.fhir.org/baseR4', 'hapi'],
  ])('matches %s to the %s entry', (iss, id) => {
    expect(findServer(config, iss)?.id).toBe(id);
  });

  test.each([
    'http://localhost.evil.example/fhir',
    'https://evil.example/?https://hapi.fhir.org/baseR4',
    'http://localhost:4010/other',
  ])('matches no entry for the look-alike %s', (iss) => {
    expect(findServer(config, iss)).toBeUndefined();
  });
});
