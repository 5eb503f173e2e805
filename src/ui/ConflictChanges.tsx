import type { ReactElement } from 'react';
import type { ConflictChanges as Changes } from '../workspace/conflict-changes.ts';
import type { SectionChanges } from '../workspace/plan-diff.ts';
import './conflict-changes.css';

const MARK: Readonly<Record<SectionChanges['changes'][number]['kind'], string>> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** The changes of one side, a heading and a list per section. */
function SectionList(props: { readonly sections: readonly SectionChanges[]; readonly label: string }): ReactElement {
  const { sections, label } = props;
  return (
    <div className="conflict-sections">
      {sections.map((section) => (
        <section key={section.section} aria-label={`${label}: ${section.title}`}>
          <h5>{section.title}</h5>
          <ul>
            {section.changes.map((change, index) => (
              <li key={index} className={`conflict-change conflict-${change.kind}`}>
                <span className="visually-hidden">{MARK[change.kind]}: </span>
                {change.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * After a conflict: what changed on the server since the clinician opened the plan, and what they changed, per
 * section, before they choose to re-apply or discard their edits. Every text is the plan's own, shown as text.
 */
export function ConflictChanges({ changes }: { readonly changes: Changes }): ReactElement {
  return (
    <div className="conflict-changes">
      <div className="conflict-side" role="group" aria-labelledby="conflict-theirs-heading">
        <h4 id="conflict-theirs-heading">Changed on the server since you opened the plan</h4>
        {changes.theirs.length === 0 ? (
          <p className="muted">
            Nothing in the plan’s content; its records were saved again (for example a score or signature elsewhere).
          </p>
        ) : (
          <SectionList sections={changes.theirs} label="On the server" />
        )}
      </div>
      <div className="conflict-side" role="group" aria-labelledby="conflict-mine-heading">
        <h4 id="conflict-mine-heading">Your changes</h4>
        {changes.mine.length === 0 ? (
          <p className="muted">None to the plan’s content.</p>
        ) : (
          <SectionList sections={changes.mine} label="Your changes" />
        )}
      </div>
    </div>
  );
}
