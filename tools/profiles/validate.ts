/**
 * `npm run validate -- FILE...`: checks FHIR JSON files (a resource or a Bundle each) against base R4 and
 * the profiles they claim in meta.profile, and prints every issue as `file: location: severity [rule] message`.
 * Exits 1 when any file has an error or cannot be read as a FHIR resource, 2 when no file is given.
 */
import { readFile } from 'node:fs/promises';
import type * as fhir from 'fhir/r4';
import { checkConformance } from '../../src/conformance/check.ts';
import { hasErrors } from '../../src/conformance/issue.ts';
import { nodeConformanceDefinitions } from './definitions.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- FILE.json [FILE.json ...]');
  process.exit(2);
}

const definitions = await nodeConformanceDefinitions();
let failed = false;
for (const file of files) {
  let resource: fhir.FhirResource;
  try {
    resource = JSON.parse(await readFile(file, 'utf8')) as fhir.FhirResource;
    if (typeof resource.resourceType !== 'string') throw new Error('no resourceType');
  } catch (error) {
    console.log(`${file}: error: not a FHIR JSON resource (${error instanceof Error ? error.message : String(error)})`);
    failed = true;
    continue;
  }
  const issues = checkConformance(resource, definitions);
  for (const issue of issues) {
    console.log(`${file}: ${issue.location}: ${issue.severity} [${issue.rule}] ${issue.message}`);
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  console.log(
    `${file}: ${errors === 0 ? 'valid' : 'invalid'} (${errors} error(s), ${issues.length - errors} other issue(s))`
  );
  failed ||= hasErrors(issues);
}
process.exit(failed ? 1 : 0);
