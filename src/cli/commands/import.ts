/** `treatment-plan import --server URL FILE`: a plan into a server, after a report, written as the server takes it. */
import { parseCommandArgs, serverUrl } from '../args.ts';
import { usageError } from '../cli-error.ts';
import { commandContext } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { readImportFile, STDIN_NAME } from '../import-file.ts';
import { runImport } from '../import-flow.ts';
import type { CliIo } from '../io.ts';
import { connect } from '../server-access.ts';

export const IMPORT_HELP = `Usage: treatment-plan import --server URL FILE [options]

Imports a plan from FILE: a FHIR document, transaction, collection, searchset or batch Bundle, loose
resources (a JSON array, one resource, or NDJSON), or a C-CDA Care Plan document; FILE - reads standard
input (e.g. piped from "treatment-plan export"). First prints a report:
validation issues with their FHIRPath location, what will be created or matched, which patient the records
attach to, and what the treatment-plan model cannot represent. Errors block the write; warnings need --yes.
Identifiers make the write safe to repeat: records the server already holds are matched, not duplicated.

  --server URL         the FHIR base URL to write to
  --patient ID|IDENT   the target patient (its id there, or system|value) when the report cannot tell
  --plan ID            the plan to import when FILE holds several
  --dry-run            print the report and write nothing
  --yes                import despite warnings
  --json               print {dryRun, report, result} only
  --quiet              no progress on stderr

Server access: FHIR_TOKEN=<bearer token>, or SMART backend services with SMART_CLIENT_ID and
SMART_PRIVATE_KEY=<private JWK or PKCS#8 PEM file>; neither for an open server.
Exit codes: 0 imported (or a clean dry run), 1 usage or a choice is needed (--patient, --yes),
2 invalid input (not JSON, not FHIR, validation errors, over 50 MB), 3 server rejection, 4 conflict,
5 unreachable or auth refused.
`;

const OPTIONS = {
  server: { type: 'string' },
  patient: { type: 'string' },
  plan: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
} as const;

export async function importCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('import', argv, OPTIONS);
  if (args.help) {
    io.stdout(IMPORT_HELP);
    return EXIT.ok;
  }
  const { values, positionals } = args;
  const server = serverUrl('import', 'server', values.server);
  const [file, extra] = positionals;
  if (file === undefined) throw usageError('import: name the FILE to import (see --help)');
  if (extra !== undefined) throw usageError(`import: one FILE at a time, not also "${extra}"`);
  const context = commandContext(io, args.common);
  context.progress(`Reading ${file === '-' ? STDIN_NAME : file} ...`);
  const source = await readImportFile(context, 'import', file);
  const dryRun = values['dry-run'] === true;
  const target = await connect(server, io, { write: !dryRun, progress: context.progress });
  return runImport(context, target, source.input, {
    notUnderstood: source.notUnderstood,
    dryRun,
    confirmWarnings: values.yes === true,
    ...(values.patient === undefined ? {} : { patient: values.patient }),
    ...(values.plan === undefined ? {} : { planId: values.plan }),
  });
}
