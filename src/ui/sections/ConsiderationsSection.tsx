import type { ReactElement } from 'react';
import {
  addClientPreference,
  addCulturalConsideration,
  editClientPreference,
  editCulturalConsideration,
  removeClientPreference,
  removeCulturalConsideration,
} from '../../plan/index.ts';
import { TextListEditor } from '../fields/TextListEditor.tsx';
import type { PlanEditing } from '../plan-editing.ts';

/** The client's preferences and the cultural considerations that shape the plan. */
export function ConsiderationsSection({ editing }: { readonly editing: PlanEditing }): ReactElement {
  const { considerations } = editing.plan;
  return (
    <div className="columns two">
      <div>
        <h3>Client preferences</h3>
        <TextListEditor
          itemLabel="Preference"
          path="considerations.clientPreferences"
          items={considerations.clientPreferences}
          editing={editing}
          add={addClientPreference}
          change={editClientPreference}
          remove={removeClientPreference}
        />
      </div>
      <div>
        <h3>Cultural considerations</h3>
        <TextListEditor
          itemLabel="Consideration"
          path="considerations.culturalConsiderations"
          items={considerations.culturalConsiderations}
          editing={editing}
          add={addCulturalConsideration}
          change={editCulturalConsideration}
          remove={removeCulturalConsideration}
        />
      </div>
    </div>
  );
}
