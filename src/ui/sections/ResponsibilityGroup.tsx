import type { ReactElement } from 'react';
import {
  addResponsibility,
  editResponsibility,
  newResponsibility,
  removeResponsibility,
  type Party,
} from '../../plan/index.ts';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { AddTextRow } from '../fields/AddTextRow.tsx';
import { RemoveButton } from '../fields/RemoveButton.tsx';

export interface ResponsibilityGroupProps {
  readonly party: Party;
  readonly title: string;
  readonly editing: PlanEditing;
}

/** The responsibilities of one party (client, clinician, family): edit, remove, add. */
export function ResponsibilityGroup({ party, title, editing }: ResponsibilityGroupProps): ReactElement {
  const all = editing.plan.contract.responsibilities;
  const inputId = `new-responsibility-${party}`;
  return (
    <fieldset className="group">
      <legend>{title}</legend>
      <ul className="plain-list">
        {all.map((item, index) => {
          if (item.party !== party) return null;
          const path = `contract.responsibilities[${String(index)}]`;
          return (
            <li key={item.id} className="text-list-item">
              <TextField
                label={`${title}: responsibility`}
                path={`${path}.description`}
                value={item.description}
                editing={editing}
                onCommit={(description) => {
                  editing.edit(`${path}.description`, (plan) => editResponsibility(plan, item.id, { description }));
                }}
              />
              <RemoveButton
                what={item.description}
                disabled={editing.readOnly}
                onRemove={() => {
                  editing.edit(path, (plan) => removeResponsibility(plan, item.id));
                }}
              />
            </li>
          );
        })}
      </ul>
      <div className="field">
        <AddTextRow
          id={inputId}
          label={`New responsibility for ${title.toLowerCase()}`}
          disabled={editing.readOnly}
          onAdd={(text) => {
            editing.edit('contract.responsibilities', (plan) =>
              addResponsibility(plan, newResponsibility({ party, description: text }, editing.newId))
            );
          }}
        />
      </div>
    </fieldset>
  );
}
