/** The practice around the clients: one clinician, her role, the clinic and its office. All made up. */
import type * as fhir from 'fhir/r4';
import { SYSTEM, coding, concept } from './terminology.ts';

export const PRACTITIONER_ID = 'sandbox-practitioner';
export const ORGANIZATION_ID = 'sandbox-clinic';
export const LOCATION_ID = 'sandbox-office';

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
          coding(SYSTEM.licenseType, 'LCSW', 'Licensed Clinical Social Worker'),
          coding(SYSTEM.nucc, '1041C0700X', 'Clinical Social Worker')
        ),
        issuer: { display: 'Illinois Department of Financial and Professional Regulation (sandbox)' },
      },
    ],
  };
  const organization: fhir.Organization = {
    resourceType: 'Organization',
    id: ORGANIZATION_ID,
    active: true,
    type: [concept('Healthcare Provider', coding(SYSTEM.organizationType, 'prov', 'Healthcare Provider'))],
    name: 'Riverside Counseling Center',
    telecom: [{ system: 'phone', value: '217-555-0100', use: 'work' }],
    address: [clinicAddress],
  };
  const location: fhir.Location = {
    resourceType: 'Location',
    id: LOCATION_ID,
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
    active: true,
    practitioner: { reference: `Practitioner/${PRACTITIONER_ID}`, display: 'Dana Rivera, LCSW' },
    organization: { reference: `Organization/${ORGANIZATION_ID}` },
    location: [{ reference: `Location/${LOCATION_ID}` }],
    specialty: [concept('Clinical Social Worker', coding(SYSTEM.nucc, '1041C0700X', 'Clinical Social Worker'))],
  };
  return [organization, location, practitioner, role];
}
