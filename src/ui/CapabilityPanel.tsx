import type { ReactElement } from 'react';
import type { Session } from '../smart/session.ts';
import type { ServerProfile } from '../fhir/server-profile.ts';
import type { StrategyChoice } from '../workspace/strategies/choose-strategy.ts';
import type { StrategyKind } from '../workspace/strategies/write-strategy.ts';
import { CapabilityTable } from './CapabilityTable.tsx';
import { LaunchDetails } from './LaunchDetails.tsx';
import { ServerProfileFacts } from './ServerProfileFacts.tsx';

export interface CapabilityPanelProps {
  readonly session: Session;
  readonly profile: ServerProfile;
  readonly writing: StrategyChoice;
}

const SAVES: Readonly<Record<StrategyKind, string>> = {
  transaction: 'read and save plans, in one transaction',
  sequential: 'read and save plans, in ordered steps',
  note: 'read plans; saves file them as clinical notes',
  companion: 'read records; plans are kept in a companion store, and saves file a clinical note',
};

function summary(writing: StrategyChoice): string {
  return writing.kind === 'chosen' ? SAVES[writing.strategy.kind] : 'read-only: plans cannot be saved here';
}

/** "What this app may do here": the capability table and launch details, folded away until asked for. */
export function CapabilityPanel({ session, profile, writing }: CapabilityPanelProps): ReactElement {
  const { capabilityStatement } = session;
  return (
    <details className="panel capability-panel" open>
      <summary>
        What this app may do here <span className="muted">({summary(writing)})</span>
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
      {profile.vendor === undefined ? null : (
        <p className="server-vendor">
          {`This server describes itself as ${profile.vendor}, so the app also follows the known rules for ${profile.vendor}.`}
        </p>
      )}
      <ServerProfileFacts profile={profile} />
      <ul className="access-reasons">
        {(writing.kind === 'read-only' ? writing.reasons : writing.because).map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
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
