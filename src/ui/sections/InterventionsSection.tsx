import { useState, type ReactElement } from 'react';
import { addIntervention, newIntervention } from '../../plan/index.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { InterventionCard } from './InterventionCard.tsx';

/** The interventions of the plan, each tied to the goals it serves. */
export function InterventionsSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  const [draft, setDraft] = useState('');
  return (
    <>
      {editing.plan.interventions.length === 0 ? <p className="muted">No interventions yet.</p> : null}
      <ol className="plain-list">
        {editing.plan.interventions.map((intervention, index) => (
          <InterventionCard key={intervention.id} intervention={intervention} index={index} editing={editing} />
        ))}
      </ol>
      <div className="field">
        <label htmlFor="new-intervention">New intervention (technique)</label>
        <div className="field-row">
          <input
            id="new-intervention"
            type="text"
            value={draft}
            disabled={editing.readOnly}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
          <button
            type="button"
            disabled={editing.readOnly || draft.trim() === ''}
            onClick={() => {
              const intervention = newIntervention(
                { technique: draft.trim(), performer: 'clinician', start: editing.today },
                editing.newId
              );
              editing.edit('interventions', (plan) => addIntervention(plan, intervention));
              setDraft('');
            }}
          >
            Add intervention
          </button>
        </div>
      </div>
    </>
  );
}
