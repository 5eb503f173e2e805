import type { ReactElement } from 'react';
import type { NotUnderstood } from '../mapping/index.ts';
import type { ForeignNarrative } from '../workspace/foreign-narratives.ts';
import { ForeignNarratives } from './ForeignNarratives.tsx';

export interface OtherSystemsPanelProps {
  readonly items: readonly NotUnderstood[];
  /** Care-plan narratives other systems wrote, shown sanitised below the list. */
  readonly narratives?: readonly ForeignNarrative[];
}

/** What the reader could not place in the plan, shown rather than hidden (issue 4 §1). Server text stays text. */
export function OtherSystemsPanel({ items, narratives = [] }: OtherSystemsPanelProps): ReactElement | null {
  if (items.length === 0 && narratives.length === 0) return null;
  return (
    <details className="panel other-systems">
      <summary>
        From other systems: {items.length} {items.length === 1 ? 'item' : 'items'} this app does not show in the plan
      </summary>
      <p className="muted">These stay in the client’s record unchanged; saving the plan does not remove them.</p>
      {items.length > 0 ? (
        <ul aria-label="From other systems">
          {items.map((item, index) => (
            <li key={index}>
              <span className="resource-ref">{item.resource}</span> <code className="fhir-path">{item.path}</code>{' '}
              <span>{item.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ForeignNarratives narratives={narratives} />
    </details>
  );
}
