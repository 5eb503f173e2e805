/** The `companion` entry of smart-config.json (issue 5 §2): checked by the same guard, every problem named. */
import { describe, expect, test } from 'vitest';
import { configProblems, parseAppConfig } from '../../src/smart/app-config.ts';
import { companionGateway } from '../../src/smart/companion-connection.ts';

const SERVER = {
  id: 'epic',
  label: 'Epic',
  iss: 'https://ehr.example/fhir',
  issMatch: '^https://ehr\\.example/fhir/?$',
  clientId: 'treatment-plan-app',
  kind: 'smart',
};

function withCompanion(companion: unknown): unknown {
  return { servers: [{ ...SERVER, companion }] };
}

describe('the companion store in smart-config.json', () => {
  test('accepts an open companion on https and a bearer companion on localhost', () => {
    expect(
      configProblems(withCompanion({ fhirBaseUrl: 'https://plans.practice.example/fhir', access: 'open' }))
    ).toEqual([]);
    const config = parseAppConfig(
      withCompanion({
        fhirBaseUrl: 'http://localhost:4020/fhir',
        access: 'bearer',
        bearerToken: 'dev-token_1.2~3',
        label: 'the practice plan store',
      })
    );
    expect(config.servers[0]?.companion).toEqual({
      fhirBaseUrl: 'http://localhost:4020/fhir',
      access: 'bearer',
      bearerToken: 'dev-token_1.2~3',
      label: 'the practice plan store',
    });
  });

  test('refuses plain http away from localhost', () => {
    expect(
      configProblems(withCompanion({ fhirBaseUrl: 'http://plans.practice.example/fhir', access: 'open' }))
    ).toEqual(['servers[0].companion.fhirBaseUrl: must use https (plain http only for localhost)']);
  });

  test('refuses a wildcard, a query, credentials in the URL, and something that is no URL', () => {
    expect(configProblems(withCompanion({ fhirBaseUrl: 'https://*.practice.example/fhir', access: 'open' }))).toContain(
      "servers[0].companion.fhirBaseUrl: must be one server's address, without wildcards"
    );
    expect(
      configProblems(withCompanion({ fhirBaseUrl: 'https://user:pw@plans.example/fhir?x=1', access: 'open' }))
    ).toEqual(['servers[0].companion.fhirBaseUrl: must have no query and no user name or password']);
    expect(configProblems(withCompanion({ fhirBaseUrl: 'plans', access: 'open' }))).toEqual([
      'servers[0].companion.fhirBaseUrl: must be an http(s) URL',
    ]);
  });

  test('asks for a token with bearer access, and for none with open access', () => {
    expect(configProblems(withCompanion({ fhirBaseUrl: 'https://plans.example/fhir', access: 'bearer' }))).toEqual([
      'servers[0].companion.bearerToken: is required with "bearer" access, as a token of letters, digits and -._~+/',
    ]);
    expect(
      configProblems(withCompanion({ fhirBaseUrl: 'https://plans.example/fhir', access: 'bearer', bearerToken: 'a b' }))
    ).toHaveLength(1);
    expect(
      configProblems(withCompanion({ fhirBaseUrl: 'https://plans.example/fhir', access: 'open', bearerToken: 'abc' }))
    ).toEqual(['servers[0].companion.bearerToken: is only used with "bearer" access']);
  });

  test('names unknown settings, a bad access kind, an empty label and a companion that is not an object', () => {
    expect(
      configProblems(
        withCompanion({ fhirBaseUrl: 'https://plans.example/fhir', access: 'smart', label: ' ', clientId: 'x' })
      )
    ).toEqual([
      'servers[0].companion.clientId: is not a known setting',
      'servers[0].companion.access: must be "open" or "bearer"',
      'servers[0].companion.label: must be a non-empty string',
    ]);
    expect(configProblems(withCompanion('https://plans.example/fhir'))).toEqual([
      'servers[0].companion: must be an object',
    ]);
  });

  test('the companion gateway sends the configured bearer token, and none for an open companion', async () => {
    const seen: (string | null)[] = [];
    const fake: typeof fetch = (_input, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return Promise.resolve(
        new Response(JSON.stringify({ resourceType: 'Patient', id: 'p' }), {
          headers: { 'content-type': 'application/fhir+json' },
        })
      );
    };
    const bearer = companionGateway(
      { fhirBaseUrl: 'https://plans.example/fhir', access: 'bearer', bearerToken: 'dev-token' },
      fake
    );
    const open = companionGateway({ fhirBaseUrl: 'https://plans.example/fhir', access: 'open' }, fake);
    await bearer.read('Patient/p');
    await open.read('Patient/p');
    expect(seen).toEqual(['Bearer dev-token', null]);
  });
});
