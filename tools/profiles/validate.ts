/**
 * `npm run validate -- FILE...`: checks FHIR JSON files (a resource or a Bundle each) against base R4 and
 * the profiles they claim in meta.profile, and prints every issue as `file: location: severity [rule] message`.
 * Exits 1 when any file has an error or cannot be read as a FHIR resource, 2 when no file is given.
 * The checking is src/cli/validate-files.ts, shared with `treatment-plan validate`.
 */
import { readFile } from 'node:fs/promises';
import { validateFile, validationLines } from '../../src/cli/validate-files.ts';
import { nodeConformanceDefinitions } from './definitions.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- FILE.json [FILE.json ...]');
  process.exit(2);
}

const definitions = await nodeConformanceDefinitions();
let failed = false;
for (const file of files) {
  const result = await validateFile(file, () => readFile(file, 'utf8'), definitions);
  for (const line of validationLines(result)) console.log(line);
  failed ||= !result.valid;
}
process.exit(failed ? 1 : 0);
