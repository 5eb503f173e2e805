import { useMemo, type ReactElement } from 'react';
import type { PlanRecords } from '../fhir/load-plan-records.ts';
import { readPlansOnRecord } from '../workspace/plans-on-record.ts';
import { ClientPlans } from './ClientPlans.tsx';
import type { WorkspaceSetup } from './workspace-setup.ts';

export interface LoadedWorkspaceProps {
  readonly setup: WorkspaceSetup;
  readonly records: PlanRecords;
  readonly refresh: () => Promise<PlanRecords>;
  /** Loads the records again without showing them. */
  readonly peek: () => Promise<PlanRecords>;
}

/** The loaded records read into plans; a reader fault is said, not thrown. */
export function LoadedWorkspace(props: LoadedWorkspaceProps): ReactElement {
  const { records } = props;
  const reading = useMemo(() => readPlansOnRecord(records.resources), [records]);
  if (!reading.ok) {
    return (
      <div className="save-error" role="alert">
        <h2>The plan could not be read</h2>
        <p>{reading.problem} Nothing was changed. Please report this problem.</p>
      </div>
    );
  }
  return <ClientPlans {...props} plans={reading.plans} />;
}
