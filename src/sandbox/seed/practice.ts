/**
 * The practice around the clients: the clinician, the clinical director who co-signs plans for minors, their
 * roles, the clinic and its office. All made up. Each record carries one of the clinic's own identifiers, which
 * the example plans' conditional creates look for (tools/examples/).
 */
import type * as fhir from 'fhir/r4';
import { SYSTEM, coding, concept } from './terminology.ts';

export const PRACTITIONER_ID = 'sandbox-practitioner';
export const ORGANIZATION_ID = 'sandbox-clinic';
export const LOCATION_ID = 'sandbox-office';
export const SUPERVISOR_ID = 'sandbox-supervisor';

const clinicAddress: fhir.Address = {
  use: 'work',
  line: ['300 Main Street', 'Suite 210'],
  city: 'Springfield',
  state: 'IL',
  postalCode: '62701',
  country: 'US',
};

export function practice(): fhir.Resource[] {
  const practitioner: fhir.Practitioner = {
    resourceType: 'Practitioner',
    id: PRACTITIONER_ID,
    identifier: [{ use: 'official', system: SYSTEM.staffNumber, value: 'SB-STAFF-0001' }],
    active: true,
    name: [{ use: 'official', family: 'Rivera', given: ['Dana'], suffix: ['LCSW'], text: 'Dana Rivera, LCSW' }],
    telecom: [
      { system: 'phone', value: '217-555-0100', use: 'work' },
      { system: 'email', value: 'dana.rivera@example.org', use: 'work' },
    ],
    gender: 'female',
    qualification: [
      {
        identifier: [{ system: SYSTEM.license, value: 'LCSW-0000149' }],
        code: concept(
          'Licensed Clinical Social Worker',
          coding(SYSTEM.credential, 'LCSW', 'Licensed Clinical Social Worker'),
          coding(SYSTEM.nucc, '1041C0700X', 'Clinical Social Worker')
        ),
        issuer: { display: 'Illinois Department of Financial and Professional Regulation (sandbox)' },
      },
    ],
  };
  const organization: fhir.Organization = {
    resourceType: 'Organization',
    id: ORGANIZATION_ID,
    identifier: [{ use: 'official', system: SYSTEM.organizationNumber, value: 'SB-ORG-0001' }],
    active: true,
    type: [concept('Healthcare Provider', coding(SYSTEM.organizationType, 'prov', 'Healthcare Provider'))],
    name: 'Riverside Counseling Center',
    telecom: [{ system: 'phone', value: '217-555-0100', use: 'work' }],
    address: [clinicAddress],
  };
  const location: fhir.Location = {
    resourceType: 'Location',
    id: LOCATION_ID,
    identifier: [{ use: 'official', system: SYSTEM.siteNumber, value: 'SB-SITE-0001' }],
    status: 'active',
    name: 'Riverside Counseling Center, Suite 210',
    mode: 'instance',
    type: [concept('Office', coding(SYSTEM.placeOfService, '11', 'Office'))],
    address: clinicAddress,
    managingOrganization: { reference: `Organization/${ORGANIZATION_ID}` },
  };
  const role: fhir.PractitionerRole = {
    resourceType: 'PractitionerRole',
    id: 'sandbox-practitioner-role',
    identifier: [{ use: 'official', system: SYSTEM.roleNumber, value: 'SB-ROLE-0001' }],
    active: true,
    practitioner: { reference: `Practitioner/${PRACTITIONER_ID}`, display: 'Dana Rivera, LCSW' },
    organization: { reference: `Organization/${ORGANIZATION_ID}` },
    location: [{ reference: `Location/${LOCATION_ID}` }],
    specialty: [concept('Clinical Social Worker', coding(SYSTEM.nucc, '1041C0700X', 'Clinical Social Worker'))],
  };
  return [organization, location, practitioner, role, ...supervisor()];
}

/** Samuel Okafor, PsyD, clinical psychologist and clinical director: co-signs plans for clients who are minors. */
function supervisor(): fhir.Resource[] {
  const practitioner: fhir.Practitioner = {
    resourceType: 'Practitioner',
    id: SUPERVISOR_ID,
    identifier: [{ use: 'official', system: SYSTEM.staffNumber, value: 'SB-STAFF-0002' }],
    active: true,
    name: [{ use: 'official', family: 'Okafor', given: ['Samuel'], suffix: ['PsyD'], text: 'Samuel Okafor, PsyD' }],
    telecom: [{ system: 'email', value: 'samuel.okafor@example.org', use: 'work' }],
    gender: 'male',
    qualification: [
      {
        identifier: [{ system: SYSTEM.license, value: 'PSY-0000271' }],
        code: concept(
          'Doctor of Psychology',
          coding(SYSTEM.credential, 'PsyD', 'Doctor of Psychology'),
          coding(SYSTEM.nucc, '103TC0700X', 'Clinical Psychologist')
        ),
        issuer: { display: 'Illinois Department of Financial and Professional Regulation (sandbox)' },
      },
    ],
  };
  const role: fhir.PractitionerRole = {
    resourceType: 'PractitionerRole',
    id: 'sandbox-supervisor-role',
    identifier: [{ use: 'official', system: SYSTEM.roleNumber, value: 'SB-ROLE-0002' }],
    active: true,
    practitioner: { reference: `Practitioner/${SUPERVISOR_ID}`, display: 'Samuel Okafor, PsyD' },
    organization: { reference: `Organization/${ORGANIZATION_ID}` },
    location: [{ reference: `Location/${LOCATION_ID}` }],
    code: [{ text: 'Clinical director' }],
    specialty: [concept('Clinical Psychologist', coding(SYSTEM.nucc, '103TC0700X', 'Clinical Psychologist'))],
  };
  return [practitioner, role];
}
