import type { ReactElement } from 'react';
import { addStrength, editStrength, newStrength, removeStrength } from '../../plan/index.ts';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { AddTextRow } from '../fields/AddTextRow.tsx';
import { RemoveButton } from '../fields/RemoveButton.tsx';

/** The client's strengths and how the plan will use each. */
export function StrengthsSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  return (
    <>
      {editing.plan.strengths.length === 0 ? <p className="muted">No strengths recorded yet.</p> : null}
      <ul className="plain-list">
        {editing.plan.strengths.map((item, index) => {
          const path = `strengths[${String(index)}]`;
          return (
            <li key={item.id} className="item-card">
              <div className="field-grid two">
                <TextField
                  label="Strength"
                  path={`${path}.description`}
                  value={item.description}
                  editing={editing}
                  onCommit={(description) => {
                    editing.edit(`${path}.description`, (plan) => editStrength(plan, item.id, { description }));
                  }}
                />
                <TextField
                  label="How the plan uses it"
                  path={`${path}.use`}
                  value={item.use}
                  editing={editing}
                  onCommit={(use) => {
                    editing.edit(`${path}.use`, (plan) =>
                      editStrength(plan, item.id, { use: use.trim() === '' ? null : use })
                    );
                  }}
                />
              </div>
              <RemoveButton
                what={item.description}
                disabled={editing.readOnly}
                onRemove={() => {
                  editing.edit(path, (plan) => removeStrength(plan, item.id));
                }}
              />
            </li>
          );
        })}
      </ul>
      <div className="field">
        <AddTextRow
          id="new-strength"
          label="New strength"
          disabled={editing.readOnly}
          onAdd={(text) => {
            editing.edit('strengths', (plan) => addStrength(plan, newStrength({ description: text }, editing.newId)));
          }}
        />
      </div>
    </>
  );
}
