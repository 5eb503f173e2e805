/**
 * The four synthetic clients of the treatment-plan guide, and John Doe's parent. Names come from the guide;
 * everything else (addresses, phone numbers in the fictional 555-01xx range, record numbers) is made up.
 */
import type * as fhir from 'fhir/r4';
import { SYSTEM, coding, concept } from './terminology.ts';

export const CLIENT_IDS = ['george-smith', 'robert-johnson', 'michael-jones', 'john-doe'] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

interface ClientFacts {
  readonly id: ClientId;
  readonly given: string;
  readonly family: string;
  readonly birthDate: string;
  readonly mrn: string;
  readonly member: string;
  readonly line: string;
  readonly phone: string;
}

function identifiers(facts: ClientFacts): fhir.Identifier[] {
  return [
    {
      use: 'usual',
      type: concept('Medical record number', coding(SYSTEM.identifierType, 'MR', 'Medical record number')),
      system: SYSTEM.mrn,
      value: facts.mrn,
    },
    {
      use: 'secondary',
      type: concept('Member number', coding(SYSTEM.identifierType, 'MB', 'Member Number')),
      system: SYSTEM.memberNumber,
      value: facts.member,
    },
  ];
}

function address(line: string): fhir.Address {
  return {
    use: 'home',
    type: 'physical',
    line: [line],
    city: 'Springfield',
    state: 'IL',
    postalCode: '62704',
    country: 'US',
  };
}

function patient(facts: ClientFacts): fhir.Patient {
  return {
    resourceType: 'Patient',
    id: facts.id,
    identifier: identifiers(facts),
    active: true,
    name: [{ use: 'official', family: facts.family, given: [facts.given], text: `${facts.given} ${facts.family}` }],
    telecom: [
      { system: 'phone', value: facts.phone, use: 'mobile' },
      { system: 'email', value: `${facts.id}@example.org`, use: 'home' },
    ],
    gender: 'male',
    birthDate: facts.birthDate,
    address: [address(facts.line)],
    managingOrganization: { reference: 'Organization/sandbox-clinic' },
  };
}

/** A date `years` years and `days` days before `today`, as a FHIR date. */
function dateBefore(today: Date, years: number, days: number): string {
  const date = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() - days));
  return date.toISOString().slice(0, 10);
}

/** John Doe is always 17 (a minor with a guardian), whenever the sandbox starts. */
export function clients(today: Date): fhir.Resource[] {
  const facts: ClientFacts[] = [
    {
      id: 'george-smith',
      given: 'George',
      family: 'Smith',
      birthDate: '1978-04-12',
      mrn: 'SB-100001',
      member: 'MBR-20001',
      line: '41 Alder Lane',
      phone: '217-555-0141',
    },
    {
      id: 'robert-johnson',
      given: 'Robert',
      family: 'Johnson',
      birthDate: '1985-09-03',
      mrn: 'SB-100002',
      member: 'MBR-20002',
      line: '7 Birch Court, Apt 3',
      phone: '217-555-0172',
    },
    {
      id: 'michael-jones',
      given: 'Michael',
      family: 'Jones',
      birthDate: '1969-11-21',
      mrn: 'SB-100003',
      member: 'MBR-20003',
      line: '1208 Cedar Street',
      phone: '217-555-0118',
    },
    {
      id: 'john-doe',
      given: 'John',
      family: 'Doe',
      birthDate: dateBefore(today, 17, 120),
      mrn: 'SB-100004',
      member: 'MBR-20004',
      line: '55 Dogwood Drive',
      phone: '217-555-0190',
    },
  ];
  const johnsParent: fhir.RelatedPerson = {
    resourceType: 'RelatedPerson',
    id: 'john-doe-parent',
    identifier: [{ use: 'official', system: SYSTEM.contactNumber, value: 'SB-CONTACT-0004-1' }],
    active: true,
    patient: { reference: 'Patient/john-doe', display: 'John Doe' },
    relationship: [
      concept('Mother', coding(SYSTEM.roleCode, 'MTH', 'mother')),
      concept('Legal guardian', coding(SYSTEM.roleCode, 'GUARD', 'guardian')),
    ],
    name: [{ use: 'official', family: 'Doe', given: ['Jane'], text: 'Jane Doe' }],
    telecom: [{ system: 'phone', value: '217-555-0191', use: 'mobile' }],
    gender: 'female',
    address: [address('55 Dogwood Drive')],
  };
  return [...facts.map(patient), johnsParent];
}
