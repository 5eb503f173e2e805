import type * as fhir from 'fhir/r4';
import { useCallback, useEffect, useState } from 'react';
import type { FhirGateway } from '../fhir/gateway.ts';
import { loadMergedPlanRecords, type CompanionSource } from '../fhir/load-merged-records.ts';
import { loadPlanRecords, type PlanRecords } from '../fhir/load-plan-records.ts';
import type { ServerTraits } from '../fhir/server-traits.ts';
import { describeError } from '../smart/describe-error.ts';

export type RecordsState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly problem: string }
  | { readonly status: 'loaded'; readonly records: PlanRecords };

export interface PlanRecordsHandle {
  readonly state: RecordsState;
  /** Loads again from scratch (after a failure): shows the loading indicator. */
  readonly retry: () => void;
  /** Loads again while the workspace stays on screen (after a save or a conflict); resolves with the new records. */
  readonly refresh: () => Promise<PlanRecords>;
  /** Loads the records again without showing them (to tell what changed after a conflict). */
  readonly peek: () => Promise<PlanRecords>;
}

/**
 * The records with the client's own record first: the plan searches find what points at the client, not the
 * client, and the plan's client identification (name, date of birth, identifiers) is read from it.
 */
function withClient(records: PlanRecords, patient: fhir.Patient): PlanRecords {
  const present = records.resources.some((r) => r.resourceType === 'Patient' && r.id === patient.id);
  return present ? records : { ...records, resources: [patient, ...records.resources] };
}

/**
 * The client's plan records, loaded once when the workspace opens (issue 4 §1), with the launched client's record.
 * With a companion store (issue 5 §2) they are the EHR's records merged with the plan kept there.
 */
export function usePlanRecords(
  gateway: FhirGateway,
  patient: fhir.Patient,
  traits: ServerTraits,
  companion?: CompanionSource
): PlanRecordsHandle {
  const [state, setState] = useState<RecordsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const patientId = patient.id ?? '';
  const load = useCallback(
    async () =>
      withClient(
        companion === undefined
          ? await loadPlanRecords(gateway, patientId, traits)
          : await loadMergedPlanRecords(gateway, patient, traits, companion),
        patient
      ),
    [gateway, patientId, patient, traits, companion]
  );
  useEffect(() => {
    let current = true;
    load().then(
      (records) => {
        if (current) setState({ status: 'loaded', records });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', problem: describeError(error).sentence });
      }
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(async () => {
    const records = await load();
    setState({ status: 'loaded', records });
    return records;
  }, [load]);
  return { state, retry, refresh, peek: load };
}
