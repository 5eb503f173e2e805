import type { ReactElement } from 'react';
import { SaveOutcome, type SaveOutcomeProps } from './SaveOutcome.tsx';

export interface SaveBarProps extends SaveOutcomeProps {
  /** Why saving is not possible now; undefined when it is. */
  readonly blockedBecause: string | undefined;
  readonly onSave: () => void;
  /** What the button says: what Save does on this server. Default "Save plan". */
  readonly saveLabel?: string;
  /** True when the working plan holds changes the record does not. */
  readonly changed: boolean;
}

/** The save button, why it cannot be used when it cannot, and the outcome of the last save. */
export function SaveBar(props: SaveBarProps): ReactElement {
  const { blockedBecause, onSave, changed, status, saveLabel = 'Save plan' } = props;
  const busy = status.kind === 'saving' || status.kind === 'reloading' || status.kind === 'signing';
  return (
    <div className="save-bar" aria-label="Save" role="region">
      <div className="save-row">
        <button
          type="button"
          disabled={blockedBecause !== undefined || busy}
          aria-describedby="save-blocked"
          onClick={onSave}
        >
          {saveLabel}
        </button>
        <span id="save-blocked" className="muted">
          {blockedBecause ?? (changed ? 'You have unsaved changes.' : 'No unsaved changes.')}
        </span>
      </div>
      <SaveOutcome {...props} />
    </div>
  );
}
