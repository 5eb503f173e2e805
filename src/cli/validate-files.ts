/**
 * Checks FHIR JSON files (a resource or a Bundle each) against base R4 and the profiles they claim in
 * meta.profile, with src/conformance. Shared by `treatment-plan validate` and `npm run validate`
 * (tools/profiles/validate.ts), which print the same lines.
 */
import { readFile } from 'node:fs/promises';
import type * as fhir from 'fhir/r4';
import { checkConformance } from '../conformance/check.ts';
import type { ConformanceDefinitions } from '../conformance/definitions.ts';
import type { ConformanceIssue } from '../conformance/issue.ts';

export interface FileValidation {
  /** The file as named on the command line. */
  readonly file: string;
  /** No errors, and the file could be read as a FHIR resource. */
  readonly valid: boolean;
  readonly errors: number;
  readonly issues: readonly ConformanceIssue[];
  /** Why the file could not be checked at all (unreadable, not JSON, not FHIR). */
  readonly unreadable?: string;
}

/** Validates one file; `path` is where to read it, `file` how to name it. */
export async function validateFile(
  file: string,
  path: string,
  definitions: ConformanceDefinitions
): Promise<FileValidation> {
  let resource: fhir.FhirResource;
  try {
    resource = JSON.parse(await readFile(path, 'utf8')) as fhir.FhirResource;
    if (typeof (resource as { resourceType?: unknown }).resourceType !== 'string') throw new Error('no resourceType');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, valid: false, errors: 1, issues: [], unreadable: `not a FHIR JSON resource (${reason})` };
  }
  const issues = checkConformance(resource, definitions);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { file, valid: errors === 0, errors, issues };
}

/** `file: location: severity [rule] message` per issue, then `file: valid|invalid (counts)`. */
export function validationLines(result: FileValidation): string[] {
  if (result.unreadable !== undefined) return [`${result.file}: error: ${result.unreadable}`];
  const { file, issues, errors } = result;
  return [
    ...issues.map((issue) => `${file}: ${issue.location}: ${issue.severity} [${issue.rule}] ${issue.message}`),
    `${file}: ${errors === 0 ? 'valid' : 'invalid'} (${errors} error(s), ${issues.length - errors} other issue(s))`,
  ];
}
