/**
 * The one error the commands throw on purpose: a sentence for stderr and the exit code it ends with. Anything
 * else that rises is turned into one by `describeFailure` (main.ts), so no stack trace reaches a user.
 */
import { isFhirError, outcomeMessages } from '../fhir/fhir-error.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: ExitCode;

  constructor(exitCode: ExitCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** A mistake on the command line. */
export function usageError(message: string): CliError {
  return new CliError(EXIT.usage, message);
}

/** The exit code for an HTTP status (0: no answer at all). */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 0 || status === 401 || status === 403) return EXIT.unreachableOrAuth;
  if (status === 409 || status === 412) return EXIT.conflict;
  return EXIT.serverRejection;
}

/** Any error as a CliError: FhirErrors by their status, the rest as unexpected (server rejection). */
export function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (isFhirError(error)) {
    const details = outcomeMessages(error.outcome);
    const extra = details.length > 0 && !error.message.includes(details[0] ?? '') ? ` (${details.join('; ')})` : '';
    return new CliError(exitCodeForStatus(error.status), `${error.message}${extra}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(EXIT.serverRejection, `Unexpected failure: ${message}`, { cause: error });
}
