import type { ReactElement } from 'react';
import type { ServerTraits } from '../fhir/server-traits.ts';
import { LoadedWorkspace } from './LoadedWorkspace.tsx';
import { usePlanRecords } from './use-plan-records.ts';
import type { WorkspaceSetup } from './workspace-setup.ts';

export interface PlanWorkspaceProps {
  readonly setup: WorkspaceSetup;
  readonly traits: ServerTraits;
  readonly clientName: string;
}

/** Loads the client's plan records, then shows the workspace; loading and failure are handled as states. */
export function PlanWorkspace({ setup, traits, clientName }: PlanWorkspaceProps): ReactElement {
  const { state, retry, refresh, peek } = usePlanRecords(setup.gateway, setup.patient, traits, setup.companion);
  switch (state.status) {
    case 'loading':
      return (
        <div className="loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          Loading {clientName}’s treatment plan, goals, diagnoses and scores from the record…
        </div>
      );
    case 'failed':
      return (
        <div className="save-error" role="alert">
          <h2>The plan could not be loaded</h2>
          <p>{state.problem}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      );
    case 'loaded':
      return <LoadedWorkspace setup={setup} records={state.records} refresh={refresh} peek={peek} />;
  }
}
