/**
 * How the command-line tool gets into a server that wants a token (the sandbox's SMART authorization server):
 * SMART Backend Services with a private key (JWK or PEM, RS384 or ES384), a bearer token from FHIR_TOKEN, and
 * the exit code 5 when there is no credential or a wrong one.
 */
import type * as fhir from 'fhir/r4';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPKCS8, generateKeyPair, exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXIT } from '../../src/cli/main.ts';
import { connect } from '../../src/cli/server-access.ts';
import { backendClient, defaultClients } from '../../src/sandbox/auth/clients.ts';
import { parseSandboxArgs } from '../../src/sandbox/main.ts';
import { backendKey } from './support/backend-keys.ts';
import { countRecords, runCli } from './support/cli-run.ts';
import { APP_URL } from './support/fhirclient-launch.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

let sandbox: TestSandbox;
let dir: string;
let env: Record<string, string>;
let readOnlyEnv: Record<string, string>;
let pemEnv: Record<string, string>;
let strangerEnv: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-access-'));
  const [key, stranger] = await Promise.all([backendKey('RS384', 'cli-1'), backendKey('RS384', 'cli-1')]);
  const es = await generateKeyPair('ES384', { extractable: true });
  await writeFile(join(dir, 'cli.jwk.json'), JSON.stringify(key.privateJwk));
  await writeFile(join(dir, 'stranger.jwk.json'), JSON.stringify(stranger.privateJwk));
  await writeFile(join(dir, 'es.pem'), await exportPKCS8(es.privateKey));
  const esPublic = { ...(await exportJWK(es.publicKey)), kid: 'es-pem', alg: 'ES384' };
  sandbox = await startTestSandbox({
    clients: [
      ...defaultClients(APP_URL),
      backendClient({ keys: [key.publicJwk, esPublic] }),
      backendClient({ keys: [key.publicJwk] }, { clientId: 'read-only-exporter', allowedScopes: 'system/*.rs' }),
    ],
  });
  env = { SMART_CLIENT_ID: 'treatment-plan-cli', SMART_PRIVATE_KEY: join(dir, 'cli.jwk.json') };
  readOnlyEnv = { ...env, SMART_CLIENT_ID: 'read-only-exporter' };
  pemEnv = { ...env, SMART_PRIVATE_KEY: join(dir, 'es.pem'), SMART_KEY_ALG: 'ES384', SMART_KEY_ID: 'es-pem' };
  strangerEnv = { ...env, SMART_PRIVATE_KEY: join(dir, 'stranger.jwk.json') };
});

afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const exportGeorge = (environment: Record<string, string>) =>
  runCli(['export', '--server', sandbox.fhirBaseUrl, '--patient', 'george-smith', '--format', 'transaction'], {
    env: environment,
  });

describe('SMART backend services', () => {
  test('exports with a private JWK: the tool finds the token endpoint, signs in, and says so on stderr', async () => {
    const run = await exportGeorge(env);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stderr).toContain('as backend client treatment-plan-cli (system/*.rs)');
    expect(JSON.parse(run.stdout)).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
  });

  test('exports with an ES384 key in a PEM file', async () => {
    const run = await exportGeorge(pemEnv);
    expect(run.code, run.stderr).toBe(EXIT.ok);
  });

  test('a key the server does not know is refused with exit code 5 and the server’s reason', async () => {
    const run = await exportGeorge(strangerEnv);
    expect(run.code).toBe(EXIT.unreachableOrAuth);
    expect(run.stderr).toContain('The token endpoint refused client treatment-plan-cli: invalid_client');
    expect(run.stdout).toBe('');
  });

  test('a missing key file is exit code 5 with the file named', async () => {
    const run = await exportGeorge({ ...env, SMART_PRIVATE_KEY: join(dir, 'nowhere.json') });
    expect(run.code).toBe(EXIT.unreachableOrAuth);
    expect(run.stderr).toContain('nowhere.json');
  });

  test('a read-only client may dry-run an import, but its write is refused (exit 5) and nothing is written', async () => {
    const file = join(dir, 'michael.json');
    const exported = await runCli(
      [
        'export',
        '--server',
        sandbox.fhirBaseUrl,
        '--patient',
        'michael-jones',
        '--format',
        'transaction',
        '--out',
        file,
      ],
      { env }
    );
    expect(exported.code, exported.stderr).toBe(EXIT.ok);
    const token = await tokenFor(env);
    const before = await countRecords(sandbox.fhirBaseUrl, { authorization: `Bearer ${token}` });

    // New identifiers everywhere: the import would create every record rather than match the ones it came from.
    const renamed = join(dir, 'michael-renamed.json');
    await writeFile(renamed, JSON.stringify(withNewIdentifiers(JSON.parse(await readFile(file, 'utf8')))));

    const dryRun = await runCli(['import', '--server', sandbox.fhirBaseUrl, renamed, '--dry-run'], {
      env: readOnlyEnv,
    });
    expect(dryRun.code, dryRun.stderr).toBe(EXIT.ok);
    expect(dryRun.stdout).toMatch(/Actions: create [1-9]/);
    const write = await runCli(['import', '--server', sandbox.fhirBaseUrl, renamed, '--yes'], { env: readOnlyEnv });
    expect(write.code, write.stdout + write.stderr).toBe(EXIT.unreachableOrAuth);
    expect(write.stdout).toContain('Nothing written');
    expect(await countRecords(sandbox.fhirBaseUrl, { authorization: `Bearer ${token}` })).toEqual(before);
  });
});

/** The same records with every business identifier value changed, so none matches what a server holds. */
function withNewIdentifiers(value: unknown, inIdentifier = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withNewIdentifiers(item, inIdentifier));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      inIdentifier && key === 'value' && typeof item === 'string'
        ? [key, `${item}-copy`]
        : [key, withNewIdentifiers(item, key === 'identifier')]
    )
  );
}

/** A token from the backend flow, through the tool's own code path, to hand over as FHIR_TOKEN. */
async function tokenFor(environment: Record<string, string>): Promise<string> {
  const { discoverTokenEndpoint, readBackendClient, requestBackendToken } =
    await import('../../src/cli/backend-services.ts');
  const client = await readBackendClient(environment, process.cwd(), 'system/*.cruds');
  const endpoint = await discoverTokenEndpoint(sandbox.fhirBaseUrl, fetch);
  return (await requestBackendToken(client, endpoint, fetch, () => new Date())).accessToken;
}

describe('a bearer token from the environment', () => {
  test('FHIR_TOKEN is sent as the bearer token', async () => {
    const run = await exportGeorge({ FHIR_TOKEN: await tokenFor(env) });
    expect(run.code, run.stderr).toBe(EXIT.ok);
  });

  test('without any credential, or with a token the server does not know, the exit code is 5', async () => {
    const none = await exportGeorge({});
    expect(none.code).toBe(EXIT.unreachableOrAuth);
    expect(none.stderr).toContain('401');
    const wrong = await exportGeorge({ FHIR_TOKEN: 'not-a-token' });
    expect(wrong.code).toBe(EXIT.unreachableOrAuth);
  });
});

describe('keygen and a sandbox started with the public keys', () => {
  test('the keys keygen writes sign the tool into a sandbox started with --backend-jwks', async () => {
    const keys = join(dir, 'keys');
    const made = await runCli(['keygen', '--out', keys, '--alg', 'ES384', '--json']);
    expect(made.code, made.stderr).toBe(EXIT.ok);
    const written = JSON.parse(made.stdout) as { privateKey: string; jwks: string; alg: string };
    expect(written.alg).toBe('ES384');
    expect((await stat(written.privateKey)).mode & 0o077).toBe(0);

    expect(() => parseSandboxArgs(['--backend-jwks', written.privateKey])).toThrow(/not a JWK Set/);
    const options = parseSandboxArgs(['--backend-jwks', written.jwks]);
    if (options === 'help') throw new Error('expected options');
    const second = await startTestSandbox({ ...options, port: 0 });
    try {
      const run = await runCli(
        ['export', '--server', second.fhirBaseUrl, '--patient', 'robert-johnson', '--quiet', '--format', 'transaction'],
        { env: { SMART_CLIENT_ID: 'treatment-plan-cli', SMART_PRIVATE_KEY: written.privateKey } }
      );
      expect(run.code, run.stderr).toBe(EXIT.ok);
      expect(JSON.parse(run.stdout)).toMatchObject({ resourceType: 'Bundle' });
    } finally {
      await second.close();
    }

    const again = await runCli(['keygen', '--out', keys]);
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toContain('nothing changed');
  });
});

describe('a long run with backend services', () => {
  test('signs in again when the token is about to expire, so a long export never sends an expired token', async () => {
    let offsetMs = 0;
    const signIns: string[] = [];
    const access = await connect(
      sandbox.fhirBaseUrl,
      {
        stdout: () => undefined,
        stderr: () => undefined,
        env,
        cwd: process.cwd(),
        now: () => new Date(Date.now() + offsetMs),
      },
      { write: false, progress: (message) => signIns.push(message) }
    );
    expect(access.authorization).toBe('SMART backend services');
    await access.gateway.read('Patient/george-smith');
    expect(signIns).toHaveLength(1);

    // An hour later on both clocks: the first token has expired on the server.
    offsetMs += 3600_000;
    sandbox.advanceClock(3600);
    const patient = await access.gateway.read<fhir.Patient>('Patient/george-smith');
    expect(patient.resourceType).toBe('Patient');
    expect(signIns).toHaveLength(2);
  });
});
