import type * as fhir from 'fhir/r4';

/**
 * The one error type the FHIR transport throws: an HTTP failure (with the server's OperationOutcome when it sent
 * one) or a request that never got an answer (`status` 0: the server could not be reached).
 * @see https://hl7.org/fhir/R4/http.html#2.21.0.5
 */
export class FhirError extends Error {
  override readonly name = 'FhirError';
  /** The HTTP status, or 0 when there was no response at all (network failure, CORS refusal, DNS). */
  readonly status: number;
  readonly url: string;
  readonly outcome: fhir.OperationOutcome | undefined;
  /**
   * The `WWW-Authenticate` challenge of a 401 or 403, e.g. `Bearer error="insufficient_scope"`: how a server
   * says that the token lacks the scope (RFC 6750 §3.1), when its OperationOutcome does not.
   */
  readonly challenge: string | undefined;

  constructor(
    status: number,
    url: string,
    message: string,
    outcome?: fhir.OperationOutcome,
    options?: ErrorOptions & { readonly challenge?: string }
  ) {
    super(message, options);
    this.status = status;
    this.url = url;
    this.outcome = outcome;
    this.challenge = options?.challenge;
  }
}

export function isFhirError(value: unknown): value is FhirError {
  return value instanceof FhirError;
}

/** The diagnostics or details text of each issue in an OperationOutcome, in order. */
export function outcomeMessages(outcome: fhir.OperationOutcome | undefined): string[] {
  return (outcome?.issue ?? [])
    .map((issue) => issue.diagnostics ?? issue.details?.text ?? issue.details?.coding?.[0]?.display)
    .filter((text): text is string => typeof text === 'string' && text.length > 0);
}
