import { useState, type ReactElement } from 'react';
import type { PlanEditing } from '../plan-editing.ts';
import { describedBy, fieldIds } from './field-ids.ts';
import { FieldMessage } from './FieldMessage.tsx';

export interface NumberFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: number | undefined;
  readonly editing: PlanEditing;
  /** Called with the number, or null when the field was emptied. */
  readonly onCommit: (value: number | null) => void;
  readonly min?: number;
  readonly step?: number | 'any';
}

/** A labelled number input; applies when the clinician leaves it, and says so when the text is not a number. */
export function NumberField(props: NumberFieldProps): ReactElement {
  const { label, path, value, editing, onCommit, min, step = 'any' } = props;
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const [invalid, setInvalid] = useState(false);
  const ids = fieldIds(path);
  const message = invalid ? `${label} must be a number.` : editing.messageAt(path);
  return (
    <div className="field">
      <label htmlFor={ids.control}>{label}</label>
      <input
        id={ids.control}
        type="number"
        inputMode="decimal"
        step={step}
        {...(min === undefined ? {} : { min })}
        value={typed ?? (value === undefined ? '' : String(value))}
        disabled={editing.readOnly}
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        onBlur={() => {
          if (typed !== undefined) {
            const text = typed.trim();
            const number = Number(text);
            if (text !== '' && !Number.isFinite(number)) {
              setInvalid(true);
              return;
            }
            setInvalid(false);
            if (text === '' ? value !== undefined : number !== value) onCommit(text === '' ? null : number);
          }
          setTyped(undefined);
        }}
        {...describedBy(ids.message, message)}
      />
      <FieldMessage id={ids.message} message={message} />
    </div>
  );
}
