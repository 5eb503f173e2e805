import { useEffect, useLayoutEffect, useMemo, useRef, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import type { TreatmentPlan } from '../plan/index.ts';
import { dateTimeWords } from '../workspace/outline-words.ts';
import { planOutline } from '../workspace/plan-outline.ts';
import { PrintOutlineBlock } from './PrintOutlineBlock.tsx';
import { PrintSignature } from './PrintSignature.tsx';
import './print-view.css';

export interface PrintViewProps {
  readonly plan: TreatmentPlan;
  /** When the view was opened (a zoned date-time), printed at the foot of every page. */
  readonly printedAt: string;
  readonly onClose: () => void;
}

/** The class on `<body>` while the view is open: it hides the app so that only the plan is shown and printed. */
const OPEN_CLASS = 'print-view-open';
const PRINT_DELAY_MS = 50;

/**
 * The plan as a clean printable document (issue 4 §4 "Print"): the same outline the PDF lays out, the client's
 * name and second identifier at the head of every printed page, and the signature lines. Opens the browser's
 * print dialog once shown; "Print" opens it again and "Back to the plan" (or Escape) returns to the workspace.
 */
export function PrintView({ plan, printedAt, onClose }: PrintViewProps): ReactElement {
  const outline = useMemo(() => planOutline(plan), [plan]);
  const heading = useRef<HTMLHeadingElement>(null);
  const who = [outline.client.name, outline.client.identifier].filter((part) => part !== undefined).join(', ');

  useLayoutEffect(() => {
    document.body.classList.add(OPEN_CLASS);
    return () => {
      document.body.classList.remove(OPEN_CLASS);
    };
  }, []);

  useEffect(() => {
    heading.current?.focus();
    // A moment for the view (and drawn signatures) to be laid out before the print dialog takes the page.
    const timer = window.setTimeout(() => {
      window.print();
    }, PRINT_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, []);

  return createPortal(
    <div
      className="print-view"
      role="dialog"
      aria-modal="true"
      aria-labelledby="print-view-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="print-toolbar">
        <p className="print-toolbar-note">Printable plan. Choose “Save as PDF” in the print dialog to keep a copy.</p>
        <button
          type="button"
          onClick={() => {
            window.print();
          }}
        >
          Print
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          Back to the plan
        </button>
      </div>
      <table className="print-frame" role="presentation">
        <thead>
          <tr>
            <td>
              <p className="print-running-head">{who}</p>
            </td>
          </tr>
        </thead>
        <tfoot>
          <tr>
            <td>
              <p className="print-running-foot">
                Printed {dateTimeWords(printedAt) ?? printedAt}. {outline.title}.
              </p>
            </td>
          </tr>
        </tfoot>
        <tbody>
          <tr>
            <td>
              <article className="print-document">
                <h1 id="print-view-title" ref={heading} tabIndex={-1}>
                  {outline.title}
                </h1>
                {outline.summary === undefined ? null : <p className="print-summary">{outline.summary}</p>}
                {outline.sections.map((section) => (
                  <section key={section.id} className="print-section" aria-labelledby={`print-${section.id}`}>
                    <h2 id={`print-${section.id}`}>{section.heading}</h2>
                    {section.blocks.map((block, index) => (
                      <PrintOutlineBlock key={String(index)} block={block} level={3} />
                    ))}
                  </section>
                ))}
                <section className="print-section print-signatures" aria-labelledby="print-signatures">
                  <h2 id="print-signatures">{outline.signaturesHeading}</h2>
                  {outline.signatures.map((line, index) => (
                    <PrintSignature key={String(index)} line={line} />
                  ))}
                </section>
              </article>
            </td>
          </tr>
        </tbody>
      </table>
    </div>,
    document.body
  );
}
