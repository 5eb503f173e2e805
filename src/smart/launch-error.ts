/**
 * Errors our own launch code raises, each with a kind the error page can explain. Errors thrown by fhirclient
 * (plain `Error`s) and by the FHIR transport (`FhirError`) are classified by `describeError` instead.
 */

export type LaunchErrorKind =
  /** The authorization server sent `error=...` back to the redirect URI (RFC 6749 §4.1.2.1). */
  | 'oauth'
  /** smart-config.json is missing or invalid. */
  | 'config'
  /** No entry of smart-config.json matches the server, or its client id is still a placeholder. */
  | 'not-configured'
  /** The FHIR server did not answer, or did not answer like a FHIR server. */
  | 'unreachable'
  /** A SMART launch gave no patient, or the token response lacks what the app needs. */
  | 'no-context';

export interface LaunchErrorDetails {
  /** The OAuth `error` code, for kind `oauth`. */
  readonly oauthError?: string;
  /** Text the server supplied (e.g. `error_description`); shown as plain text in the technical details. */
  readonly serverText?: string;
  /** The FHIR server involved, when known. */
  readonly iss?: string;
  /** For `config`: each bad field with what is wrong with it, e.g. `servers[1].issMatch: is not a valid regular expression`. */
  readonly problems?: readonly string[];
}

export class LaunchError extends Error {
  override readonly name = 'LaunchError';
  readonly kind: LaunchErrorKind;
  readonly details: LaunchErrorDetails;

  constructor(kind: LaunchErrorKind, message: string, details: LaunchErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
    this.details = details;
  }
}
