/**
 * `npm run sandbox -- --port 4010`: runs the Sandbox EHR until Ctrl-C. The first line with a URL is the FHIR
 * base, so scripts can read it; the home page follows. Importing this module starts nothing: the sandbox runs only
 * when the file is Node's entry point, so `npm start` (tools/start.ts) can share its flag checks.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import { BEHAVIOURS, DEFAULT_BEHAVIOUR, isBehaviour, type Behaviour } from './behaviour/behaviours.ts';
import { DEFAULT_APP_URL, DEFAULT_PORT, startSandbox, type RunningSandbox, type SandboxOptions } from './server.ts';

export { startSandbox } from './server.ts';
export type { RunningSandbox, SandboxOptions } from './server.ts';

export const USAGE = `Sandbox EHR: a FHIR R4 server with a SMART authorization server and synthetic clients.

Usage: npm run sandbox -- [options]

  --port N                  port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --app-url URL             where the app's launch.html and index.html live (default ${DEFAULT_APP_URL})
  --data DIR                keep FHIR data in DIR across restarts (default: in memory)
  --token-lifetime SECONDS  access token lifetime (default 3600)
  --behave KIND             behave like a kind of server (default ${DEFAULT_BEHAVIOUR}):
                              open     everything writable, batch and atomic transactions, 412 on conflicts
                              epic     plan resources read-only (403), Condition/DocumentReference/some
                                       Observation creates, no batch or transaction, CarePlan and Condition
                                       searches need category, no refresh tokens
                              oracle   plan resources read-only (405), Condition/DocumentReference creates
                                       answered 201 with an empty body + Location, 409 on stale versions,
                                       no batch or transaction, CarePlan searches need category=assess-plan
                              medplum  everything writable, 412 on conflicts, transactions run as batches
  --atomic-transactions     with --behave medplum: run transactions atomically (Medplum with transactions on)
  --backend-jwks FILE       register the command-line tool as SMART backend client treatment-plan-cli with
                            the public keys in FILE (a JWK Set, e.g. from "treatment-plan keygen")
  --help                    show this help
`;

/** A mistake on the command line: reported as one sentence, without a stack trace. */
export class UsageError extends Error {}

const FLAGS = {
  port: { type: 'string' },
  'app-url': { type: 'string' },
  data: { type: 'string' },
  'token-lifetime': { type: 'string' },
  behave: { type: 'string' },
  'atomic-transactions': { type: 'boolean' },
  'backend-jwks': { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** The flags as strings, or a UsageError naming the one that is wrong. */
function readFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the command line into sandbox options; throws with a readable message on bad input. */
export function parseSandboxArgs(argv: readonly string[]): SandboxOptions | 'help' {
  const values = readFlags(argv);
  if (values.help) {
    return 'help';
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a port number, not "${values.port ?? ''}".`);
  }
  const lifetime = values['token-lifetime'] === undefined ? undefined : Number(values['token-lifetime']);
  if (lifetime !== undefined && !(Number.isInteger(lifetime) && lifetime > 0)) {
    throw new UsageError(
      `--token-lifetime must be a whole number of seconds, not "${values['token-lifetime'] ?? ''}".`
    );
  }
  const { behave, atomicTransactions } = parseBehaviourFlags(values.behave, values['atomic-transactions']);
  const appUrl = values['app-url'];
  if (appUrl !== undefined && !URL.canParse(appUrl)) {
    throw new UsageError(`--app-url must be an absolute URL, not "${appUrl}".`);
  }
  const backendJwks = values['backend-jwks'] === undefined ? undefined : readJwks(values['backend-jwks']);
  return {
    port,
    ...(backendJwks === undefined ? {} : { backendJwks }),
    ...(appUrl === undefined ? {} : { appUrl }),
    ...(values.data === undefined ? {} : { dataDir: values.data }),
    ...(lifetime === undefined ? {} : { accessTokenLifetimeSeconds: lifetime }),
    behave,
    ...(atomicTransactions ? { atomicTransactions: true } : {}),
  };
}

/**
 * `--behave KIND` and `--atomic-transactions` as given (undefined when absent), checked: the behaviour (default
 * open) and whether transactions run atomically. Throws a UsageError naming what is wrong. Shared with `npm start`.
 */
export function parseBehaviourFlags(
  behave: string | undefined,
  atomicTransactions: boolean | undefined
): { readonly behave: Behaviour; readonly atomicTransactions: boolean } {
  const kind = behave ?? DEFAULT_BEHAVIOUR;
  if (!isBehaviour(kind)) {
    throw new UsageError(`--behave must be one of ${BEHAVIOURS.join(', ')}, not "${kind}".`);
  }
  if (atomicTransactions === true && kind !== 'medplum') {
    throw new UsageError('--atomic-transactions only applies to --behave medplum.');
  }
  return { behave: kind, atomicTransactions: atomicTransactions === true };
}

/** A JWK Set of public keys from a file, or a UsageError saying what is wrong with it. */
function readJwks(file: string): JSONWebKeySet {
  let jwks: unknown;
  try {
    jwks = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--backend-jwks: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)}).`
    );
  }
  const keys = (jwks as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new UsageError(`--backend-jwks: ${file} is not a JWK Set ({"keys": [...]}).`);
  }
  if (keys.some((key) => typeof key === 'object' && key !== null && 'd' in key)) {
    throw new UsageError(`--backend-jwks: ${file} holds a private key; register only the public keys.`);
  }
  return jwks as JSONWebKeySet;
}

/** Stops the sandbox (flushing data to disk) on Ctrl-C or a termination signal. */
function stopOnSignals(sandbox: RunningSandbox): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n${signal}: stopping the Sandbox EHR...`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The Sandbox EHR did not stop cleanly:', error);
        process.exit(1);
      }
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function runSandboxCli(argv: readonly string[]): Promise<void> {
  const options = parseSandboxArgs(argv);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const sandbox = await startSandbox(options);
  stopOnSignals(sandbox);
  console.log(`FHIR base: ${sandbox.fhirBaseUrl}`);
  console.log(`Sandbox EHR home: ${sandbox.homeUrl}  (behaves like: ${sandbox.behaviour})`);
  console.log(`App: ${options.appUrl ?? DEFAULT_APP_URL}  (Ctrl-C stops the sandbox)`);
}

if (import.meta.main) {
  runSandboxCli(process.argv.slice(2)).catch((error: unknown) => {
    const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    if (inUse) {
      console.error(`${error.message}: another program uses that port; choose one with --port N.`);
    } else {
      console.error(error instanceof UsageError ? error.message : error);
    }
    console.error('Run with --help for usage.');
    process.exit(1);
  });
}
