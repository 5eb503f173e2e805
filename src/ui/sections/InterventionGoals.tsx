import type { ReactElement } from 'react';
import { goalLikesOf, linkInterventionToGoals, unlinkGoal, type Intervention } from '../../plan/index.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import type { PlanEditing } from '../plan-editing.ts';

export interface InterventionGoalsProps {
  readonly intervention: Intervention;
  readonly path: string;
  readonly editing: PlanEditing;
}

/** The goals and objectives an intervention serves: one checkbox each, objectives under their goal. */
export function InterventionGoals({ intervention, path, editing }: InterventionGoalsProps): ReactElement {
  const at = `${path}.goalIds`;
  return (
    <fieldset className="checkbox-group">
      <legend>Serves these goals</legend>
      {editing.plan.goals.length === 0 ? <p className="muted">Add goals first.</p> : null}
      {goalLikesOf(editing.plan).map(({ item, goalIndex, objectiveIndex }) => {
        const number =
          objectiveIndex === undefined
            ? `Goal ${String(goalIndex + 1)}`
            : `Objective ${String(goalIndex + 1)}.${String(objectiveIndex + 1)}`;
        return (
          <label key={item.id} className={objectiveIndex === undefined ? 'checkbox' : 'checkbox nested'}>
            <input
              type="checkbox"
              checked={intervention.goalIds.includes(item.id)}
              disabled={editing.readOnly}
              onChange={(event) => {
                editing.edit(at, (plan) =>
                  event.target.checked
                    ? linkInterventionToGoals(plan, intervention.id, [item.id])
                    : unlinkGoal(plan, intervention.id, item.id)
                );
              }}
            />
            {number}: {item.description.text}
          </label>
        );
      })}
      <FieldMessage id={fieldIds(at).message} message={editing.messageAt(at)} />
    </fieldset>
  );
}
