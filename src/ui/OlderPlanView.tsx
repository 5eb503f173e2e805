import type { ReactElement } from 'react';
import type { PlanReading } from '../mapping/index.ts';
import { randomIds, type Concept } from '../plan/index.ts';
import type { ForeignNarrative } from '../workspace/foreign-narratives.ts';
import { ForeignNarratives } from './ForeignNarratives.tsx';
import { OtherSystemsPanel } from './OtherSystemsPanel.tsx';
import type { PlanEditing } from './plan-editing.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { ReadOnlyNotice } from './ReadOnlyNotice.tsx';

export interface OlderPlanViewProps {
  readonly reading: PlanReading;
  /** The plan's narrative when another system wrote it (shown sanitised: it may say what the reader could not place). */
  readonly narratives?: readonly ForeignNarrative[];
  readonly today: string;
  readonly search: (query: string) => readonly Concept[];
  readonly onBack: () => void;
}

/** An earlier plan of the client, shown read-only for reference. */
export function OlderPlanView({ reading, narratives = [], today, search, onBack }: OlderPlanViewProps): ReactElement {
  const editing: PlanEditing = {
    plan: reading.plan,
    readOnly: true,
    canRecord: false,
    today,
    newId: randomIds,
    saved: new Set(),
    edit: () => undefined,
    messageAt: () => undefined,
  };
  return (
    <div className="workbench">
      <div className="plan-heading">
        <h2 className="plan-title">{reading.plan.title}</h2>
        <span className="plan-status">{reading.plan.status}</span>
        <button type="button" className="button-secondary" onClick={onBack}>
          Back to the current plan
        </button>
      </div>
      <ReadOnlyNotice reasons={['This is an earlier plan, shown for reference.']} />
      <ForeignNarratives narratives={narratives} />
      <PlanEditor editing={editing} searchDiagnoses={search} />
      <OtherSystemsPanel items={reading.notUnderstood} />
    </div>
  );
}
