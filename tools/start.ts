/**
 * `npm start`: the sandbox EHR and the app together, for a newcomer's first run.
 * The sandbox (FHIR server, SMART authorization, home page) listens on 4010 and the app (Vite dev server) on 4000;
 * open the printed home page and launch the app for a client, as an EHR would.
 *
 * Flags: --data DIR keeps the sandbox's data on disk between runs; --sandbox-port N, --app-port N move the ports.
 */
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startSandbox } from '../src/sandbox/server.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'sandbox-port': { type: 'string', default: '4010' },
    'app-port': { type: 'string', default: '4000' },
  },
});

const appPort = Number(values['app-port']);
const sandboxPort = Number(values['sandbox-port']);
const appUrl = `http://localhost:${appPort}`;

const sandbox = await startSandbox({
  port: sandboxPort,
  appUrl,
  ...(values.data === undefined ? {} : { dataDir: values.data }),
});
const app = await createServer({ server: { port: appPort, strictPort: true }, clearScreen: false });
await app.listen();

console.log(`Sandbox EHR home page: ${sandbox.homeUrl}   <- open this and launch the app for a client`);
console.log(`FHIR base URL:         ${sandbox.fhirBaseUrl}`);
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
