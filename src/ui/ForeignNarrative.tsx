import { useMemo, type ReactElement } from 'react';
import type { ForeignNarrative as Narrative } from '../workspace/foreign-narratives.ts';
import { sanitiseNarrative } from './narrative-sanitiser.ts';

/**
 * Another system's narrative of a care plan, shown as it was written, after sanitising. This is the app's only
 * place that puts server markup into the page (everything else is React text); it loads on first use.
 */
export function ForeignNarrative({ narrative }: { readonly narrative: Narrative }): ReactElement {
  const { html, altered } = useMemo(() => sanitiseNarrative(narrative.div), [narrative.div]);
  return (
    <div className="foreign-narrative">
      {/* The one sanitised path: narrative-sanitiser.ts keeps only text, list, table and safe link markup. */}
      <div className="narrative-body" dangerouslySetInnerHTML={{ __html: html }} />
      {altered ? (
        <p className="muted narrative-altered">
          Scripts, styling or links this app does not show were taken out of this narrative for safety.
        </p>
      ) : null}
    </div>
  );
}
