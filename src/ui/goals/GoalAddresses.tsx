import type { ReactElement } from 'react';
import { editGoal, type PlanGoal } from '../../plan/index.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import type { PlanEditing } from '../plan-editing.ts';

export interface GoalAddressesProps {
  readonly goal: PlanGoal;
  readonly path: string;
  readonly editing: PlanEditing;
}

/** Which diagnoses and presenting concerns a goal addresses (checkboxes). */
export function GoalAddresses({ goal, path, editing }: GoalAddressesProps): ReactElement {
  const { diagnoses, presentingConcerns } = editing.plan;
  const choices = [
    ...diagnoses.map((d) => ({ id: d.id, text: `Diagnosis: ${d.condition.text}` })),
    ...presentingConcerns.map((c) => ({ id: c.id, text: `Concern: ${c.concern.text}` })),
  ];
  const at = `${path}.addresses`;
  return (
    <fieldset className="checkbox-group">
      <legend>Addresses</legend>
      {choices.length === 0 ? <p className="muted">Add diagnoses or concerns first.</p> : null}
      {choices.map((choice) => (
        <label key={choice.id} className="checkbox">
          <input
            type="checkbox"
            checked={goal.addresses.includes(choice.id)}
            disabled={editing.readOnly}
            onChange={(event) => {
              const addresses = event.target.checked
                ? [...goal.addresses, choice.id]
                : goal.addresses.filter((id) => id !== choice.id);
              editing.edit(at, (plan) => editGoal(plan, goal.id, { addresses }));
            }}
          />
          {choice.text}
        </label>
      ))}
      <FieldMessage id={fieldIds(at).message} message={editing.messageAt(at)} />
    </fieldset>
  );
}
