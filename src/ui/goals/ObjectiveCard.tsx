import type { ReactElement } from 'react';
import { editObjective, removeDraftObjective, type Objective } from '../../plan/index.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { StatusFields } from './StatusFields.tsx';
import { TargetEditor } from './TargetEditor.tsx';

export interface ObjectiveCardProps {
  readonly objective: Objective;
  readonly number: string;
  readonly path: string;
  readonly editing: PlanEditing;
}

/** One step toward a goal: what, its status, and its own measurable targets. */
export function ObjectiveCard({ objective, number, path, editing }: ObjectiveCardProps): ReactElement {
  return (
    <li className="objective-card">
      <div className="field-grid">
        <TextField
          label={`Objective ${number}`}
          path={`${path}.description`}
          value={objective.description.text}
          editing={editing}
          onCommit={(text) => {
            editing.edit(`${path}.description`, (plan) =>
              editObjective(plan, objective.id, { description: { text, codes: [] } })
            );
          }}
        />
        <StatusFields item={objective} kind="objective" path={path} editing={editing} />
      </div>
      <TargetEditor
        goalLikeId={objective.id}
        path={path}
        name={objective.description.text}
        targets={objective.targets}
        editing={editing}
      />
      <button
        type="button"
        className="button-quiet"
        disabled={editing.readOnly}
        onClick={() => {
          editing.edit(path, (plan) =>
            removeDraftObjective(plan, objective.id, { saved: editing.saved.has(objective.id) })
          );
        }}
      >
        Remove objective {number}
      </button>
      <FieldMessage id={fieldIds(path).message} message={editing.messageAt(path)} />
    </li>
  );
}
