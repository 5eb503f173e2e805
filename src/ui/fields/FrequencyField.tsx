import type { ReactElement } from 'react';
import type { Frequency } from '../../plan/index.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { FieldMessage } from './FieldMessage.tsx';
import { describedBy, fieldIds } from './field-ids.ts';

export interface FrequencyFieldProps {
  readonly label: string;
  readonly path: string;
  readonly value: Frequency | undefined;
  readonly editing: PlanEditing;
  readonly onCommit: (frequency: Frequency | null) => void;
}

const UNITS: readonly { readonly unit: Frequency['unit']; readonly label: string }[] = [
  { unit: 'd', label: 'per day' },
  { unit: 'wk', label: 'per week' },
  { unit: 'mo', label: 'per month' },
];

/** "1 time per week": how many times, per day, week or month (every `per` of them, kept as loaded). */
export function FrequencyField({ label, path, value, editing, onCommit }: FrequencyFieldProps): ReactElement {
  const ids = fieldIds(path);
  const message = editing.messageAt(path);
  const per = value?.per ?? 1;
  return (
    <fieldset className="field compound">
      <legend>{label}</legend>
      <div className="field-row">
        <label className="visually-hidden" htmlFor={ids.control}>
          {label}: times
        </label>
        <input
          id={ids.control}
          type="number"
          min={1}
          step={1}
          className="narrow"
          value={value?.count ?? ''}
          disabled={editing.readOnly}
          onChange={(event) => {
            const count = Number(event.target.value);
            if (event.target.value === '') onCommit(null);
            else if (Number.isInteger(count) && count > 0) onCommit({ count, per, unit: value?.unit ?? 'wk' });
          }}
          {...describedBy(ids.message, message)}
        />
        <span aria-hidden="true">times</span>
        <label className="visually-hidden" htmlFor={`${ids.control}-unit`}>
          {label}: period
        </label>
        <select
          id={`${ids.control}-unit`}
          value={value?.unit ?? 'wk'}
          disabled={editing.readOnly || value === undefined}
          onChange={(event) => {
            const unit = UNITS.find((u) => u.unit === event.target.value)?.unit ?? 'wk';
            if (value !== undefined) onCommit({ ...value, unit });
          }}
        >
          {UNITS.map((u) => (
            <option key={u.unit} value={u.unit}>
              {per === 1 ? u.label : `every ${String(per)} ${u.unit}`}
            </option>
          ))}
        </select>
      </div>
      <FieldMessage id={ids.message} message={message} />
    </fieldset>
  );
}
