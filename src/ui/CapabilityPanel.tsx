import type { ReactElement } from 'react';
import type { Session } from '../smart/session.ts';
import type { WriteAccess } from '../workspace/write-access.ts';
import { CapabilityTable } from './CapabilityTable.tsx';
import { LaunchDetails } from './LaunchDetails.tsx';

export interface CapabilityPanelProps {
  readonly session: Session;
  readonly access: WriteAccess;
}

/** "What this app may do here": the capability table and launch details, folded away until asked for. */
export function CapabilityPanel({ session, access }: CapabilityPanelProps): ReactElement {
  const { capabilityStatement } = session;
  return (
    <details className="panel capability-panel" open>
      <summary>
        What this app may do here{' '}
        <span className="muted">
          ({access.kind === 'writable' ? 'read and save plans' : 'read-only: plans cannot be saved here'})
        </span>
      </summary>
      {session.launch === 'open' ? (
        <p className="notice">This server is open: the app uses it without signing in, so no permissions apply.</p>
      ) : null}
      {capabilityStatement.status === 'failed' ? (
        <p className="notice">
          The server did not publish what it supports (its CapabilityStatement could not be read), so the table below
          assumes it supports everything the granted permissions allow.
        </p>
      ) : null}
      {access.kind === 'read-only' ? (
        <ul className="access-reasons">
          {access.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <CapabilityTable
        serverUrl={session.serverUrl}
        smartConfiguration={session.smartConfiguration}
        capabilityStatement={capabilityStatement.status === 'loaded' ? capabilityStatement.value : undefined}
        grantedScope={session.grantedScope}
      />
      <LaunchDetails session={session} />
    </details>
  );
}
