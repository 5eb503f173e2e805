/** `treatment-plan copy --from URL --to URL --patient IDENTIFIER`: export from one server, import into another. */
import { exportPlan, importInputFromJson } from '../../exchange/index.ts';
import { parseCommandArgs, required, serverUrl } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import { loadClientRecords } from '../client-records.ts';
import { commandContext } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { runImport } from '../import-flow.ts';
import type { CliIo } from '../io.ts';
import { describePatient, findPatient } from '../patient-lookup.ts';
import { connect } from '../server-access.ts';

export const COPY_HELP = `Usage: treatment-plan copy --from URL --to URL --patient IDENTIFIER [options]

Copies a client's treatment plan, with everything it references, from one FHIR server to another: an export
as a transaction Bundle, then the same report and safe write as "import". The client is found on the target
by identifier (created there when absent). Copying twice creates nothing new.

  --from URL           the FHIR base URL to read from
  --to URL             the FHIR base URL to write to
  --patient IDENT      the patient on the source: an identifier (system|value, or a value alone) or its id
  --to-patient IDENT   the patient on the target, when matching by identifier cannot tell
  --plan ID            the plan to copy (business id or CarePlan/id); default: the client's current plan
  --dry-run            print the report and write nothing
  --yes                copy despite warnings, or when the source refused part of the record
  --json               print {from, to, patient, dryRun, report, result} only
  --quiet              no progress on stderr

Server access: FHIR_FROM_TOKEN and FHIR_TO_TOKEN (or FHIR_TOKEN for both), or SMART backend services with
SMART_CLIENT_ID and SMART_PRIVATE_KEY registered on both servers; neither for open servers.
Exit codes: 0 copied (or a clean dry run), 1 usage or a choice is needed, 2 no such patient or plan, or the
plan does not validate, 3 server rejection, 4 conflict, 5 unreachable or auth refused.
`;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  patient: { type: 'string' },
  'to-patient': { type: 'string' },
  plan: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
} as const;

export async function copyCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('copy', argv, OPTIONS);
  if (args.help) {
    io.stdout(COPY_HELP);
    return EXIT.ok;
  }
  const { values } = args;
  const from = serverUrl('copy', 'from', values.from);
  const to = serverUrl('copy', 'to', values.to);
  const wanted = required('copy', 'patient', values.patient);
  if (args.positionals.length > 0) throw usageError(`copy: unexpected argument "${args.positionals[0] ?? ''}"`);
  const context = commandContext(io, args.common);
  const dryRun = values['dry-run'] === true;

  const source = await connect(from, io, {
    write: false,
    tokenVariable: 'FHIR_FROM_TOKEN',
    progress: context.progress,
  });
  const patient = await findPatient(source.gateway, wanted);
  context.progress(`Found ${describePatient(patient)} on ${source.gateway.baseUrl}`);
  const records = await loadClientRecords(source, patient, context.progress);
  if (records.incomplete.length > 0 && values.yes !== true) {
    throw new CliError(
      EXIT.serverRejection,
      `copy: ${source.gateway.baseUrl} refused part of the record (${records.incomplete.join('; ')}), so the copy ` +
        'may be incomplete. Re-run with --yes to copy what could be read.'
    );
  }
  let bundle;
  try {
    bundle = exportPlan(records.resources, {
      format: 'transaction',
      now: io.now(),
      ...(values.plan === undefined ? {} : { planId: values.plan }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(EXIT.invalidInput, `copy: ${describePatient(patient)}: ${reason}`, { cause: error });
  }
  const target = await connect(to, io, { write: !dryRun, tokenVariable: 'FHIR_TO_TOKEN', progress: context.progress });
  return runImport(context, target, importInputFromJson(bundle), {
    dryRun,
    confirmWarnings: values.yes === true,
    ...(values['to-patient'] === undefined ? {} : { patient: values['to-patient'] }),
    extraJson: { from: source.gateway.baseUrl, to: target.gateway.baseUrl, patient: `Patient/${patient.id ?? ''}` },
  });
}
