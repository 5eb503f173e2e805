import type { ReactElement } from 'react';
import { addIntervention, newIntervention } from '../../plan/index.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { InterventionCard } from './InterventionCard.tsx';
import { AddTextRow } from '../fields/AddTextRow.tsx';

/** The interventions of the plan, each tied to the goals it serves. */
export function InterventionsSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  return (
    <>
      {editing.plan.interventions.length === 0 ? <p className="muted">No interventions yet.</p> : null}
      <ol className="plain-list">
        {editing.plan.interventions.map((intervention, index) => (
          <InterventionCard key={intervention.id} intervention={intervention} index={index} editing={editing} />
        ))}
      </ol>
      <div className="field">
        <AddTextRow
          id="new-intervention"
          label="New intervention (technique)"
          buttonLabel="Add intervention"
          disabled={editing.readOnly}
          onAdd={(text) => {
            const intervention = newIntervention(
              { technique: text, performer: 'clinician', start: editing.today },
              editing.newId
            );
            editing.edit('interventions', (plan) => addIntervention(plan, intervention));
          }}
        />
      </div>
    </>
  );
}
