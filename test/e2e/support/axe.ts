/**
 * axe-core in the page: its serious and critical violations, each with the rule, its help text and where. The
 * page's context must be created with `bypassCSP: true`, since axe-core is injected as a script the app's Content
 * Security Policy would refuse.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

let axeSource: Promise<string> | undefined;

function loadAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * The serious and critical violations within `selector` (default the whole document), every details element
 * opened first so that what it hides is checked too. Printed when there are any, so a failure says what to fix.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<Violation[]> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  await page.evaluate(await loadAxe());
  const found = await page.evaluate(async (within) => {
    type Results = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    const axe = (
      window as unknown as { axe: { run: (context: Element | Document, options: object) => Promise<Results> } }
    ).axe;
    const context = within === undefined ? document : document.querySelector(within);
    if (context === null) return [{ id: 'no-such-element', impact: 'critical', help: String(within), nodes: [] }];
    const results = await axe.run(context, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    }));
  }, selector);
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) console.log(`axe-core on ${page.url()}:\n${JSON.stringify(serious, null, 2)}`);
  return serious;
}
