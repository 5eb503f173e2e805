import type { ReactElement, ReactNode } from 'react';
import type { SaveView } from '../workspace/save-outcome.ts';
import type { SigningStatus } from './signing-status.ts';

export interface SigningOutcomeProps {
  readonly status: SigningStatus;
  /** Shows the server's answer to the signatures' transaction (conflict, refusal ...) with its own actions. */
  readonly renderView: (view: SaveView) => ReactNode;
}

function count(n: number): string {
  return n === 1 ? 'The signature was' : `${String(n)} signatures were`;
}

/**
 * What happened to a save with new signatures: in progress (which step), saved (pinned to which version, with the
 * signed copy or not), or saved only in part (the content, not the signatures, which are kept for a retry).
 */
export function SigningOutcome({ status, renderView }: SigningOutcomeProps): ReactElement {
  switch (status.kind) {
    case 'signing':
      return (
        <p className="save-note" role="status">
          {status.step === 'content'
            ? 'Saving the plan, then its signatures…'
            : 'Saving the signatures and the signed copy of the plan…'}
        </p>
      );
    case 'signed':
      return (
        <p className="save-note save-ok" role="status">
          {status.contentSaved ? 'Saved the plan, then its signatures. ' : 'Saved. '}
          {count(status.signatures)} written to the client’s record
          {status.version === undefined ? '' : `, pinned to version ${status.version} of the plan`}
          {status.withCopy ? ', with the signed plan (PDF) kept on the consent to treatment' : ''}. The plan is now
          locked: changing it starts a revision.
        </p>
      );
    case 'signatures-not-saved':
      return (
        <div className="save-error" role="alert">
          <h3>The signatures were not saved</h3>
          <p>
            {status.contentSaved ? 'The plan itself was saved, but its signatures were not: ' : 'Nothing was written: '}
            {status.message} The signatures are kept here; save again to write them
            {status.contentSaved ? ' (only the signatures are sent)' : ''}.
          </p>
          {status.view === undefined ? null : renderView(status.view)}
        </div>
      );
  }
}
