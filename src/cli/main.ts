/**
 * `treatment-plan`: the command-line tool for integrators (issue 6 §4). It shares the app's model, mapping,
 * FHIR transport and exchange code; `main` runs one command and returns its exit code, so tests call it
 * in-process and run.ts is all the real executable adds.
 */
import { asCliError } from './cli-error.ts';
import { copyCommand } from './commands/copy.ts';
import { diffCommand } from './commands/diff.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { keygenCommand } from './commands/keygen.ts';
import { validateCommand } from './commands/validate.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import type { CliIo } from './io.ts';

export type { CliIo } from './io.ts';
export { EXIT } from './exit-codes.ts';

export const MAIN_HELP = `Usage: treatment-plan COMMAND [options]    (treatment-plan COMMAND --help for each)

Moves treatment plans between FHIR servers and files.

Commands:
  validate FILE...                          check FHIR files against R4 and the treatment-plan profiles
  export --server URL --patient ID|IDENT    a client's plan as a document, transaction Bundle or C-CDA
  import --server URL FILE [--dry-run]      a plan into a server, after a report, safe to repeat
  copy --from URL --to URL --patient IDENT  a plan from one server to another
  diff A B                                  two plans (files or server plans) compared section by section
  keygen --out DIR                          a key pair for SMART backend services

Every command takes --json (stdout carries only JSON; progress stays on stderr), --quiet and --help.

Server access, from the environment (never the command line):
  FHIR_TOKEN            a bearer token (copy: FHIR_FROM_TOKEN, FHIR_TO_TOKEN)
  SMART_CLIENT_ID       SMART backend services: the client id registered with the server,
  SMART_PRIVATE_KEY     and the file of its private key (JWK, or PKCS#8 PEM with SMART_KEY_ALG RS384|ES384);
                        optional SMART_KEY_ID (kid) and SMART_SCOPE (default system/*.rs, or system/*.cruds)
  neither               an open server

Exit codes: 0 ok, 1 usage (or a choice is needed), 2 invalid input, 3 server rejection, 4 conflict,
5 server unreachable or authorization refused.
`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIo) => Promise<ExitCode>>> = {
  validate: validateCommand,
  export: exportCommand,
  import: importCommand,
  copy: copyCommand,
  diff: diffCommand,
  keygen: keygenCommand,
};

/** Runs one command line (without the program name) and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(MAIN_HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    io.stderr(`treatment-plan: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    const failure = asCliError(error);
    io.stderr(`treatment-plan ${command}: ${failure.message.replace(new RegExp(`^${command}: `), '')}\n`);
    return failure.exitCode;
  }
}
