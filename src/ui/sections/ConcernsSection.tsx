import type { ReactElement } from 'react';
import {
  addPresentingConcern,
  editPresentingConcern,
  newPresentingConcern,
  removePresentingConcern,
} from '../../plan/index.ts';
import { DateField } from '../fields/DateField.tsx';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { problemFieldEditing, type PlanEditing } from '../plan-editing.ts';
import { AddTextRow } from '../fields/AddTextRow.tsx';
import { RemoveButton } from '../fields/RemoveButton.tsx';

/** What brings the client, in their or the clinician's words, with onset and status. */
export function ConcernsSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  return (
    <>
      {editing.plan.presentingConcerns.length === 0 ? <p className="muted">No presenting concerns yet.</p> : null}
      <ul className="plain-list">
        {editing.plan.presentingConcerns.map((item, index) => {
          const path = `presentingConcerns[${String(index)}]`;
          // Every field here is the Condition's own; only removal is the plan's (its CarePlan).
          const condition = problemFieldEditing(editing, item.id);
          return (
            <li key={item.id} className="item-card">
              {condition === editing ? null : <p className="muted held-problem">{editing.heldProblems?.reason}</p>}
              <div className="field-grid">
                <TextField
                  label="Concern"
                  path={`${path}.concern`}
                  value={item.concern.text}
                  editing={condition}
                  onCommit={(text) => {
                    editing.edit(`${path}.concern`, (plan) =>
                      editPresentingConcern(plan, item.id, { concern: { text, codes: [] } })
                    );
                  }}
                />
                <DateField
                  label="Onset date"
                  path={`${path}.onset.date`}
                  value={item.onset?.date}
                  editing={condition}
                  onCommit={(date) => {
                    editing.edit(`${path}.onset.date`, (plan) =>
                      editPresentingConcern(plan, item.id, {
                        onset: { ...item.onset, ...(date === null ? { date: undefined } : { date }) },
                      })
                    );
                  }}
                />
                <TextField
                  label="Onset in words"
                  path={`${path}.onset.text`}
                  value={item.onset?.text}
                  editing={condition}
                  onCommit={(text) => {
                    editing.edit(`${path}.onset.text`, (plan) =>
                      editPresentingConcern(plan, item.id, { onset: { ...item.onset, text: text.trim() || undefined } })
                    );
                  }}
                />
                <SelectField
                  label="Status"
                  path={`${path}.status`}
                  value={item.status}
                  options={[
                    { value: 'active', label: 'Active' },
                    { value: 'resolved', label: 'Resolved' },
                  ]}
                  editing={condition}
                  onCommit={(status) => {
                    editing.edit(`${path}.status`, (plan) =>
                      editPresentingConcern(plan, item.id, { status: status === 'resolved' ? 'resolved' : 'active' })
                    );
                  }}
                />
              </div>
              <TextField
                multiline
                label="Note"
                path={`${path}.note`}
                value={item.note}
                editing={condition}
                onCommit={(text) => {
                  editing.edit(`${path}.note`, (plan) =>
                    editPresentingConcern(plan, item.id, { note: text.trim() === '' ? null : text })
                  );
                }}
              />
              <RemoveButton
                what={item.concern.text}
                disabled={editing.readOnly}
                describedBy={fieldIds(path).message}
                onRemove={() => {
                  editing.edit(path, (plan) => removePresentingConcern(plan, item.id));
                }}
              />
              <FieldMessage id={fieldIds(path).message} message={editing.messageAt(path)} />
            </li>
          );
        })}
      </ul>
      <div className="field">
        <AddTextRow
          id="new-presenting-concern"
          label="New presenting concern"
          disabled={editing.readOnly}
          onAdd={(text) => {
            editing.edit('presentingConcerns', (plan) =>
              addPresentingConcern(plan, newPresentingConcern({ concern: text }, editing.newId))
            );
          }}
        />
      </div>
    </>
  );
}
