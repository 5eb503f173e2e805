import { useState, type ReactElement } from 'react';
import { describedBy } from './field-ids.ts';

export interface AddTextRowProps {
  /** The input's id, for the label. */
  readonly id: string;
  readonly label: string;
  /** The button's text. Default `Add`. */
  readonly buttonLabel?: string;
  readonly disabled: boolean;
  /** Called with the trimmed text when the clinician adds it; the field then empties. */
  readonly onAdd: (text: string) => void;
  /** The field message that describes the input when it holds one (marks the input invalid). */
  readonly messageId?: string;
  readonly message?: string | undefined;
}

/** A labelled text field with an Add button (or Enter): how every list in the plan gets a new item by name. */
export function AddTextRow({
  id,
  label,
  buttonLabel = 'Add',
  disabled,
  onAdd,
  messageId,
  message,
}: AddTextRowProps): ReactElement {
  const [draft, setDraft] = useState('');
  const add = (): void => {
    if (disabled || draft.trim() === '') return;
    onAdd(draft.trim());
    setDraft('');
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          type="text"
          value={draft}
          disabled={disabled}
          onChange={(event) => {
            setDraft(event.target.value);
          }}
          onKeyDown={(event) => {
            // Enter adds, as the button does: the quickest way through a list from the keyboard.
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
          {...(messageId === undefined ? {} : describedBy(messageId, message))}
        />
        <button type="button" disabled={disabled || draft.trim() === ''} onClick={add}>
          {buttonLabel}
        </button>
      </div>
    </>
  );
}
