import { useState, type ReactElement } from 'react';
import type { PlanEditing } from '../plan-editing.ts';
import { describedBy, fieldIds } from './field-ids.ts';
import { FieldMessage } from './FieldMessage.tsx';

export interface TextFieldProps {
  readonly label: string;
  /** The plan path this field edits; its id and error come from it. */
  readonly path: string;
  readonly value: string | undefined;
  readonly editing: PlanEditing;
  /** Called with the text when the clinician leaves the field after changing it. */
  readonly onCommit: (text: string) => void;
  readonly multiline?: boolean;
  readonly hint?: string;
  /** Words to offer while typing (a pick list); any other text is still accepted. Single-line fields only. */
  readonly suggestions?: readonly string[];
}

/** A labelled text input that applies its edit when the clinician leaves it (one edit per change, not per key). */
export function TextField(props: TextFieldProps): ReactElement {
  const { label, path, value, editing, onCommit, multiline = false, hint, suggestions } = props;
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const ids = fieldIds(path);
  const message = editing.messageAt(path);
  const common = {
    id: ids.control,
    value: typed ?? value ?? '',
    disabled: editing.readOnly,
    onChange: (event: { target: { value: string } }) => {
      setTyped(event.target.value);
    },
    onBlur: () => {
      if (typed !== undefined && typed !== (value ?? '')) onCommit(typed);
      setTyped(undefined);
    },
    ...describedBy(ids.message, message),
  };
  return (
    <div className="field">
      <label htmlFor={ids.control}>{label}</label>
      {hint === undefined ? null : <span className="field-hint">{hint}</span>}
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" {...common} {...(suggestions === undefined ? {} : { list: `${ids.control}-options` })} />
      )}
      {multiline || suggestions === undefined ? null : (
        <datalist id={`${ids.control}-options`}>
          {suggestions.map((words) => (
            <option key={words} value={words} />
          ))}
        </datalist>
      )}
      <FieldMessage id={ids.message} message={message} />
    </div>
  );
}
