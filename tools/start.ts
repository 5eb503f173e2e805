/**
 * `npm start`: the sandbox EHR and the app together, for a newcomer's first run.
 * The sandbox (FHIR server, SMART authorization, home page) listens on 4010 and the app (Vite dev server) on 4000;
 * open the printed home page and launch the app for a client, as an EHR would.
 *
 * Flags: --data DIR keeps the sandbox's data on disk between runs; --sandbox-port N, --app-port N move the ports;
 * --behave open|epic|oracle|medplum makes the sandbox behave like that kind of server; --help explains them.
 */
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { BEHAVIOURS, DEFAULT_BEHAVIOUR } from '../src/sandbox/behaviour/behaviours.ts';
import { parseBehaviourFlags } from '../src/sandbox/main.ts';
import { startSandbox } from '../src/sandbox/server.ts';

const USAGE = `Starts the sandbox EHR and the treatment-plan app together.

Usage: npm start -- [options]

  --sandbox-port N          the sandbox EHR's port (default 4010)
  --app-port N              the app's port (default 4000)
  --data DIR                keep the sandbox's FHIR data in DIR across restarts (default: in memory)
  --behave KIND             the sandbox behaves like: ${BEHAVIOURS.join(', ')} (default ${DEFAULT_BEHAVIOUR});
                            see \`npm run sandbox -- --help\` for what each one does
  --atomic-transactions     with --behave medplum: run transactions atomically
  --help                    show this help
`;

function fail(message: string): never {
  console.error(`${message}\nRun with --help for usage.`);
  process.exit(1);
}

/** Runs `read`, or ends the process with its error's message. */
function orFail<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const values = orFail(
  () =>
    parseArgs({
      options: {
        data: { type: 'string' },
        'sandbox-port': { type: 'string', default: '4010' },
        'app-port': { type: 'string', default: '4000' },
        behave: { type: 'string' },
        'atomic-transactions': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values
);
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
// The same checks and messages as `npm run sandbox` (src/sandbox/main.ts).
const { behave, atomicTransactions } = orFail(() => parseBehaviourFlags(values.behave, values['atomic-transactions']));

const appPort = Number(values['app-port']);
const sandboxPort = Number(values['sandbox-port']);
const appUrl = `http://localhost:${appPort}`;

const sandbox = await startSandbox({
  port: sandboxPort,
  appUrl,
  behave,
  atomicTransactions,
  ...(values.data === undefined ? {} : { dataDir: values.data }),
});
const app = await createServer({ server: { port: appPort, strictPort: true }, clearScreen: false });
await app.listen();

console.log(`Sandbox EHR home page: ${sandbox.homeUrl}   <- open this and launch the app for a client`);
console.log(`FHIR base URL:         ${sandbox.fhirBaseUrl}`);
console.log(`Behaves like:          ${sandbox.behaviour}`);
console.log(`App (standalone):      ${appUrl}/launch.html`);
if (values.data !== undefined) {
  console.log(`Sandbox data kept in:  ${values.data}`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  await Promise.allSettled([app.close(), sandbox.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
