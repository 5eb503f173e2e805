import type { ReactElement } from 'react';
import { checkCompleteness, type TreatmentPlan } from '../plan/index.ts';
import { fieldCandidates } from '../workspace/sections.ts';

export interface CompletenessPanelProps {
  readonly plan: TreatmentPlan;
  readonly today: string;
}

/** Brings the first field that exists for a plan path into view and gives it focus. */
function goTo(path: string): void {
  for (const id of fieldCandidates(path)) {
    const element = document.getElementById(id);
    if (element !== null) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
      return;
    }
  }
}

/** The guide's seven questions and the insurer items (issue 4 §4); each failing item links to what fixes it. */
export function CompletenessPanel({ plan, today }: CompletenessPanelProps): ReactElement {
  const items = checkCompleteness(plan, today);
  const failing = items.filter((item) => !item.passed);
  return (
    <details className="panel completeness">
      <summary>
        Completeness check:{' '}
        {failing.length === 0
          ? 'complete'
          : `${String(failing.length)} of ${String(items.length)} items need attention`}
      </summary>
      <ul className="plain-list completeness-list">
        {items.map((item) => (
          <li key={item.id} className={item.passed ? 'check-passed' : 'check-failed'}>
            <span className="check-mark" aria-hidden="true">
              {item.passed ? '✓' : '!'}
            </span>
            <span className="visually-hidden">{item.passed ? 'Passed: ' : 'Needs attention: '}</span>
            <strong>{item.question}</strong> <span className="muted">{item.why}</span>
            {item.paths.length === 0 ? null : (
              <span className="check-links">
                {item.paths.map((path) => (
                  <button
                    key={path}
                    type="button"
                    className="button-quiet"
                    onClick={() => {
                      goTo(path);
                    }}
                  >
                    Fix<span className="visually-hidden"> {item.question}</span>{' '}
                    <code className="fhir-path">{path}</code>
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
