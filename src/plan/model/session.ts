/** Session details: the client as the EHR knows them, the provider, and the session itself. */

import type { Code, IsoDate, IsoDateTime } from './basics.ts';

/** The client as the EHR knows them. Read from the client's record; the app never writes it. */
export interface ClientIdentification {
  /** `Patient/<id>` on the server the plan lives on. */
  readonly reference: string;
  readonly name: string;
  readonly birthDate?: IsoDate;
  /** Administrative gender as recorded: `female`, `male`, `other`, `unknown`. */
  readonly gender?: string;
  /** Second identifiers such as the MRN: shown on screen and on paper beside the name. */
  readonly identifiers: readonly ClientIdentifier[];
}

export interface ClientIdentifier {
  /** What kind of identifier: `MRN`, `Member number`, ... */
  readonly label: string;
  readonly system?: string;
  readonly value: string;
}

/** A provider with the credentials insurers and the printed plan need (`Dana Rivera, LCSW`). */
export interface Provider {
  /** `Practitioner/<id>`; absent for a provider known only by name. */
  readonly reference?: string;
  readonly name: string;
  /** Credential abbreviations: `LCSW`, `PhD` ... */
  readonly credentials: readonly string[];
  /** Provider taxonomy (NUCC), when known. */
  readonly specialty?: Code;
}

export type ContactMode = 'in-person' | 'telehealth' | 'home-visit';

/** The session in which the plan was written or reviewed (an encounter). */
export interface SessionDetails {
  /** The session's business id, or `Encounter/<id>` for the EHR's own encounter. Absent before it is recorded. */
  readonly id?: string;
  readonly dateOfService?: IsoDate;
  /** Start and stop time; both on `dateOfService`. */
  readonly start?: IsoDateTime;
  readonly end?: IsoDateTime;
  readonly contactMode?: ContactMode;
  /** CMS place of service: 11 office, 02/10 telehealth, 12 home, 03 school, 53 community mental health center. */
  readonly placeOfService?: Code;
  /** The kind of session, e.g. CPT 90791 psychiatric diagnostic evaluation, 90837 psychotherapy 60 minutes. */
  readonly serviceType?: Code;
  readonly provider?: Provider;
}
