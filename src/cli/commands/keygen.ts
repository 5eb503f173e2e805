/**
 * `treatment-plan keygen --out DIR`: a key pair for SMART Backend Services. The private JWK stays with the
 * tool (SMART_PRIVATE_KEY); the public JWK Set is what the server's administrator registers for the client
 * (the sandbox: `npm run sandbox -- --backend-jwks FILE`).
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/backend-services.html#registering-a-smart-backend-service-communicating-public-keys
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { parseCommandArgs, required } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import { commandContext } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';

export const KEYGEN_HELP = `Usage: treatment-plan keygen --out DIR [--alg RS384|ES384] [--json]

Makes a key pair for SMART backend services:
  DIR/private.jwk.json   the private key (readable only by you): set SMART_PRIVATE_KEY to this file
  DIR/jwks.json          the public key set to register with the server for your client id

  --out DIR     where to write the two files (an existing private.jwk.json is never overwritten)
  --alg ALG     RS384 (default) or ES384
  --json        print {privateKey, jwks, kid, alg} only

Exit codes: 0 written, 1 usage or the files exist already.
`;

const OPTIONS = { out: { type: 'string' }, alg: { type: 'string' } } as const;

export async function keygenCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('keygen', argv, OPTIONS);
  if (args.help) {
    io.stdout(KEYGEN_HELP);
    return EXIT.ok;
  }
  const out = required('keygen', 'out', args.values.out);
  const alg = args.values.alg ?? 'RS384';
  if (alg !== 'RS384' && alg !== 'ES384') throw usageError(`keygen: --alg must be RS384 or ES384, not "${alg}"`);
  const context = commandContext(io, args.common);
  const kid = randomUUID();
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg };
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }] };
  const dir = context.path(out);
  const privateFile = join(dir, 'private.jwk.json');
  const publicFile = join(dir, 'jwks.json');
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(privateFile, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new CliError(EXIT.usage, `keygen: ${privateFile} cannot be written (${String(error)}); nothing changed.`);
  }
  await writeFile(publicFile, `${JSON.stringify(jwks, null, 2)}\n`);
  context.say(`Private key: ${privateFile} (keep it secret; SMART_PRIVATE_KEY=${privateFile})`);
  context.say(`Public keys to register: ${publicFile}`);
  if (args.common.json) context.json({ privateKey: privateFile, jwks: publicFile, kid, alg });
  return EXIT.ok;
}
