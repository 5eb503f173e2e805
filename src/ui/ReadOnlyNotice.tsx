import type { ReactElement } from 'react';

export interface ReadOnlyNoticeProps {
  readonly reasons: readonly string[];
  /** Offered when the plan is read-only only because it was signed. */
  readonly onStartRevision?: () => void;
}

/** Why the plan cannot be changed here, in sentences, and the way forward when there is one. */
export function ReadOnlyNotice({ reasons, onStartRevision }: ReadOnlyNoticeProps): ReactElement {
  return (
    <div className="notice read-only-notice" role="note" aria-label="Read-only">
      <strong>Read-only.</strong>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {onStartRevision === undefined ? null : (
        <button type="button" onClick={onStartRevision}>
          Start a revision
        </button>
      )}
    </div>
  );
}
