import type { ReactElement } from 'react';
import type { StrategyKind } from '../workspace/strategies/write-strategy.ts';
import { ConflictChanges } from './ConflictChanges.tsx';
import type { SaveStatus } from './save-status.ts';
import { SigningOutcome } from './SigningOutcome.tsx';

export interface SaveOutcomeProps {
  readonly status: SaveStatus;
  /** Reload the record and keep the clinician's edits on top of it. */
  readonly onReapply: () => void;
  /** Reload the record and drop the clinician's edits. */
  readonly onDiscard: () => void;
  readonly relaunchHref: string;
  /** How the plan is saved on this server (StrategyNotice says so up front); undefined when it cannot be saved. */
  readonly strategy: StrategyKind | undefined;
}

/** What a successful save did, in the words of the strategy that made it (as StrategyNotice announces it). */
const SAVED: Readonly<Record<StrategyKind, string>> = {
  transaction: 'Saved. The plan was written to the client’s record in one transaction.',
  sequential: 'Saved. The plan was written to the client’s record in ordered steps.',
  note: 'Saved. The plan was filed in the client’s chart as a clinical note.',
  companion:
    'Saved. The plan was written to the practice’s companion store, and the chart holds it as a clinical note.',
};

/** "a goal (Goal/1) was changed", "a goal (Goal/1) and the plan itself (CarePlan/2) were changed". */
function changedText(records: readonly string[]): string {
  if (records.length === 0) return 'a record of this plan was changed';
  const last = records[records.length - 1] ?? '';
  const list = records.length === 1 ? last : `${records.slice(0, -1).join(', ')} and ${last}`;
  return `${list} ${records.length === 1 ? 'was' : 'were'} changed`;
}

/** What happened to the last save, and what the clinician can do next. Edits are kept in every case but `saved`. */
export function SaveOutcome(props: SaveOutcomeProps): ReactElement | null {
  const { status, onReapply, onDiscard, strategy } = props;
  switch (status.kind) {
    case 'idle':
      return null;
    case 'saving':
      return <p className="save-note">Saving the plan…</p>;
    case 'signing':
    case 'signed':
    case 'signatures-not-saved':
      return <SigningOutcome status={status} renderView={(view) => <SaveOutcome {...props} status={view} />} />;
    case 'reloading':
      return <p className="save-note">Reloading the client’s record…</p>;
    case 'nothing-to-save':
      return <p className="save-note">Nothing to save: the record already holds this plan.</p>;
    case 'saved':
      return <p className="save-note save-ok">{strategy === undefined ? 'Saved.' : SAVED[strategy]}</p>;
    case 'conflict':
      return (
        <div className="conflict-panel" role="alert">
          <h3>Someone else changed this plan</h3>
          <p>
            While you were editing, {changedText(status.changed)} in the client’s record, so nothing was saved. Your
            edits are kept.
          </p>
          {status.sections === undefined ? null : <ConflictChanges changes={status.sections} />}
          <div className="button-row">
            <button type="button" onClick={onReapply}>
              Reload and re-apply my edits
            </button>
            <button type="button" className="button-secondary" onClick={onDiscard}>
              Discard my edits
            </button>
          </div>
          <p className="muted">
            Re-applying keeps your version of every part you can edit here, so a change made on the server to the same
            part is replaced by yours; check the plan before saving again.
          </p>
        </div>
      );
    case 'rejected':
      return (
        <div className="save-error" role="alert">
          <h3>The server refused the save</h3>
          <p>
            {status.partly
              ? 'Some records were written and others were not; reload before saving again.'
              : 'Nothing was written. Your edits are kept.'}
          </p>
          <ul>
            {status.issues.map((issue, index) => (
              <li key={index}>
                {issue.message}
                {issue.expression === undefined ? null : <code className="fhir-path">{issue.expression}</code>}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'expired':
      return (
        <div className="save-error" role="alert">
          <h3>Your session has expired</h3>
          <p>
            Nothing was saved and your edits are kept in this browser tab. Launch the app again for this client from the
            EHR (or <a href={props.relaunchHref}>from the launch page</a>); your changes will be restored, then save
            again.
          </p>
        </div>
      );
    case 'unreachable':
      return (
        <div className="save-error" role="alert">
          <h3>The server did not answer the save</h3>
          <p>
            It is not known whether the plan was written ({status.message}). Your edits are kept. Reload the record
            before trying again; a second save never duplicates records.
          </p>
          <button type="button" className="button-secondary" onClick={onReapply}>
            Reload and keep my edits
          </button>
        </div>
      );
  }
}
