/**
 * What a launched app knows about itself, resolved once before React renders: who the patient and the user are,
 * which server it talks to, what was granted and what the server supports. Components receive this; they never
 * see fhirclient.
 */
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../fhir/gateway.ts';
import type { SmartConfiguration } from './smart-configuration.ts';
import type { StyleProperties } from './smart-style.ts';

/** How the app was started: from inside an EHR, standalone with sign-in, or against an open server. */
export type LaunchKind = 'ehr' | 'standalone' | 'open';

/** Something loaded alongside the session that the app can do without, with the reason when it failed. */
export type Loaded<T> =
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'absent' }
  | { readonly status: 'failed'; readonly problem: string };

export type UserResource = fhir.Practitioner | fhir.PractitionerRole | fhir.Patient | fhir.RelatedPerson | fhir.Person;

export interface SignedInUser {
  /** The `fhirUser` reference, e.g. `Practitioner/sandbox-practitioner`. */
  readonly reference: string;
  readonly resource: Loaded<UserResource>;
}

/** Launch context beyond the patient, from the token response. */
export interface LaunchContext {
  /** False when the EHR already shows a patient banner (`need_patient_banner: false`). */
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl?: string;
  readonly encounterId?: string;
  readonly intent?: string;
}

export interface Session {
  readonly gateway: FhirGateway;
  readonly serverUrl: string;
  readonly launch: LaunchKind;
  /** The patient in context; undefined when an open server was opened without one. */
  readonly patient: fhir.Patient | undefined;
  /** Undefined when the token response named no `fhirUser` (e.g. `openid fhirUser` not granted). */
  readonly user: SignedInUser | undefined;
  readonly requestedScope: string;
  /** The token response's `scope`; undefined for open servers or when the server did not send one. */
  readonly grantedScope: string | undefined;
  /** Undefined for an open server. */
  readonly smartConfiguration: SmartConfiguration | undefined;
  readonly capabilityStatement: Loaded<fhir.CapabilityStatement>;
  readonly context: LaunchContext;
  /** The EHR's style (`smart_style_url`), validated; already applied to the page by the entry point. */
  readonly style: Loaded<StyleProperties>;
}
