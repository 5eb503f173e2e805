/**
 * A client's records on a server, as the app loads them (loadPlanRecords), with the Patient added: what
 * `exportPlan` and the plan reader take. Searches the server refused are reported on stderr; the export goes on
 * with the rest, as the app shows a plan marked "may be incomplete".
 */
import type * as fhir from 'fhir/r4';
import { loadPlanRecords } from '../fhir/load-plan-records.ts';
import type { ServerAccess } from './server-access.ts';

export interface ClientRecords {
  readonly patient: fhir.Patient;
  readonly resources: readonly fhir.FhirResource[];
  /** One sentence per search the server refused or cut short. */
  readonly incomplete: readonly string[];
}

export async function loadClientRecords(
  access: ServerAccess,
  patient: fhir.Patient,
  progress: (message: string) => void
): Promise<ClientRecords> {
  const id = patient.id ?? '';
  progress(`Loading the records of Patient/${id} from ${access.gateway.baseUrl} ...`);
  const records = await loadPlanRecords(access.gateway, id, access.traits);
  const hasPatient = records.resources.some((r) => r.resourceType === 'Patient' && r.id === id);
  const resources = hasPatient ? records.resources : [patient, ...records.resources];
  progress(`Loaded ${resources.length} records in ${records.roundTrips} round trip(s)`);
  const incomplete = records.incomplete.map((i) => `${i.search}: ${i.reason}`);
  for (const line of incomplete) progress(`warning: may be incomplete: ${line}`);
  return { patient, resources, incomplete };
}
