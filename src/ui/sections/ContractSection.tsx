import type { ReactElement } from 'react';
import {
  addGoalForChange,
  editConsent,
  editGoalForChange,
  newConsent,
  recordConsent,
  removeGoalForChange,
  type ConsentToTreatment,
} from '../../plan/index.ts';
import { zonedDateTime } from '../../workspace/clock.ts';
import { RESPONSIBILITY_ROLES } from '../../workspace/pick-lists.ts';
import { DateField } from '../fields/DateField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { TextListEditor } from '../fields/TextListEditor.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { ResponsibilityGroup } from './ResponsibilityGroup.tsx';

const CONSENT_STATUSES: readonly ConsentToTreatment['status'][] = [
  'draft',
  'proposed',
  'active',
  'rejected',
  'inactive',
];
const STATUS_WORDS: Readonly<Record<ConsentToTreatment['status'], string>> = {
  draft: 'Draft',
  proposed: 'Offered to the client',
  active: 'Given',
  rejected: 'Refused',
  inactive: 'Withdrawn',
};

/** What the client wants to change, who does what, and consent to treatment. */
export function ContractSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  const { contract } = editing.plan;
  const consent = contract.consent;
  return (
    <>
      <h3>Goals for change, in the client’s words</h3>
      <TextListEditor
        itemLabel="Goal for change"
        path="contract.goalsForChange"
        items={contract.goalsForChange}
        editing={editing}
        add={addGoalForChange}
        change={editGoalForChange}
        remove={removeGoalForChange}
      />
      <h3>Responsibilities</h3>
      <div className="responsibilities">
        {RESPONSIBILITY_ROLES.map((role) => (
          <ResponsibilityGroup key={role.party} party={role.party} title={role.label} editing={editing} />
        ))}
      </div>
      <h3>Consent to treatment</h3>
      {consent === undefined ? (
        <p>
          <span className="muted">No consent recorded. </span>
          <button
            type="button"
            className="button-secondary"
            disabled={editing.readOnly}
            onClick={() => {
              editing.edit('contract.consent', (plan) => recordConsent(plan, newConsent({}, editing.newId)));
            }}
          >
            Record consent
          </button>
        </p>
      ) : (
        <div className="field-grid">
          <SelectField
            label="Consent status"
            path="contract.consent.status"
            value={consent.status}
            options={CONSENT_STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] }))}
            editing={editing}
            onCommit={(value) => {
              const status = CONSENT_STATUSES.find((s) => s === value) ?? 'draft';
              editing.edit('contract.consent.status', (plan) => editConsent(plan, { status }));
            }}
          />
          <DateField
            label="Date consent given"
            path="contract.consent.dateTime"
            value={consent.dateTime?.slice(0, 10)}
            editing={editing}
            onCommit={(date) => {
              editing.edit('contract.consent.dateTime', (plan) =>
                editConsent(plan, { dateTime: date === null ? null : zonedDateTime(date, '12:00') })
              );
            }}
          />
          <TextField
            label="Given by"
            hint="The client, or a guardian for a minor"
            path="contract.consent.grantor"
            value={consent.grantor?.name}
            editing={editing}
            onCommit={(name) => {
              editing.edit('contract.consent.grantor', (plan) =>
                editConsent(plan, { grantor: name.trim() === '' ? null : { ...consent.grantor, name } })
              );
            }}
          />
          <DateField
            label="Covers from"
            path="contract.consent.start"
            value={consent.start}
            editing={editing}
            onCommit={(start) => {
              editing.edit('contract.consent.start', (plan) => editConsent(plan, { start }));
            }}
          />
          <DateField
            label="Covers until"
            path="contract.consent.end"
            value={consent.end}
            editing={editing}
            onCommit={(end) => {
              editing.edit('contract.consent.end', (plan) => editConsent(plan, { end }));
            }}
          />
        </div>
      )}
    </>
  );
}
