/**
 * Checks FHIR JSON files (a resource or a Bundle each) against base R4 and the profiles they claim in
 * meta.profile, with src/conformance. Shared by `treatment-plan validate` and `npm run validate`
 * (tools/profiles/validate.ts), which print the same lines.
 */
import type * as fhir from 'fhir/r4';
import { checkConformance } from '../conformance/check.ts';
import type { ConformanceDefinitions } from '../conformance/definitions.ts';
import type { ConformanceIssue } from '../conformance/issue.ts';
import { jsonError } from '../exchange/index.ts';
import { isObject } from '../plan/json-object.ts';

export interface FileValidation {
  /** The file as named on the command line. */
  readonly file: string;
  /** No errors, and the file could be read as a FHIR resource. */
  readonly valid: boolean;
  readonly errors: number;
  readonly issues: readonly ConformanceIssue[];
  /** Why the file could not be checked at all (unreadable, not JSON, not FHIR, a type the validator does not know). */
  readonly unreadable?: string;
}

const unreadable = (file: string, reason: string): FileValidation => ({
  file,
  valid: false,
  errors: 1,
  issues: [],
  unreadable: reason,
});

/** Validates one file; `read` gives its text, `file` is how to name it. */
export async function validateFile(
  file: string,
  read: () => Promise<string>,
  definitions: ConformanceDefinitions
): Promise<FileValidation> {
  let text: string;
  try {
    text = await read();
  } catch (error) {
    return unreadable(file, `cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return unreadable(file, `not a FHIR JSON resource (${jsonError(text, error).message})`);
  }
  if (!isObject(json) || typeof json.resourceType !== 'string') {
    return unreadable(file, 'not a FHIR JSON resource (no resourceType)');
  }
  const resource = json as unknown as fhir.FhirResource;
  let issues: readonly ConformanceIssue[];
  try {
    issues = checkConformance(resource, definitions);
  } catch (error) {
    // The validator gives up on what it has no definition for (an unknown resource type, say): that file is
    // reported, and the files after it are still checked.
    return unreadable(file, `could not be validated (${error instanceof Error ? error.message : String(error)})`);
  }
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
