/**
 * The seams between the sandbox EHR's parts: the HTTP shell (server.ts), the FHIR service (fhir/) and the
 * SMART authorization server (auth/). Each part is a plain function from a parsed request to a response,
 * so it can be tested without sockets and composed without knowing the others.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxRequest {
  readonly method: string;
  /** The full request URL, with the public origin the client used (e.g. http://localhost:4010/fhir/Patient?x=1). */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface SandboxResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** The FHIR interactions that scopes govern, in SMART v2 letters. */
export type ScopedAction = 'c' | 'r' | 'u' | 'd' | 's';

/**
 * What the caller of a FHIR request may do, decided by the authorization server from the access token.
 * The FHIR service asks it once per interaction (and once per entry of a batch or transaction).
 */
export interface AccessPolicy {
  /** True when the caller may perform `action` on `resourceType`. */
  allows(resourceType: string, action: ScopedAction): boolean;
  /** The scope text a caller would need, for the 403 OperationOutcome. */
  describeNeed(resourceType: string, action: ScopedAction): string;
}

/** Launch context the EHR hands to the app with the token (SMART App Launch, launch context). */
export interface LaunchContext {
  readonly patient?: string;
  readonly encounter?: string;
  /** e.g. `Practitioner/sandbox-practitioner`, relative to the FHIR base. */
  readonly fhirUser?: string;
  readonly needPatientBanner?: boolean;
  readonly smartStyleUrl?: string;
  readonly intent?: string;
}
