import { useId, useState, type ReactElement } from 'react';
import {
  lockReason,
  newDiagnosis,
  recordDiagnosis,
  removeDiagnosis,
  type Concept,
  type Diagnosis,
} from '../plan/index.ts';
import { DiagnosisPicker } from './DiagnosisPicker.tsx';
import { FieldMessage } from './fields/FieldMessage.tsx';
import { fieldIds } from './fields/field-ids.ts';
import type { PlanEditing } from './plan-editing.ts';
import './note-mode-panel.css';
import { RemoveButton } from './fields/RemoveButton.tsx';

export interface NoteModePanelProps {
  readonly editing: PlanEditing;
  readonly searchDiagnoses: (query: string) => readonly Concept[];
}

const WHERE: Readonly<Record<Diagnosis['category'], string>> = {
  'problem-list-item': 'problem list',
  'encounter-diagnosis': "this visit's diagnoses",
};

/**
 * Record keeping on a server where the plan itself cannot be written (issue 5 §2 "Note"): the plan above is the
 * EHR's and stays read-only, but the clinician can add diagnoses to the chart, and sees what Save will file with
 * the note. Scores and progress notes are recorded in the Progress section as on any plan.
 */
export function NoteModePanel({ editing, searchDiagnoses }: NoteModePanelProps): ReactElement {
  const id = useId();
  const [category, setCategory] = useState<Diagnosis['category']>('problem-list-item');
  const disabled = !editing.canRecord;
  const added = editing.plan.diagnoses.filter((d) => !editing.saved.has(d.id));
  const scores = editing.plan.progress.measurements.filter((m) => !editing.saved.has(m.id));
  const visit = editing.plan.session.id?.startsWith('Encounter/') === true;
  const message = editing.messageAt('diagnoses');
  const locked = lockReason(editing.plan) !== undefined;
  return (
    <section className="note-mode-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add to the chart</h3>
      <p className="muted">
        Diagnoses added here go into the saved note, and onto the chart where this server accepts them (see how this
        plan is saved, above). Record scores and progress notes in the Progress section.
      </p>
      {visit ? (
        <div className="field">
          <label htmlFor={`${id}-category`}>Add diagnoses to</label>
          <select
            id={`${id}-category`}
            value={category}
            disabled={disabled}
            onChange={(event) => {
              setCategory(event.target.value === 'encounter-diagnosis' ? 'encounter-diagnosis' : 'problem-list-item');
            }}
          >
            <option value="problem-list-item">The problem list</option>
            <option value="encounter-diagnosis">This visit&apos;s diagnoses</option>
          </select>
        </div>
      ) : null}
      <DiagnosisPicker
        search={searchDiagnoses}
        disabled={disabled}
        onPick={(condition) => {
          editing.edit('diagnoses', (plan) =>
            recordDiagnosis(plan, newDiagnosis({ condition, category, role: 'comorbidity' }, editing.newId))
          );
        }}
      />
      <FieldMessage id={fieldIds('diagnoses').message} message={message} />
      {added.length === 0 && scores.length === 0 ? (
        <p className="muted">Nothing new yet: saving files the plan as it is shown.</p>
      ) : (
        <>
          <p>Saving will also file:</p>
          <ul className="note-mode-pending" aria-label="Filed with the note">
            {added.map((diagnosis) => (
              <li key={diagnosis.id}>
                {diagnosis.condition.text} ({WHERE[diagnosis.category]}){' '}
                {/* A signed plan's diagnoses cannot be removed; discarding the changes takes a new one back. */}
                {locked ? null : (
                  <RemoveButton
                    what={diagnosis.condition.text}
                    disabled={disabled}
                    onRemove={() => {
                      editing.edit('diagnoses', (plan) => removeDiagnosis(plan, diagnosis.id));
                    }}
                  />
                )}
              </li>
            ))}
            {scores.map((score) => (
              <li key={score.id}>
                {score.measure.text}: {String(score.value.value)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
