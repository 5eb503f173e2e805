import type * as fhir from 'fhir/r4';
import { formatHumanName } from '../pages/patient-summary.ts';
import { SIGNED_IN_USER, type EhrRecords } from './state.ts';

/** "Dana Rivera, LCSW": the signed-in practitioner's name (with credentials as its suffix) as the pages show it. */
export async function signedInUserName(records: EhrRecords): Promise<string> {
  const [, id = ''] = SIGNED_IN_USER.split('/');
  const practitioner = await records.readResource<fhir.Practitioner>('Practitioner', id);
  const name = practitioner?.name?.find((candidate) => candidate.use === 'official') ?? practitioner?.name?.[0];
  return formatHumanName(name) ?? 'the sandbox practitioner';
}
