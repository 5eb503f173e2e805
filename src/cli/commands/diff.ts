/** `treatment-plan diff A B`: two plans compared section by section, in the clinician's words. */
import { diffPlans } from '../../workspace/plan-diff.ts';
import { parseCommandArgs } from '../args.ts';
import { usageError } from '../cli-error.ts';
import { commandContext } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { readPlanSource } from '../plan-source.ts';

export const DIFF_HELP = `Usage: treatment-plan diff A B [--json] [--quiet]

Compares two treatment plans section by section (what changed from A to B), e.g. what changed since the
last review. A and B are each a file (anything "import" reads; - for standard input) or a plan on a server:
  https://ehr.example/fhir/Patient/123     the client's current plan
  https://ehr.example/fhir/CarePlan/456    that plan

  --json    print {a, b, identical, sections: [{section, title, changes: [{kind, text}]}]} only
  --quiet   no progress on stderr

Server access as for export (FHIR_TOKEN, or SMART_CLIENT_ID and SMART_PRIVATE_KEY).
Exit codes: 0 compared (whether or not they differ), 1 usage, 2 a file is not a plan, 3 server rejection,
5 unreachable or auth refused.
`;

const MARK = { added: '+', removed: '-', changed: '~' } as const;

export async function diffCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('diff', argv, {});
  if (args.help) {
    io.stdout(DIFF_HELP);
    return EXIT.ok;
  }
  const [a, b, extra] = args.positionals;
  if (a === undefined || b === undefined || extra !== undefined) {
    throw usageError('diff: name exactly two plans, A and B (see --help)');
  }
  if (a === '-' && b === '-') throw usageError('diff: standard input (-) can be only one of A and B');
  const context = commandContext(io, args.common);
  const before = await readPlanSource(context, a);
  const after = await readPlanSource(context, b);
  const sections = diffPlans(before.plan, after.plan);
  context.say(`Changes from ${a} to ${b}:`);
  for (const section of sections) {
    context.say(`${section.title}:`);
    for (const change of section.changes) context.say(`  ${MARK[change.kind]} ${change.text}`);
  }
  if (sections.length === 0) context.say('No differences.');
  if (args.common.json) context.json({ a, b, identical: sections.length === 0, sections });
  return EXIT.ok;
}
