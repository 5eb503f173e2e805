import { useCallback, useEffect, useState } from 'react';
import type { FhirGateway } from '../fhir/gateway.ts';
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

/** The client's plan records, loaded once when the workspace opens (issue 4 §1). */
export function usePlanRecords(gateway: FhirGateway, patientId: string, traits: ServerTraits): PlanRecordsHandle {
  const [state, setState] = useState<RecordsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    loadPlanRecords(gateway, patientId, traits).then(
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
  }, [gateway, patientId, traits, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(async () => {
    const records = await loadPlanRecords(gateway, patientId, traits);
    setState({ status: 'loaded', records });
    return records;
  }, [gateway, patientId, traits]);
  const peek = useCallback(() => loadPlanRecords(gateway, patientId, traits), [gateway, patientId, traits]);
  return { state, retry, refresh, peek };
}
