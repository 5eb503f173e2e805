/**
 * The plan records of a client whose plan is kept in a companion store (companion-records.ts): the EHR's records
 * and the companion's, read at the same time and merged into the EHR's view. A companion that holds no such
 * client yet adds nothing (the first save creates it); the EHR's own CarePlans are never the current plan.
 */
import type * as fhir from 'fhir/r4';
import { ehrRecordsBesideCompanion, findCompanionPatient, mergePlanRecords } from './companion-records.ts';
import type { FhirGateway } from './gateway.ts';
import { loadPlanRecords, type PlanRecords } from './load-plan-records.ts';
import type { ServerTraits } from './server-traits.ts';

export interface CompanionSource {
  readonly gateway: FhirGateway;
  readonly traits: ServerTraits;
}

export async function loadMergedPlanRecords(
  ehr: FhirGateway,
  ehrPatient: fhir.Patient,
  ehrTraits: ServerTraits,
  companion: CompanionSource
): Promise<PlanRecords> {
  const ehrPatientId = ehrPatient.id ?? '';
  const companionRecords = async (): Promise<{ records: PlanRecords; id: string } | undefined> => {
    const id = await findCompanionPatient(companion.gateway, ehrPatient);
    if (id === undefined) return undefined;
    return { records: await loadPlanRecords(companion.gateway, id, companion.traits), id };
  };
  const [ehrRecords, theirs] = await Promise.all([loadPlanRecords(ehr, ehrPatientId, ehrTraits), companionRecords()]);
  if (theirs === undefined) return ehrRecordsBesideCompanion(ehrRecords);
  return mergePlanRecords(ehrRecords, theirs.records, {
    ehrBaseUrl: ehr.baseUrl,
    ehrPatientId,
    companionPatientId: theirs.id,
  });
}
