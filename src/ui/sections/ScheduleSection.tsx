import type { ReactElement } from 'react';
import { setFormat, setModality, setSessionFrequency, setSessionMinutes, setTreatmentDates } from '../../plan/index.ts';
import { codeOf, FORMATS, optionNamed, THERAPY_MODALITIES } from '../../workspace/pick-lists.ts';
import { DateField } from '../fields/DateField.tsx';
import { FrequencyField } from '../fields/FrequencyField.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';

/** Modality, format, how often and how long sessions are, and when treatment starts and is expected to end. */
export function ScheduleSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  const { schedule } = editing.plan;
  return (
    <div className="field-grid">
      <TextField
        label="Modality"
        hint="Choose from the list to code it, or describe it in your words"
        path="schedule.modality"
        value={schedule.modality?.text}
        suggestions={THERAPY_MODALITIES.map((m) => m.label)}
        editing={editing}
        onCommit={(text) => {
          const listed = optionNamed(THERAPY_MODALITIES, text);
          editing.edit('schedule.modality', (plan) =>
            setModality(
              plan,
              text.trim() === '' ? null : listed ? { text: listed.label, codes: [codeOf(listed)] } : { text, codes: [] }
            )
          );
        }}
      />
      <SelectField
        label="Format"
        path="schedule.format"
        value={schedule.format?.text}
        emptyLabel="Not recorded"
        options={FORMATS.map((f) => ({ value: f, label: f }))}
        editing={editing}
        onCommit={(text) => {
          editing.edit('schedule.format', (plan) => setFormat(plan, text === '' ? null : { text, codes: [] }));
        }}
      />
      <FrequencyField
        label="Session frequency"
        path="schedule.sessionFrequency"
        value={schedule.sessionFrequency}
        editing={editing}
        onCommit={(frequency) => {
          editing.edit('schedule.sessionFrequency', (plan) => setSessionFrequency(plan, frequency));
        }}
      />
      <NumberField
        label="Session length (minutes)"
        path="schedule.sessionMinutes"
        value={schedule.sessionMinutes}
        min={1}
        step={1}
        editing={editing}
        onCommit={(minutes) => {
          editing.edit('schedule.sessionMinutes', (plan) => setSessionMinutes(plan, minutes));
        }}
      />
      <DateField
        label="Treatment starts"
        path="schedule.startDate"
        value={schedule.startDate}
        editing={editing}
        onCommit={(startDate) => {
          editing.edit('schedule.startDate', (plan) => setTreatmentDates(plan, { startDate }));
        }}
      />
      <DateField
        label="Expected end"
        path="schedule.targetEndDate"
        value={schedule.targetEndDate}
        editing={editing}
        onCommit={(targetEndDate) => {
          editing.edit('schedule.targetEndDate', (plan) => setTreatmentDates(plan, { targetEndDate }));
        }}
      />
    </div>
  );
}
