import type { ReactElement } from 'react';
import type { PlanEditing } from '../plan-editing.ts';
import { describedBy, fieldIds } from './field-ids.ts';
import { FieldMessage } from './FieldMessage.tsx';

export interface DateFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: string | undefined;
  readonly editing: PlanEditing;
  /** Called with `YYYY-MM-DD`, or null when cleared. */
  readonly onCommit: (date: string | null) => void;
  /** `time` edits `HH:MM` instead of a date. */
  readonly kind?: 'date' | 'time';
}

/** A labelled date (or time) input; the browser's picker is keyboard operable. */
export function DateField({ label, path, value, editing, onCommit, kind = 'date' }: DateFieldProps): ReactElement {
  const ids = fieldIds(path);
  const message = editing.messageAt(path);
  return (
    <div className="field">
      <label htmlFor={ids.control}>{label}</label>
      <input
        id={ids.control}
        type={kind}
        value={value ?? ''}
        disabled={editing.readOnly}
        onChange={(event) => {
          onCommit(event.target.value === '' ? null : event.target.value);
        }}
        {...describedBy(ids.message, message)}
      />
      <FieldMessage id={ids.message} message={message} />
    </div>
  );
}
