import type { ReactElement } from 'react';
import type { PlanEditing } from '../plan-editing.ts';
import { describedBy, fieldIds } from './field-ids.ts';
import { FieldMessage } from './FieldMessage.tsx';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: string | undefined;
  readonly options: readonly SelectOption[];
  readonly editing: PlanEditing;
  readonly onCommit: (value: string) => void;
  /** The label of an empty first choice ("Not recorded"); without it a value must be chosen. */
  readonly emptyLabel?: string;
}

/** A labelled select; a value the options do not list (read from another system) is still shown. */
export function SelectField(props: SelectFieldProps): ReactElement {
  const { label, path, value, options, editing, onCommit, emptyLabel } = props;
  const ids = fieldIds(path);
  const message = editing.messageAt(path);
  const listed = value === undefined || value === '' || options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={ids.control}>{label}</label>
      <select
        id={ids.control}
        value={value ?? ''}
        disabled={editing.readOnly}
        onChange={(event) => {
          onCommit(event.target.value);
        }}
        {...describedBy(ids.message, message)}
      >
        {emptyLabel === undefined && value !== undefined ? null : <option value="">{emptyLabel ?? 'Choose…'}</option>}
        {listed ? null : <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessage id={ids.message} message={message} />
    </div>
  );
}
