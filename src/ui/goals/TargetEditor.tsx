import type { ReactElement } from 'react';
import { addTarget, removeTarget, setTarget, type Comparator, type MeasurableTarget } from '../../plan/index.ts';
import { codeOf, OUTCOME_MEASURES, optionNamed, TARGET_UNITS } from '../../workspace/pick-lists.ts';
import { DateField } from '../fields/DateField.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { RemoveButton } from '../fields/RemoveButton.tsx';

export interface TargetEditorProps {
  /** The goal or objective the targets belong to. */
  readonly goalLikeId: string;
  /** Its plan path, e.g. `goals[0]` or `goals[0].objectives[1]`. */
  readonly path: string;
  readonly name: string;
  readonly targets: readonly MeasurableTarget[];
  readonly editing: PlanEditing;
}

const COMPARATORS: readonly { readonly value: Comparator; readonly label: string }[] = [
  { value: '<', label: 'below' },
  { value: '<=', label: 'at most' },
  { value: '=', label: 'exactly' },
  { value: '>=', label: 'at least' },
  { value: '>', label: 'above' },
];

const NEW_TARGET: MeasurableTarget = {
  measure: { text: '', codes: [] },
  comparator: '<',
  value: { value: 0, unit: '{score}' },
};

/** Measurable targets: what is measured, compared how, to what value and unit (or %), by when. */
export function TargetEditor({ goalLikeId, path, name, targets, editing }: TargetEditorProps): ReactElement {
  const change = (index: number, at: string, next: MeasurableTarget): void => {
    editing.edit(at, (plan) => setTarget(plan, goalLikeId, index, next));
  };
  return (
    <div className="targets">
      {targets.map((target, index) => {
        const at = `${path}.targets[${String(index)}]`;
        return (
          <fieldset key={index} className="target-row">
            <legend>
              Target {index + 1} of “{name}”
            </legend>
            <TextField
              label="Measure"
              path={`${at}.measure`}
              value={target.measure.text}
              suggestions={OUTCOME_MEASURES.map((m) => m.label)}
              editing={editing}
              onCommit={(text) => {
                const listed = optionNamed(OUTCOME_MEASURES, text);
                const measure = listed ? { text: listed.label, codes: [codeOf(listed)] } : { text, codes: [] };
                change(index, `${at}.measure`, { ...target, measure });
              }}
            />
            <SelectField
              label="Compared"
              path={`${at}.comparator`}
              value={target.comparator}
              options={COMPARATORS}
              editing={editing}
              onCommit={(value) => {
                const comparator = COMPARATORS.find((c) => c.value === value)?.value ?? '<';
                change(index, `${at}.comparator`, { ...target, comparator });
              }}
            />
            <NumberField
              label="Value"
              path={`${at}.value.value`}
              value={target.value.value}
              editing={editing}
              onCommit={(value) => {
                change(index, `${at}.value.value`, {
                  ...target,
                  value: { ...target.value, value: value ?? Number.NaN },
                });
              }}
            />
            <SelectField
              label="Unit"
              path={`${at}.value.unit`}
              value={target.value.unit}
              options={TARGET_UNITS.map((u) => ({ value: u.unit, label: u.label }))}
              editing={editing}
              onCommit={(unit) => {
                change(index, `${at}.value.unit`, { ...target, value: { ...target.value, unit } });
              }}
            />
            <DateField
              label="Due"
              path={`${at}.dueDate`}
              value={target.dueDate}
              editing={editing}
              onCommit={(dueDate) => {
                const undated = { measure: target.measure, comparator: target.comparator, value: target.value };
                change(index, `${at}.dueDate`, dueDate === null ? undated : { ...undated, dueDate });
              }}
            />
            <RemoveButton
              what={`target ${index + 1}`}
              disabled={editing.readOnly}
              onRemove={() => {
                editing.edit(at, (plan) => removeTarget(plan, goalLikeId, index));
              }}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button-secondary"
        disabled={editing.readOnly}
        onClick={() => {
          editing.edit(`${path}.targets`, (plan) => addTarget(plan, goalLikeId, NEW_TARGET));
        }}
      >
        Add a target<span className="visually-hidden"> to “{name}”</span>
      </button>
    </div>
  );
}
