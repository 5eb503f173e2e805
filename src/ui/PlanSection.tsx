import type { ReactElement, ReactNode } from 'react';
import type { ShownIssue } from '../workspace/save-outcome.ts';
import { sectionAnchor, SECTIONS, type SectionId } from '../workspace/sections.ts';

export interface PlanSectionProps {
  readonly id: SectionId;
  /** What the server said about this section when it refused the last save. */
  readonly issues?: readonly ShownIssue[];
  readonly children: ReactNode;
}

/** One section of the plan: a landmark with a heading the navigation links to. */
export function PlanSection({ id, issues = [], children }: PlanSectionProps): ReactElement {
  const anchor = sectionAnchor(id);
  const title = SECTIONS.find((s) => s.id === id)?.title ?? id;
  return (
    <section id={anchor} className="plan-section" aria-labelledby={`${anchor}-heading`}>
      <h2 id={`${anchor}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {issues.length > 0 ? (
        <ul className="section-issues" aria-label={`Server issues in ${title}`}>
          {issues.map((issue, index) => (
            <li key={index}>
              {issue.message}
              {issue.expression === undefined ? null : <code className="fhir-path">{issue.expression}</code>}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}
