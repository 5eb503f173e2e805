/**
 * The command-line tool's exit codes, one per kind of outcome, so a pipeline can tell "fix the file" from "the
 * server said no" from "try again later" without reading the messages. README.md "Command-line tool" lists them.
 */
export const EXIT = {
  /** Done: the files are valid, the plan was exported, imported, copied or compared. */
  ok: 0,
  /** The command line is wrong (unknown command or option, a missing argument), or a choice is needed. */
  usage: 1,
  /** The input is not acceptable: not JSON, not FHIR, fails validation, or the import report has errors. */
  invalidInput: 2,
  /** The server refused the request or the data (4xx other than auth and conflicts, 5xx). */
  serverRejection: 3,
  /** Someone else changed a record since it was read (409 or 412). */
  conflict: 4,
  /** The server could not be reached, or refused our credentials (401, 403, token endpoint). */
  unreachableOrAuth: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
