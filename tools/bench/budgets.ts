/**
 * The budgets of issue 4 §6 and DESIGN.md §7, in one place for `npm run bench` and the weight budget test, and the
 * parts of the app that must load only when first used, each recognised in the build by a string only it holds.
 */

/** Gzipped JavaScript and CSS of launch.html, in bytes (kB = 1000 bytes, as Vite reports). */
export const LAUNCH_BUDGET_BYTES = 30_000;
/** Gzipped JavaScript and CSS of index.html's first load, before any lazy chunk, in bytes. */
export const WORKSPACE_BUDGET_BYTES = 220_000;
/** Sequential round trips to show a plan, once the token is in hand. */
export const SHOW_ROUND_TRIPS_BUDGET = 2;
/** Requests to save a plan: one transaction. */
export const SAVE_REQUESTS_BUDGET = 1;

export interface LazyPart {
  readonly name: string;
  /**
   * A string that survives minification and appears only in this part's scripts: a message, a CSS class name
   * given in its code, or a library's own error text. Searched in JavaScript only, since stylesheets loaded up
   * front may name the same classes.
   */
  readonly marker: string;
  /**
   * The source file (from the project root) that brings the part in. While it exists the build must hold the marker
   * in a lazy chunk; a part not built yet is only kept out of the first load.
   */
  readonly source: string;
  /** Gzipped bytes the lazy chunks holding the marker may weigh together, where the part has a budget. */
  readonly budgetBytes?: number;
}

/**
 * Charts, signature capture, the PDF and the goal library load when first used (issue 4 §6). When one of them
 * changes the text its marker comes from, change the marker here too.
 */
export const LAZY_PARTS: readonly LazyPart[] = [
  {
    name: 'goal library',
    marker: 'Low mood, loss of interest, withdrawal',
    source: 'src/catalog/goal-library/depression.ts',
  },
  { name: 'progress chart', marker: 'chart-target-label', source: 'src/ui/progress/ProgressChart.tsx' },
  { name: 'signature pad', marker: 'signature-canvas', source: 'src/ui/signatures/SignaturePad.tsx' },
  { name: 'print view', marker: 'print-toolbar-note', source: 'src/ui/PrintView.tsx' },
  // An error message of pdf-lib's document loader, kept verbatim by the minifier.
  { name: 'PDF (pdf-lib)', marker: 'PDFDocument.load', source: 'src/workspace/plan-pdf.ts' },
  // DOMPurify, with the narrative it sanitises: only records with another system's narrative need it.
  { name: 'narrative sanitiser (DOMPurify)', marker: 'narrative-altered', source: 'src/ui/ForeignNarrative.tsx' },
  // Export, import with its report, and compare (issue 6 §3): a class name only the compare list gives.
  { name: 'exchange panel', marker: 'exchange-compare-sections', source: 'src/ui/exchange/CompareSection.tsx' },
  // The validation pack (R4 and our profiles cut to what the checks read), loaded when an import is first checked:
  // words of R4's Period invariant per-1, which only the pack holds.
  {
    name: 'validation pack',
    marker: 'If present, start SHALL have a lower value than end',
    source: 'src/conformance/browser-definitions.ts',
    budgetBytes: 250_000,
  },
];
