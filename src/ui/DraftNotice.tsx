import type { ReactElement } from 'react';
import { readableDateTime } from '../workspace/clock.ts';

export interface DraftNoticeProps {
  readonly savedAt: string;
  readonly onDiscard: () => void;
}

/** Says that unsaved changes were restored from this browser tab, and offers to drop them. */
export function DraftNotice({ savedAt, onDiscard }: DraftNoticeProps): ReactElement {
  return (
    <div className="notice draft-notice" role="status">
      <span>Restored your unsaved changes from {readableDateTime(savedAt)}.</span>
      <button type="button" className="button-secondary" onClick={onDiscard}>
        Discard them
      </button>
    </div>
  );
}
