import { useState, type ReactElement, type SyntheticEvent } from 'react';
import { attemptEdit, recordMeasurement, type GoalLike, type MeasurableTarget } from '../../plan/index.ts';
import { unitWords } from '../../workspace/outline-words.ts';
import { describedBy } from '../fields/field-ids.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { hasProblems, scoreMeasurement, scoreProblems, type ScoreProblems } from './score-entry.ts';

export interface AddScoreFormProps {
  readonly item: GoalLike;
  readonly target: MeasurableTarget;
  /** Prefix of the form's element ids. */
  readonly idBase: string;
  readonly editing: PlanEditing;
  readonly now: () => Date;
}

/**
 * "Add a score" for one target: date (today unless changed) and value, recorded as a measurement of the target's
 * measure linked to the goal or objective. Record keeping, so it stays open on a signed plan (`canRecord`).
 * Problems show at their field and what was typed stays until it is recorded.
 */
export function AddScoreForm({ item, target, idBase, editing, now }: AddScoreFormProps): ReactElement {
  const [date, setDate] = useState(editing.today);
  const [value, setValue] = useState('');
  const [problems, setProblems] = useState<ScoreProblems>({});
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const ids = { date: `${idBase}-date`, value: `${idBase}-value`, form: `${idBase}-message` };
  const unit = unitWords(target.value.unit);
  const disabled = !editing.canRecord;

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    const entry = { date, value };
    const found = scoreProblems(entry, target.value.unit, editing.today);
    setProblems(found);
    setAdded(undefined);
    if (hasProblems(found)) return;
    const measurement = scoreMeasurement(entry, target, item.id, now(), editing.newId);
    // Checked here first, so a refused score keeps what was typed and says why next to the form.
    const outcome = attemptEdit(() => recordMeasurement(editing.plan, measurement));
    if (!outcome.ok) {
      setRefusal(outcome.error.message);
      return;
    }
    setRefusal(undefined);
    editing.edit('progress.measurements', (plan) => recordMeasurement(plan, measurement));
    setValue('');
    setAdded(`Added ${measurement.value.value.toString()} on ${entry.date}. Save the plan to keep it.`);
  };

  return (
    <form
      className="add-score"
      aria-label={`Add a score: ${target.measure.text}, for ${item.description.text}`}
      onSubmit={submit}
      noValidate
    >
      <div className="field">
        <label htmlFor={ids.date}>Date of the score</label>
        <input
          id={ids.date}
          type="date"
          value={date}
          max={editing.today}
          disabled={disabled}
          onChange={(event) => {
            setDate(event.target.value);
          }}
          {...describedBy(`${ids.date}-message`, problems.date)}
        />
        <FieldMessage id={`${ids.date}-message`} message={problems.date} />
      </div>
      <div className="field">
        <label htmlFor={ids.value}>
          {target.measure.text}
          {unit === '' ? '' : ` (${unit})`}
        </label>
        <input
          id={ids.value}
          type="number"
          inputMode="decimal"
          step="any"
          className="narrow"
          value={value}
          disabled={disabled}
          onChange={(event) => {
            setValue(event.target.value);
          }}
          {...describedBy(`${ids.value}-message`, problems.value)}
        />
        <FieldMessage id={`${ids.value}-message`} message={problems.value} />
      </div>
      <button type="submit" disabled={disabled}>
        Add score
      </button>
      <FieldMessage id={ids.form} message={refusal} />
      <p className="muted add-score-status" role="status">
        {added ?? ''}
      </p>
    </form>
  );
}
