import type { ReactElement } from 'react';
import {
  editIntervention,
  removeDraftIntervention,
  stopIntervention,
  type Intervention,
  type Party,
} from '../../plan/index.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import { FrequencyField } from '../fields/FrequencyField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { InterventionGoals } from './InterventionGoals.tsx';

export interface InterventionCardProps {
  readonly intervention: Intervention;
  readonly index: number;
  readonly editing: PlanEditing;
}

const PARTIES: readonly Party[] = ['clinician', 'client', 'family', 'other'];
const STATUSES: readonly Intervention['status'][] = ['draft', 'active', 'on-hold', 'completed', 'revoked'];
const STATUS_WORDS: Readonly<Record<Intervention['status'], string>> = {
  draft: 'Draft',
  active: 'Active',
  'on-hold': 'On hold',
  completed: 'Completed',
  revoked: 'Stopped',
};
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** One intervention: technique, how it is applied, how often, by whom, its status and the goals it serves. */
export function InterventionCard({ intervention, index, editing }: InterventionCardProps): ReactElement {
  const path = `interventions[${String(index)}]`;
  const id = intervention.id;
  return (
    <li className="item-card">
      <div className="field-grid">
        <TextField
          label={`Intervention ${String(index + 1)}`}
          path={`${path}.technique`}
          value={intervention.technique.text}
          editing={editing}
          onCommit={(text) => {
            editing.edit(`${path}.technique`, (plan) => editIntervention(plan, id, { technique: { text, codes: [] } }));
          }}
        />
        <FrequencyField
          label="How often"
          path={`${path}.frequency`}
          value={intervention.frequency}
          editing={editing}
          onCommit={(frequency) => {
            editing.edit(`${path}.frequency`, (plan) => editIntervention(plan, id, { frequency }));
          }}
        />
        <SelectField
          label="Performed by"
          path={`${path}.performer`}
          value={intervention.performer}
          emptyLabel="Not set"
          options={PARTIES.map((p) => ({ value: p, label: capital(p) }))}
          editing={editing}
          onCommit={(value) => {
            const performer = PARTIES.find((p) => p === value) ?? null;
            editing.edit(`${path}.performer`, (plan) => editIntervention(plan, id, { performer }));
          }}
        />
        <SelectField
          label="Status"
          path={`${path}.status`}
          value={intervention.status}
          options={STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] }))}
          editing={editing}
          onCommit={(value) => {
            const status = STATUSES.find((s) => s === value) ?? 'active';
            editing.edit(`${path}.status`, (plan) =>
              status === 'completed' || status === 'revoked'
                ? stopIntervention(plan, id, { status, on: editing.today })
                : editIntervention(plan, id, { status, end: null })
            );
          }}
        />
      </div>
      <TextField
        multiline
        label="How it is applied for this client"
        path={`${path}.application`}
        value={intervention.application}
        editing={editing}
        onCommit={(text) => {
          editing.edit(`${path}.application`, (plan) =>
            editIntervention(plan, id, { application: text.trim() === '' ? null : text })
          );
        }}
      />
      <InterventionGoals intervention={intervention} path={path} editing={editing} />
      <button
        type="button"
        className="button-quiet"
        disabled={editing.readOnly}
        onClick={() => {
          editing.edit(path, (plan) => removeDraftIntervention(plan, id, { saved: editing.saved.has(id) }));
        }}
      >
        Remove intervention {index + 1}
      </button>
      <FieldMessage id={fieldIds(path).message} message={editing.messageAt(path)} />
    </li>
  );
}
