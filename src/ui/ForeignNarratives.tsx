import { lazy, Suspense, type ReactElement } from 'react';
import type { ForeignNarrative as Narrative } from '../workspace/foreign-narratives.ts';
import './foreign-narrative.css';

// DOMPurify comes only with the first narrative to show.
const ForeignNarrative = lazy(() =>
  import('./ForeignNarrative.tsx').then((module) => ({ default: module.ForeignNarrative }))
);

export interface ForeignNarrativesProps {
  readonly narratives: readonly Narrative[];
  /** Heading level of each narrative's title, to fit the page's outline. */
  readonly level?: 3 | 4;
}

/** Care-plan narratives written by other systems, each under its plan's title and address. */
export function ForeignNarratives({ narratives, level = 3 }: ForeignNarrativesProps): ReactElement | null {
  if (narratives.length === 0) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="foreign-narratives">
      {narratives.map((narrative) => (
        <section
          key={narrative.address}
          className="foreign-narrative-item"
          aria-label={`Narrative of ${narrative.title}`}
        >
          <Heading className="narrative-title">
            Narrative of {narrative.title}{' '}
            <span className="muted">({narrative.address}, written by another system)</span>
          </Heading>
          <Suspense
            fallback={
              <p role="status" className="muted">
                Loading the narrative…
              </p>
            }
          >
            <ForeignNarrative narrative={narrative} />
          </Suspense>
        </section>
      ))}
    </div>
  );
}
