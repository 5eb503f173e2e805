import type { ReactElement } from 'react';
import { addObjective, editGoal, newObjective, removeDraftGoal, type PlanGoal } from '../../plan/index.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { GoalAddresses } from './GoalAddresses.tsx';
import { ObjectiveCard } from './ObjectiveCard.tsx';
import { StatusFields } from './StatusFields.tsx';
import { TargetEditor } from './TargetEditor.tsx';
import { AddTextRow } from '../fields/AddTextRow.tsx';

export interface GoalCardProps {
  readonly goal: PlanGoal;
  readonly index: number;
  readonly editing: PlanEditing;
}

/** A goal: wording, priority, status, measurable targets, what it addresses, and its objectives. */
export function GoalCard({ goal, index, editing }: GoalCardProps): ReactElement {
  const path = `goals[${String(index)}]`;
  const number = String(index + 1);
  const newObjectiveId = `new-objective-${goal.id}`;
  return (
    <li className="goal-card" aria-labelledby={`${fieldIds(path).control}-title`}>
      <h3 id={`${fieldIds(path).control}-title`}>
        Goal {number}: {goal.description.text}
      </h3>
      <div className="field-grid">
        <TextField
          label={`Goal ${number}`}
          path={`${path}.description`}
          value={goal.description.text}
          editing={editing}
          onCommit={(text) => {
            editing.edit(`${path}.description`, (plan) =>
              editGoal(plan, goal.id, { description: { text, codes: [] } })
            );
          }}
        />
        <SelectField
          label="Priority"
          path={`${path}.priority`}
          value={goal.priority}
          emptyLabel="Not set"
          options={[
            { value: 'high', label: 'High' },
            { value: 'medium', label: 'Medium' },
            { value: 'low', label: 'Low' },
          ]}
          editing={editing}
          onCommit={(value) => {
            const priority = value === 'high' || value === 'medium' || value === 'low' ? value : null;
            editing.edit(`${path}.priority`, (plan) => editGoal(plan, goal.id, { priority }));
          }}
        />
        <StatusFields item={goal} kind="goal" path={path} editing={editing} />
      </div>
      <TargetEditor
        goalLikeId={goal.id}
        path={path}
        name={goal.description.text}
        targets={goal.targets}
        editing={editing}
      />
      <GoalAddresses goal={goal} path={path} editing={editing} />
      <h4>Objectives</h4>
      <ol className="plain-list">
        {goal.objectives.map((objective, o) => (
          <ObjectiveCard
            key={objective.id}
            objective={objective}
            number={`${number}.${String(o + 1)}`}
            path={`${path}.objectives[${String(o)}]`}
            editing={editing}
          />
        ))}
      </ol>
      <div className="field">
        <AddTextRow
          id={newObjectiveId}
          label={`New objective for goal ${number}`}
          buttonLabel="Add objective"
          disabled={editing.readOnly}
          onAdd={(text) => {
            const objective = newObjective({ description: text, startDate: editing.today }, editing.newId);
            editing.edit(`${path}.objectives`, (plan) => addObjective(plan, goal.id, objective));
          }}
        />
        <FieldMessage id={fieldIds(`${path}.objectives`).message} message={editing.messageAt(`${path}.objectives`)} />
      </div>
      <button
        type="button"
        className="button-quiet"
        disabled={editing.readOnly}
        onClick={() => {
          editing.edit(path, (plan) => removeDraftGoal(plan, goal.id, { saved: editing.saved.has(goal.id) }));
        }}
      >
        Remove goal {number}
      </button>
      <FieldMessage id={fieldIds(path).message} message={editing.messageAt(path)} />
    </li>
  );
}
