import { useMemo, type ReactElement } from 'react';
import type { Concept } from '../plan/index.ts';
import { serverProfile } from '../fhir/server-profile.ts';
import type { CompanionConnection } from '../smart/companion-connection.ts';
import type { Session } from '../smart/session.ts';
import type { CompanionStore } from '../workspace/strategies/companion.ts';
import { draftKey, type DraftStorage } from '../workspace/draft-store.ts';
import { CapabilityPanel } from './CapabilityPanel.tsx';
import type { GoalLibraryRenderer } from './goals/GoalsSection.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { displayName } from './patient-display.ts';
import { PlanWorkspace } from './PlanWorkspace.tsx';
import { SignedInUser } from './SignedInUser.tsx';
import { useWriteStrategy } from './use-write-strategy.ts';
import type { WorkspaceSetup } from './workspace-setup.ts';

export interface SessionScreenProps {
  readonly session: Session;
  /** The date ages and new plans are computed on; defaults to now. */
  readonly today?: Date;
  /** Where drafts are kept; defaults to the tab's sessionStorage. */
  readonly storage?: DraftStorage;
  /** The catalog's diagnosis search; defaults to the diagnoses on the record. */
  readonly searchDiagnoses?: (query: string) => readonly Concept[];
  /** The catalog's goal library. */
  readonly renderGoalLibrary?: GoalLibraryRenderer;
  /** The companion store smart-config.json names for this server (issue 5 §2), connected at start-up. */
  readonly companion?: CompanionConnection;
}

/** The companion as a place to save to: only once its CapabilityStatement was read (else its writes are unknown). */
function companionStore(connection: CompanionConnection | undefined): CompanionStore | undefined {
  if (connection?.capabilityStatement.status !== 'loaded') return undefined;
  return {
    gateway: connection.gateway,
    label: connection.label,
    profile: serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: connection.capabilityStatement.value,
      grantedScope: undefined,
    }),
  };
}

/** The screen after a launch: who, by whom, the client's plan workspace, and what this server lets the app do. */
export function SessionScreen(props: SessionScreenProps): ReactElement {
  const { session, today } = props;
  const { patient, context, capabilityStatement } = session;
  const statement = capabilityStatement.status === 'loaded' ? capabilityStatement.value : undefined;
  // The profile at launch also drives the reading (required search parameters, `_include`), so it stays stable;
  // refusals met while saving narrow the writes only, and the strategy is chosen again from them.
  const launchProfile = useMemo(
    () =>
      serverProfile({
        smartConfiguration: session.smartConfiguration,
        capabilityStatement: statement,
        grantedScope: session.grantedScope,
      }),
    [session.smartConfiguration, statement, session.grantedScope]
  );
  const companion = useMemo(() => companionStore(props.companion), [props.companion]);
  const { profile, writing, onRefused } = useWriteStrategy(launchProfile, session.gateway, undefined, companion);
  const keptInCompanion = writing.kind === 'chosen' && writing.strategy.kind === 'companion';
  const user = session.user?.resource;
  const setup: WorkspaceSetup | undefined = useMemo(
    () =>
      patient === undefined
        ? undefined
        : {
            gateway: session.gateway,
            patient,
            practitioner:
              user?.status === 'loaded' && user.value.resourceType === 'Practitioner' ? user.value : undefined,
            ...(context.encounterId === undefined ? {} : { encounterId: context.encounterId }),
            writing,
            requiredSearchParams: launchProfile.requiredSearchParams,
            ...(keptInCompanion && companion !== undefined
              ? { companion: { gateway: companion.gateway, traits: companion.profile } }
              : {}),
            onRefused,
            storage: props.storage ?? window.sessionStorage,
            draftKey: draftKey(session.serverUrl, patient.id ?? ''),
            now: () => today ?? new Date(),
            searchDiagnoses: props.searchDiagnoses,
            renderGoalLibrary: props.renderGoalLibrary,
            relaunchHref: './launch.html',
          },
    [
      patient,
      session.gateway,
      session.serverUrl,
      user,
      context.encounterId,
      writing,
      launchProfile,
      keptInCompanion,
      companion,
      onRefused,
      props.storage,
      props.searchDiagnoses,
      props.renderGoalLibrary,
      today,
    ]
  );
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Treatment plan</h1>
        <SignedInUser user={session.user} />
      </header>
      {patient !== undefined && context.needPatientBanner ? (
        <PatientBanner patient={patient} {...(today === undefined ? {} : { today })} />
      ) : null}
      <main className="app-main">
        {props.companion?.capabilityStatement.status === 'failed' ? (
          <p className="notice" role="status">
            The plan store for this server ({props.companion.label}) could not be reached:{' '}
            {props.companion.capabilityStatement.problem} Plans are saved as clinical notes in the chart until the app
            is launched again.
          </p>
        ) : null}
        {setup === undefined ? (
          <p className="notice">
            No client was selected. To open a client&apos;s plan, <a href="./launch.html">launch the app again</a> with
            a patient id.
          </p>
        ) : (
          <PlanWorkspace
            setup={setup}
            traits={launchProfile}
            clientName={displayName(setup.patient.name) ?? 'the client'}
          />
        )}
        <CapabilityPanel session={session} profile={profile} writing={writing} />
      </main>
    </div>
  );
}
