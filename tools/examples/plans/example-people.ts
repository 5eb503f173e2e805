/**
 * The people in the example plans: the four clients of the guide, John Doe's mother, the clinician and the
 * clinical director who co-signs plans for minors. All synthetic; references and record numbers match the sandbox
 * EHR's seed (src/sandbox/seed/), so the sandbox and the examples describe the same people.
 */
import type { ClientIdentification, PersonRef, Provider } from '../../../src/plan/treatment-plan.ts';
import { SYSTEM, TAXONOMY } from './example-codes.ts';

const MEMBER_NUMBER = 'urn:oid:2.16.840.1.113883.19.5.99999.2';

function client(
  id: string,
  name: string,
  birthDate: string,
  mrn: string,
  member: string
): ClientIdentification & PersonRef {
  return {
    reference: `Patient/${id}`,
    name,
    birthDate,
    gender: 'male',
    identifiers: [
      { label: 'Medical record number', system: SYSTEM.mrn, value: mrn },
      { label: 'Member number', system: MEMBER_NUMBER, value: member },
    ],
  };
}

export const GEORGE = client('george-smith', 'George Smith', '1978-04-12', 'SB-100001', 'MBR-20001');
export const ROBERT = client('robert-johnson', 'Robert Johnson', '1985-09-03', 'SB-100002', 'MBR-20002');
export const MICHAEL = client('michael-jones', 'Michael Jones', '1969-11-21', 'SB-100003', 'MBR-20003');
/** 17 throughout his plan (born 30 July 2009): a minor, so his mother signs as guardian and he assents. */
export const JOHN = client('john-doe', 'John Doe', '2009-07-30', 'SB-100004', 'MBR-20004');

export const JOHNS_MOTHER: PersonRef = { reference: 'RelatedPerson/john-doe-parent', name: 'Jane Doe' };

export const DANA: Provider & PersonRef = {
  reference: 'Practitioner/sandbox-practitioner',
  name: 'Dana Rivera',
  credentials: ['LCSW'],
  specialty: TAXONOMY.clinicalSocialWorker,
};

/** The clinic's clinical director: co-signs (verifies) plans for clients who are minors. */
export const SUPERVISOR: Provider & PersonRef = {
  reference: 'Practitioner/sandbox-supervisor',
  name: 'Samuel Okafor',
  credentials: ['PsyD'],
  specialty: TAXONOMY.clinicalPsychologist,
};

/** A person as a plain reference (drops the identification details). */
export function ref(person: PersonRef): PersonRef {
  return person.reference === undefined ? { name: person.name } : { reference: person.reference, name: person.name };
}
