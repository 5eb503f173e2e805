import type { ReactElement } from 'react';
import type { TreatmentPlan } from '../../plan/index.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { fieldIds } from './field-ids.ts';
import { FieldMessage } from './FieldMessage.tsx';
import { TextField } from './TextField.tsx';
import { AddTextRow } from './AddTextRow.tsx';
import { RemoveButton } from './RemoveButton.tsx';

export interface TextListEditorProps {
  /** What one item is, e.g. "Client preference". */
  readonly itemLabel: string;
  /** The list's plan path, e.g. `considerations.clientPreferences`. */
  readonly path: string;
  readonly items: readonly string[];
  readonly editing: PlanEditing;
  readonly add: (plan: TreatmentPlan, text: string) => TreatmentPlan;
  readonly change: (plan: TreatmentPlan, index: number, text: string) => TreatmentPlan;
  readonly remove: (plan: TreatmentPlan, index: number) => TreatmentPlan;
}

/** A list of short texts (goals for change, preferences ...): edit each, remove each, add one. */
export function TextListEditor(props: TextListEditorProps): ReactElement {
  const { itemLabel, path, items, editing, add, change, remove } = props;
  const ids = fieldIds(`${path}.new`);
  const listMessage = editing.messageAt(path);
  return (
    <div className="text-list">
      {items.length === 0 ? <p className="muted">None recorded.</p> : null}
      <ul className="plain-list">
        {items.map((item, index) => (
          <li key={`${String(index)}-${item}`} className="text-list-item">
            <TextField
              label={`${itemLabel} ${String(index + 1)}`}
              path={`${path}[${String(index)}]`}
              value={item}
              editing={editing}
              onCommit={(text) => {
                editing.edit(`${path}[${String(index)}]`, (plan) => change(plan, index, text));
              }}
            />
            <RemoveButton
              what={`${itemLabel.toLowerCase()} ${String(index + 1)}`}
              disabled={editing.readOnly}
              onRemove={() => {
                editing.edit(`${path}[${String(index)}]`, (plan) => remove(plan, index));
              }}
            />
          </li>
        ))}
      </ul>
      <div className="field add-row">
        <AddTextRow
          id={ids.control}
          label={`New ${itemLabel.toLowerCase()}`}
          disabled={editing.readOnly}
          messageId={ids.message}
          message={listMessage}
          onAdd={(text) => {
            editing.edit(path, (plan) => add(plan, text));
          }}
        />
        <FieldMessage id={ids.message} message={listMessage} />
      </div>
    </div>
  );
}
