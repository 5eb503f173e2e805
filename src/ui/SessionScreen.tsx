import type { ReactElement } from 'react';
import type { Session } from '../smart/session.ts';
import { CapabilityTable } from './CapabilityTable.tsx';
import { LaunchDetails } from './LaunchDetails.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { SignedInUser } from './SignedInUser.tsx';

export interface SessionScreenProps {
  readonly session: Session;
  /** The date ages are computed on; defaults to now. */
  readonly today?: Date;
}

/** The first screen after a launch: who, by whom, and what this server lets the app do. */
export function SessionScreen({ session, today }: SessionScreenProps): ReactElement {
  const { patient, context, capabilityStatement } = session;
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
        {patient === undefined ? (
          <p className="notice">
            No client was selected. To open a client&apos;s plan, <a href="./launch.html">launch the app again</a> with
            a patient id.
          </p>
        ) : null}
        {session.launch === 'open' ? (
          <p className="notice">This server is open: the app uses it without signing in, so no permissions apply.</p>
        ) : null}
        {capabilityStatement.status === 'failed' ? (
          <p className="notice">
            The server did not publish what it supports (its CapabilityStatement could not be read), so the table below
            assumes it supports everything the granted permissions allow.
          </p>
        ) : null}
        <CapabilityTable
          serverUrl={session.serverUrl}
          smartConfiguration={session.smartConfiguration}
          capabilityStatement={capabilityStatement.status === 'loaded' ? capabilityStatement.value : undefined}
          grantedScope={session.grantedScope}
        />
        <LaunchDetails session={session} />
      </main>
    </div>
  );
}
