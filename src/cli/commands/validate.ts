/** `treatment-plan validate FILE...`: R4 and our profiles, every issue with its FHIRPath location. */
import { readFile } from 'node:fs/promises';
import { nodeConformanceDefinitions } from '../../../tools/profiles/definitions.ts';
import { parseCommandArgs } from '../args.ts';
import { usageError } from '../cli-error.ts';
import { commandContext } from '../context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { readStdin, STDIN_NAME } from '../import-file.ts';
import type { CliIo } from '../io.ts';
import { validateFile, validationLines, type FileValidation } from '../validate-files.ts';

export const VALIDATE_HELP = `Usage: treatment-plan validate FILE... [--json] [--quiet]

Checks FHIR JSON files (a resource or a Bundle each) against base FHIR R4 and the treatment-plan profiles
they claim in meta.profile; FILE - reads standard input. Prints one line per issue:
FILE: FHIRPATH: SEVERITY [RULE] MESSAGE, then FILE: valid|invalid.

  --json    print [{file, valid, errors, issues: [{severity, location, message, rule}]}] only
  --quiet   no progress on stderr

Exit codes: 0 every file is valid, 2 a file has errors or is not FHIR JSON, 1 no FILE given.
`;

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('validate', argv, {});
  if (args.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length === 0) throw usageError('validate: name at least one FILE (see --help)');
  if (args.positionals.filter((file) => file === '-').length > 1) {
    throw usageError('validate: standard input (-) can be named only once');
  }
  const context = commandContext(io, args.common);
  context.progress('Loading FHIR R4 and the treatment-plan profiles ...');
  const definitions = await nodeConformanceDefinitions();
  const results: FileValidation[] = [];
  for (const file of args.positionals) {
    const name = file === '-' ? STDIN_NAME : file;
    context.progress(`Validating ${name} ...`);
    const read = file === '-' ? () => readStdin(io) : () => readFile(context.path(file), 'utf8');
    const result = await validateFile(name, read, definitions);
    results.push(result);
    for (const line of validationLines(result)) context.say(line);
  }
  if (args.common.json) context.json(results);
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalidInput;
}
