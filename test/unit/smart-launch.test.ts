import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AppConfig } from '../../src/smart/app-config.ts';
import type { AuthorizeParams, SmartLaunchApi } from '../../src/smart/fhirclient.ts';
import {
  discoverServer,
  planAuthorization,
  readLaunchRequest,
  startLaunch,
  type Discovery,
} from '../../src/smart/launch.ts';
import { LaunchError } from '../../src/smart/launch-error.ts';
import { recallLaunch, rememberLaunch, type LaunchMarker } from '../../src/smart/launch-marker.ts';

const CONFIG = JSON.parse(
  readFileSync(new URL('../../public/smart-config.json', import.meta.url), 'utf8')
) as AppConfig;
const PAGE = new URL('http://localhost:4000/launch.html');
const SANDBOX = 'http://localhost:4010/fhir';

const SMART_V2: Discovery = {
  kind: 'smart',
  configuration: {
    authorization_endpoint: 'http://localhost:4010/auth/authorize',
    token_endpoint: 'http://localhost:4010/auth/token',
    capabilities: ['launch-ehr', 'launch-standalone', 'permission-v2', 'permission-offline'],
    code_challenge_methods_supported: ['S256'],
  },
};

function asArray(options: AuthorizeParams | AuthorizeParams[]): AuthorizeParams[] {
  if (!Array.isArray(options)) {
    throw new Error('expected an options array');
  }
  return options;
}

describe('readLaunchRequest', () => {
  test('iss and launch make an EHR launch', () => {
    expect(readLaunchRequest(new URL(`${PAGE.href}?iss=${SANDBOX}&launch=xyz`))).toEqual({
      mode: 'ehr',
      iss: SANDBOX,
      launch: 'xyz',
    });
  });

  test('iss alone makes a standalone launch, keeping a patient id for open servers', () => {
    expect(readLaunchRequest(new URL(`${PAGE.href}?iss=${SANDBOX}&patientId=p1`))).toEqual({
      mode: 'standalone',
      iss: SANDBOX,
      patientId: 'p1',
    });
  });

  test('fhirServiceUrl makes an open launch; nothing at all shows the chooser', () => {
    expect(readLaunchRequest(new URL(`${PAGE.href}?fhirServiceUrl=https://hapi.fhir.org/baseR4`))).toEqual({
      mode: 'open',
      fhirServiceUrl: 'https://hapi.fhir.org/baseR4',
    });
    expect(readLaunchRequest(PAGE)).toEqual({ mode: 'choose' });
  });
});

describe('planAuthorization', () => {
  test('an EHR launch passes fhirclient an options array, one per registered SMART server, each with issMatch', () => {
    const options = asArray(planAuthorization({ mode: 'ehr', iss: SANDBOX, launch: 'l1' }, CONFIG, SMART_V2, PAGE));
    // Epic and Oracle Health still have placeholder client ids; HAPI is open.
    expect(options.map((o) => o.clientId)).toEqual(['treatment-plan-app', 'treatment-plan-app']);
    expect(options.every((o) => o.issMatch instanceof RegExp)).toBe(true);
    const sandbox = options.find((o) => o.issMatch instanceof RegExp && o.issMatch.test(SANDBOX));
    expect(sandbox).toMatchObject({
      clientId: 'treatment-plan-app',
      redirectUri: 'http://localhost:4000/index.html',
      pkceMode: 'ifSupported',
      completeInTarget: true,
    });
    expect(sandbox?.scope?.split(' ')).toEqual(
      expect.arrayContaining(['launch', 'openid', 'fhirUser', 'offline_access'])
    );
    expect(sandbox?.scope).toContain('patient/CarePlan.crus');
  });

  test('a standalone launch asks for launch/patient and v1 scopes when the server lacks permission-v2', () => {
    const v1: Discovery = {
      kind: 'smart',
      configuration: { ...SMART_V2.configuration, capabilities: ['launch-standalone'] },
    };
    const [first] = asArray(planAuthorization({ mode: 'standalone', iss: SANDBOX }, CONFIG, v1, PAGE));
    expect(first?.scope?.split(' ')).toContain('launch/patient');
    expect(first?.scope).toContain('patient/CarePlan.write');
    expect(first?.scope).not.toContain('offline_access');
  });

  test('the redirect URI resolves against the page, so the app works under any path', () => {
    const page = new URL('https://apps.example/treatment-plan/launch.html');
    const [first] = asArray(planAuthorization({ mode: 'ehr', iss: SANDBOX, launch: 'l' }, CONFIG, SMART_V2, page));
    expect(first?.redirectUri).toBe('https://apps.example/treatment-plan/index.html');
  });

  test('a server configured as open is launched without authorization, with the patient id', () => {
    expect(
      planAuthorization(
        { mode: 'open', fhirServiceUrl: 'https://hapi.fhir.org/baseR4', patientId: 'p9' },
        CONFIG,
        undefined,
        PAGE
      )
    ).toEqual({
      fhirServiceUrl: 'https://hapi.fhir.org/baseR4',
      patientId: 'p9',
      redirectUri: 'http://localhost:4000/index.html',
    });
  });

  test('a typed server that turns out to have no SMART configuration is used as an open server', () => {
    expect(
      planAuthorization(
        { mode: 'standalone', iss: 'https://fhir.example/r4', patientId: 'p1' },
        CONFIG,
        { kind: 'open' },
        PAGE
      )
    ).toEqual({
      fhirServiceUrl: 'https://fhir.example/r4',
      patientId: 'p1',
      redirectUri: 'http://localhost:4000/index.html',
    });
  });

  test('a SMART server missing from the config is refused, naming the server', () => {
    expect(() =>
      planAuthorization({ mode: 'ehr', iss: 'https://ehr.example/fhir', launch: 'l' }, CONFIG, SMART_V2, PAGE)
    ).toThrow(expect.objectContaining({ kind: 'not-configured', details: { iss: 'https://ehr.example/fhir' } }));
  });

  test('a server whose client id is still a placeholder is refused before any redirect', () => {
    const epic = 'https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4';
    expect(() => planAuthorization({ mode: 'ehr', iss: epic, launch: 'l' }, CONFIG, SMART_V2, PAGE)).toThrow(
      /placeholder/
    );
  });
});

describe('discoverServer', () => {
  const capabilityStatementWithOAuth = {
    resourceType: 'CapabilityStatement',
    rest: [
      {
        mode: 'server',
        security: {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: 'https://ehr.example/authorize' },
                { url: 'token', valueUri: 'https://ehr.example/token' },
              ],
            },
          ],
        },
      },
    ],
  };

  test('uses .well-known/smart-configuration when the server has one', async () => {
    const discovery = await discoverServer(SANDBOX, {
      wellKnown: () => Promise.resolve(SMART_V2.configuration),
      capabilityStatement: () => Promise.reject(new Error('not asked')),
    });
    expect(discovery).toEqual(SMART_V2);
  });

  test("falls back to the CapabilityStatement's oauth-uris extension", async () => {
    const discovery = await discoverServer('https://ehr.example/fhir', {
      wellKnown: () => Promise.reject(new Error('404 Not Found')),
      capabilityStatement: () => Promise.resolve(capabilityStatementWithOAuth),
    });
    expect(discovery).toEqual({
      kind: 'smart',
      configuration: {
        authorization_endpoint: 'https://ehr.example/authorize',
        token_endpoint: 'https://ehr.example/token',
        capabilities: [],
        code_challenge_methods_supported: [],
      },
    });
  });

  test('a server with a CapabilityStatement and no OAuth endpoints is open', async () => {
    const discovery = await discoverServer('https://fhir.example/r4', {
      wellKnown: () => Promise.reject(new Error('404 Not Found')),
      capabilityStatement: () => Promise.resolve({ resourceType: 'CapabilityStatement', rest: [{ mode: 'server' }] }),
    });
    expect(discovery).toEqual({ kind: 'open' });
  });

  test('a server that answers neither is unreachable', async () => {
    const failure = discoverServer('https://down.example/fhir', {
      wellKnown: () => Promise.reject(new TypeError('Failed to fetch')),
      capabilityStatement: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(failure).rejects.toBeInstanceOf(LaunchError);
    await expect(failure).rejects.toMatchObject({ kind: 'unreachable', details: { iss: 'https://down.example/fhir' } });
  });
});

describe('startLaunch', () => {
  test('discovers the server, remembers the launch mode, then authorizes once', async () => {
    const authorized: (AuthorizeParams | AuthorizeParams[])[] = [];
    const remembered: LaunchMarker[] = [];
    const api: SmartLaunchApi = {
      wellKnown: () => Promise.resolve(SMART_V2.configuration),
      capabilityStatement: () => Promise.reject(new Error('not asked')),
      authorize: (options) => {
        authorized.push(options);
        return Promise.resolve();
      },
    };
    await startLaunch({ mode: 'ehr', iss: SANDBOX, launch: 'l1' }, CONFIG, {
      api,
      pageUrl: PAGE,
      remember: (marker) => remembered.push(marker),
    });
    expect(remembered).toEqual([{ mode: 'ehr', iss: SANDBOX }]);
    expect(authorized).toHaveLength(1);
    expect(Array.isArray(authorized[0])).toBe(true);
  });

  test('does not authorize when the server cannot be reached', async () => {
    let authorizeCalls = 0;
    const api: SmartLaunchApi = {
      wellKnown: () => Promise.reject(new TypeError('Failed to fetch')),
      capabilityStatement: () => Promise.reject(new TypeError('Failed to fetch')),
      authorize: () => {
        authorizeCalls += 1;
        return Promise.resolve();
      },
    };
    await expect(
      startLaunch({ mode: 'ehr', iss: SANDBOX, launch: 'l1' }, CONFIG, {
        api,
        pageUrl: PAGE,
        remember: () => undefined,
      })
    ).rejects.toMatchObject({ kind: 'unreachable' });
    expect(authorizeCalls).toBe(0);
  });
});

describe('the launch marker', () => {
  function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
    const values = new Map<string, string>();
    return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => values.set(key, value) };
  }

  test('the app page recalls how the launch page launched', () => {
    const storage = memoryStorage();
    rememberLaunch({ mode: 'standalone', iss: SANDBOX }, storage);
    expect(recallLaunch(storage)).toEqual({ mode: 'standalone', iss: SANDBOX });
  });

  test('a missing or corrupted marker means the launch mode is unknown', () => {
    const storage = memoryStorage();
    expect(recallLaunch(storage)).toBeUndefined();
    storage.setItem('treatment-plan:launch', '{not json');
    expect(recallLaunch(storage)).toBeUndefined();
    storage.setItem('treatment-plan:launch', JSON.stringify({ mode: 'admin', iss: SANDBOX }));
    expect(recallLaunch(storage)).toBeUndefined();
  });
});
