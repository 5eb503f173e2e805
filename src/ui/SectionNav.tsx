import type { ReactElement } from 'react';
import { sectionAnchor, SECTIONS, type SectionId } from '../workspace/sections.ts';

/** Links to each section; following one moves focus to its heading so keyboard users land there too. */
export function SectionNav({ flagged }: { readonly flagged: ReadonlySet<SectionId> }): ReactElement {
  return (
    <nav className="section-nav" aria-label="Plan sections">
      <ol>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              href={`#${sectionAnchor(section.id)}`}
              onClick={(event) => {
                const heading = document.getElementById(`${sectionAnchor(section.id)}-heading`);
                if (heading === null) return;
                event.preventDefault();
                heading.scrollIntoView({ block: 'start' });
                heading.focus({ preventScroll: true });
              }}
            >
              {section.title}
              {flagged.has(section.id) ? <span className="nav-flag"> (needs attention)</span> : null}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
