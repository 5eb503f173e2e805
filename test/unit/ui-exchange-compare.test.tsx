// @vitest-environment jsdom
/**
 * Comparing plans in the Exchange panel (issue 6 §3): two plans of the client, or a plan and a file, side by side
 * per section, e.g. what changed since the last review.
 */
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { exportPlan } from '../../src/exchange/index.ts';
import { plansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { exampleRecords } from './workspace-example-records.ts';
import { buttonIn, labelled, openExchange, part, paste, select, tick, waitUntil } from './ui-exchange-harness.tsx';
import { NOW, renderWorkspace, setupFor, type Rendered } from './ui-workspace-harness.tsx';

const RECORDS = exampleRecords('george-smith');
const PLANS = plansOnRecord(RECORDS);
const EARLIER = PLANS.others[0];

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

async function comparePart(): Promise<HTMLElement> {
  rendered = renderWorkspace(setupFor(RECORDS), RECORDS);
  return part(await openExchange(rendered.page), 'Compare');
}

async function pressCompare(root: HTMLElement): Promise<void> {
  await act(async () => {
    buttonIn(root, 'Compare').click();
    await Promise.resolve();
  });
  await waitUntil(
    () => root.querySelector('.exchange-compare-sections, [role="alert"]') !== null,
    'the comparison or an error'
  );
}

/** What the comparison shows: per section heading, its lines. */
function shownSections(root: HTMLElement): Record<string, string[]> {
  const sections = [...root.querySelectorAll('.exchange-compare-sections section')];
  return Object.fromEntries(
    sections.map((section) => [
      section.querySelector('h5')?.textContent ?? '',
      [...section.querySelectorAll('li')].map((li) => li.textContent),
    ])
  );
}

describe('comparing plans in the Exchange panel', () => {
  test('the earlier plan against the plan on screen shows, per section, what the revision changed', async () => {
    if (EARLIER === undefined) throw new Error('George Smith has an earlier plan');
    const compare = await comparePart();
    expect(labelled(compare, 'Compare (earlier)', HTMLSelectElement).value).toBe(EARLIER.address);
    expect(labelled(compare, 'with (later)', HTMLSelectElement).value).toBe('screen');

    await pressCompare(compare);

    const sections = shownSections(compare);
    expect(compare.querySelector('.exchange-compare-sections h4')?.textContent).toContain(EARLIER.title);
    expect(sections['The plan']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Changed: Title “.*June 2026.*” → “.*revised August 2026.*”$/)])
    );
    expect(Object.keys(sections).length).toBeGreaterThan(1);
  });

  test('the current plan as saved against the unchanged plan on screen: no differences', async () => {
    if (PLANS.currentAddress === undefined) throw new Error('George Smith has a current plan');
    const compare = await comparePart();
    select(labelled(compare, 'Compare (earlier)', HTMLSelectElement), PLANS.currentAddress);

    await pressCompare(compare);

    expect(compare.querySelector('.exchange-compare-sections p')?.textContent).toBe(
      'No differences: the two plans say the same in every section.'
    );
    expect(compare.querySelectorAll('.exchange-compare-sections section')).toHaveLength(0);
  });

  test('a pasted file of the earlier plan compares as the earlier plan on record does', async () => {
    if (EARLIER === undefined) throw new Error('George Smith has an earlier plan');
    const compare = await comparePart();
    await pressCompare(compare);
    const fromRecord = shownSections(compare);

    select(labelled(compare, 'Compare (earlier)', HTMLSelectElement), 'file');
    tick(compare, 'Pasted text');
    const file = exportPlan(RECORDS, { planId: EARLIER.address, format: 'transaction', now: NOW });
    paste(labelled(compare, 'Paste the plan to compare', HTMLTextAreaElement), JSON.stringify(file));
    await pressCompare(compare);

    expect(compare.querySelector('.exchange-compare-sections h4')?.textContent).toBe(
      `From “pasted text” to “The plan on screen (with unsaved changes)”`
    );
    expect(shownSections(compare)).toEqual(fromRecord);
  });

  test('a file that is not valid JSON gets a clear error and no comparison', async () => {
    const compare = await comparePart();
    select(labelled(compare, 'Compare (earlier)', HTMLSelectElement), 'file');
    tick(compare, 'Pasted text');
    paste(labelled(compare, 'Paste the plan to compare', HTMLTextAreaElement), '{"resourceType": "CarePlan",');

    await pressCompare(compare);

    expect(compare.querySelector('[role="alert"]')?.textContent).toMatch(
      /^The plans could not be compared: The file is not valid JSON\b.*: .+/
    );
    expect(compare.querySelector('.exchange-compare-sections')).toBeNull();
  });
});
