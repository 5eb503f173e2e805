import type { ReactElement } from 'react';
import {
  addDiagnosis,
  editDiagnosis,
  newDiagnosis,
  removeDiagnosis,
  setDiagnosisRole,
  setDiagnosisStatus,
  type Concept,
  type Diagnosis,
  type DiagnosisStatus,
} from '../../plan/index.ts';
import { DiagnosisPicker } from '../DiagnosisPicker.tsx';
import { DateField } from '../fields/DateField.tsx';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { problemFieldEditing, type PlanEditing } from '../plan-editing.ts';
import { RemoveButton } from '../fields/RemoveButton.tsx';

export interface DiagnosesSectionProps {
  readonly editing: PlanEditing;
  readonly search: (query: string) => readonly Concept[];
}

const STATUSES: readonly DiagnosisStatus[] = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'];

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1).replaceAll('-', ' ');

/** Diagnoses the plan treats (focus) or that shape it, with ICD-10-CM / SNOMED codes, status and onset. */
export function DiagnosesSection({ editing, search }: DiagnosesSectionProps): ReactElement {
  return (
    <>
      {editing.plan.diagnoses.length === 0 ? <p className="muted">No diagnoses yet.</p> : null}
      <ul className="plain-list">
        {editing.plan.diagnoses.map((item, index) => {
          const path = `diagnoses[${String(index)}]`;
          // Status, category and onset are the Condition's own; role and removal are the plan's (its CarePlan).
          const condition = problemFieldEditing(editing, item.id);
          const held = condition !== editing;
          return (
            <li key={item.id} className="item-card">
              <p className="item-title">
                {item.condition.text}{' '}
                <span className="codes">{item.condition.codes.map((c) => c.code).join(' · ')}</span>
              </p>
              {held ? <p className="muted held-problem">{editing.heldProblems?.reason}</p> : null}
              <div className="field-grid">
                <SelectField
                  label="Clinical status"
                  path={`${path}.clinicalStatus`}
                  value={item.clinicalStatus}
                  options={STATUSES.map((s) => ({ value: s, label: capital(s) }))}
                  editing={condition}
                  onCommit={(value) => {
                    const status = STATUSES.find((s) => s === value) ?? 'active';
                    editing.edit(`${path}.clinicalStatus`, (plan) =>
                      setDiagnosisStatus(plan, item.id, status, editing.today)
                    );
                  }}
                />
                <SelectField
                  label="Role in the plan"
                  path={`${path}.role`}
                  value={item.role}
                  options={[
                    { value: 'focus', label: 'Focus of treatment' },
                    { value: 'comorbidity', label: 'Comorbidity' },
                  ]}
                  editing={editing}
                  onCommit={(value) => {
                    editing.edit(`${path}.role`, (plan) =>
                      setDiagnosisRole(plan, item.id, value === 'comorbidity' ? 'comorbidity' : 'focus')
                    );
                  }}
                />
                <SelectField
                  label="Recorded as"
                  path={`${path}.category`}
                  value={item.category}
                  options={[
                    { value: 'problem-list-item', label: 'Problem list' },
                    { value: 'encounter-diagnosis', label: 'This session’s diagnosis' },
                  ]}
                  editing={condition}
                  onCommit={(value) => {
                    const category: Diagnosis['category'] =
                      value === 'encounter-diagnosis' ? value : 'problem-list-item';
                    editing.edit(`${path}.category`, (plan) => editDiagnosis(plan, item.id, { category }));
                  }}
                />
                <DateField
                  label="Onset"
                  path={`${path}.onset`}
                  value={item.onset?.date}
                  editing={condition}
                  onCommit={(date) => {
                    editing.edit(`${path}.onset`, (plan) =>
                      editDiagnosis(plan, item.id, { onset: date === null ? null : { ...item.onset, date } })
                    );
                  }}
                />
              </div>
              <RemoveButton
                what={item.condition.text}
                disabled={editing.readOnly}
                describedBy={fieldIds(path).message}
                onRemove={() => {
                  editing.edit(path, (plan) => removeDiagnosis(plan, item.id));
                }}
              />
              <FieldMessage id={fieldIds(path).message} message={editing.messageAt(path)} />
            </li>
          );
        })}
      </ul>
      <DiagnosisPicker
        search={search}
        disabled={editing.readOnly}
        onPick={(condition) => {
          editing.edit('diagnoses', (plan) => addDiagnosis(plan, newDiagnosis({ condition }, editing.newId)));
        }}
      />
    </>
  );
}
