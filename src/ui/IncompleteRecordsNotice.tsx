import type { ReactElement } from 'react';
import type { IncompleteSearch } from '../fhir/load-plan-records.ts';

export interface IncompleteRecordsNoticeProps {
  readonly incomplete: readonly IncompleteSearch[];
}

function names(entries: readonly IncompleteSearch[]): string {
  return [...new Set(entries.map((entry) => entry.search))].join(', ');
}

/**
 * Says what the load could not read, and apart from that what the EHR may have held back: EHRs filter records
 * they treat as sensitive (mental-health diagnoses, therapy notes), so an empty list there means "may be
 * incomplete", never "none". The server's own words are kept under a disclosure, as text.
 */
export function IncompleteRecordsNotice({ incomplete }: IncompleteRecordsNoticeProps): ReactElement | null {
  if (incomplete.length === 0) {
    return null;
  }
  const unread = incomplete.filter((entry) => entry.withheld !== true);
  const withheld = incomplete.filter((entry) => entry.withheld === true);
  return (
    <div className="notice" role="status" aria-label="The record may be incomplete">
      {unread.length === 0 ? null : (
        <p>Some of the record could not be read ({names(unread)}), so the plan may be incomplete.</p>
      )}
      {withheld.length === 0 ? null : (
        <p>
          The EHR may have held back records it treats as sensitive ({names(withheld)}): where these show none, the
          record may be incomplete rather than empty.
        </p>
      )}
      <details>
        <summary>What the server said</summary>
        <ul>
          {incomplete.map((entry, index) => (
            <li key={String(index)}>
              {entry.search}: {entry.reason}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
