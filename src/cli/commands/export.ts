/** `treatment-plan export`: one client's plan from a server as a document, a transaction Bundle or C-CDA. */
import { writeFile } from 'node:fs/promises';
import { planToCcda } from '../../exchange/ccda/index.ts';
import { exportPlan, type ExportFormat } from '../../exchange/index.ts';
import { parseCommandArgs, serverUrl, required } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import { loadClientRecords } from '../client-records.ts';
import { commandContext } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { describePatient, findPatient } from '../patient-lookup.ts';
import { connect } from '../server-access.ts';

export const EXPORT_HELP = `Usage: treatment-plan export --server URL --patient ID|IDENTIFIER [options]

Exports a client's treatment plan with everything it references (client, practitioners, encounters,
conditions, goals, interventions, observations, consent, provenance).

  --server URL         the FHIR base URL to read from
  --patient ID|IDENT   the patient's id on that server, or an identifier (system|value, or a value alone)
  --format FORMAT      document (default): a FHIR document Bundle, readable without our profiles
                       transaction: a transaction Bundle to load into another server (conditional creates)
                       ccda: a C-CDA Care Plan document (XML)
  --plan ID            the plan to export (business id or CarePlan/id); default: the client's current plan
  --out FILE           write the export to FILE instead of stdout
  --json               with --out: print a JSON summary {file, format, patient, plan, entries, notCarried};
                       without --out the export itself is the output (JSON for document and transaction)
  --quiet              no progress on stderr

Server access: FHIR_TOKEN=<bearer token>, or SMART backend services with SMART_CLIENT_ID and
SMART_PRIVATE_KEY=<private JWK or PKCS#8 PEM file>; neither for an open server.
Exit codes: 0 exported, 1 usage, 2 no such patient or plan, 3 server rejection, 5 unreachable or auth refused.
`;

const OPTIONS = {
  server: { type: 'string' },
  patient: { type: 'string' },
  format: { type: 'string' },
  plan: { type: 'string' },
  out: { type: 'string' },
} as const;

type Format = ExportFormat | 'ccda';
const FORMATS: readonly Format[] = ['document', 'transaction', 'ccda'];
const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

export async function exportCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('export', argv, OPTIONS);
  if (args.help) {
    io.stdout(EXPORT_HELP);
    return EXIT.ok;
  }
  const { values } = args;
  const server = serverUrl('export', 'server', values.server);
  const wanted = required('export', 'patient', values.patient);
  const format = values.format ?? 'document';
  if (!isFormat(format)) throw usageError(`export: --format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  if (args.positionals.length > 0) throw usageError(`export: unexpected argument "${args.positionals[0] ?? ''}"`);
  if (format === 'ccda' && args.common.json && values.out === undefined) {
    throw usageError('export: C-CDA is XML; with --json, write it to a file with --out');
  }
  const context = commandContext(io, args.common);

  const access = await connect(server, io, { write: false, progress: context.progress });
  const patient = await findPatient(access.gateway, wanted);
  context.progress(`Found ${describePatient(patient)}`);
  const records = await loadClientRecords(access, patient, context.progress);
  const options = { now: io.now(), ...(values.plan === undefined ? {} : { planId: values.plan }) };
  let text: string;
  let entries: number | undefined;
  let notCarried: readonly string[] | undefined;
  try {
    if (format === 'ccda') {
      const ccda = planToCcda(records.resources, options);
      text = ccda.xml; // ends with a line feed, as the JSON below
      notCarried = ccda.notCarried;
      for (const line of notCarried) context.progress(`C-CDA cannot carry: ${line}`);
    } else {
      const bundle = exportPlan(records.resources, { ...options, format });
      entries = bundle.entry?.length ?? 0;
      text = `${JSON.stringify(bundle, null, 2)}\n`;
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(EXIT.invalidInput, `export: ${describePatient(patient)}: ${reason}`, { cause: error });
  }
  const summary = {
    format,
    patient: `Patient/${patient.id ?? ''}`,
    ...(values.plan === undefined ? {} : { plan: values.plan }),
    ...(entries === undefined ? {} : { entries }),
    ...(notCarried === undefined ? {} : { notCarried }),
    incomplete: records.incomplete,
  };
  if (values.out === undefined) {
    io.stdout(text);
  } else {
    try {
      await writeFile(context.path(values.out), text, 'utf8');
    } catch (error) {
      throw new CliError(EXIT.usage, `export: cannot write ${values.out}: ${String(error)}`, { cause: error });
    }
    context.say(`Exported ${summary.patient} as ${format} to ${values.out}`);
    if (args.common.json) context.json({ file: values.out, ...summary });
  }
  context.progress(`Exported ${summary.patient} (${format}${entries === undefined ? '' : `, ${entries} entries`})`);
  return EXIT.ok;
}
