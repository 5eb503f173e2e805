import type { ReactElement } from 'react';
import {
  addPastTreatment,
  ageOn,
  editPastTreatment,
  newPastTreatment,
  removePastTreatment,
  setOccupation,
  setPsychosocialHistory,
  unlinkAssessment,
} from '../../plan/index.ts';
import { DateField } from '../fields/DateField.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { AddTextRow } from '../fields/AddTextRow.tsx';
import { RemoveButton } from '../fields/RemoveButton.tsx';

/** Demographics (from the client's record), occupation, psychosocial and treatment history, assessment results. */
export function HistorySection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  const { client, history, progress } = editing.plan;
  const assessments = progress.measurements.filter((m) => history.assessmentIds.includes(m.id));
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Client</dt>
          <dd>{client.name}</dd>
        </div>
        {client.birthDate === undefined ? null : (
          <div>
            <dt>Date of birth</dt>
            <dd>
              {client.birthDate} ({ageOn(client.birthDate, editing.today)} years)
            </dd>
          </div>
        )}
        {client.identifiers.map((identifier) => (
          <div key={`${identifier.label}-${identifier.value}`}>
            <dt>{identifier.label}</dt>
            <dd>{identifier.value}</dd>
          </div>
        ))}
      </dl>
      <TextField
        label="Occupation"
        path="history.occupation"
        value={history.occupation}
        editing={editing}
        onCommit={(text) => {
          editing.edit('history.occupation', (plan) => setOccupation(plan, text));
        }}
      />
      <TextField
        multiline
        label="Psychosocial history"
        hint="Family, social, developmental and relationship history"
        path="history.psychosocialHistory"
        value={history.psychosocialHistory}
        editing={editing}
        onCommit={(text) => {
          editing.edit('history.psychosocialHistory', (plan) => setPsychosocialHistory(plan, text));
        }}
      />
      <h3>Treatment history</h3>
      <ul className="plain-list">
        {history.treatmentHistory.map((past, index) => {
          const path = `history.treatmentHistory[${String(index)}]`;
          return (
            <li key={past.id} className="item-card">
              <div className="field-grid">
                <TextField
                  label="Treatment"
                  path={`${path}.treatment`}
                  value={past.treatment.text}
                  editing={editing}
                  onCommit={(text) => {
                    editing.edit(`${path}.treatment`, (plan) =>
                      editPastTreatment(plan, past.id, { treatment: { text, codes: [] } })
                    );
                  }}
                />
                <DateField
                  label="From"
                  path={`${path}.start`}
                  value={past.start}
                  editing={editing}
                  onCommit={(start) => {
                    editing.edit(`${path}.start`, (plan) => editPastTreatment(plan, past.id, { start }));
                  }}
                />
                <DateField
                  label="To"
                  path={`${path}.end`}
                  value={past.end}
                  editing={editing}
                  onCommit={(end) => {
                    editing.edit(`${path}.end`, (plan) => editPastTreatment(plan, past.id, { end }));
                  }}
                />
                <TextField
                  label="Where or by whom"
                  path={`${path}.provider`}
                  value={past.provider}
                  editing={editing}
                  onCommit={(text) => {
                    editing.edit(`${path}.provider`, (plan) =>
                      editPastTreatment(plan, past.id, { provider: text.trim() || null })
                    );
                  }}
                />
                <TextField
                  label="How it went"
                  path={`${path}.outcome`}
                  value={past.outcome}
                  editing={editing}
                  onCommit={(text) => {
                    editing.edit(`${path}.outcome`, (plan) =>
                      editPastTreatment(plan, past.id, { outcome: text.trim() || null })
                    );
                  }}
                />
              </div>
              <RemoveButton
                what={past.treatment.text}
                disabled={editing.readOnly}
                onRemove={() => {
                  editing.edit(path, (plan) => removePastTreatment(plan, past.id));
                }}
              />
            </li>
          );
        })}
      </ul>
      <div className="field">
        <AddTextRow
          id="new-past-treatment"
          label="New past treatment"
          disabled={editing.readOnly}
          onAdd={(text) => {
            editing.edit('history.treatmentHistory', (plan) =>
              addPastTreatment(plan, newPastTreatment({ treatment: text }, editing.newId))
            );
          }}
        />
      </div>
      <h3>Assessment results</h3>
      {assessments.length === 0 ? <p className="muted">No assessment results linked.</p> : null}
      <ul className="plain-list">
        {assessments.map((m) => (
          <li key={m.id} className="inline-item">
            <span>
              {m.measure.text}: <strong>{m.value.value}</strong> on {m.date.slice(0, 10)}
            </span>
            <button
              type="button"
              className="button-quiet"
              disabled={editing.readOnly}
              onClick={() => {
                editing.edit('history.assessmentIds', (plan) => unlinkAssessment(plan, m.id));
              }}
            >
              Unlink<span className="visually-hidden"> {m.measure.text}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
