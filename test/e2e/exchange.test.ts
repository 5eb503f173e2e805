/**
 * Export, import and compare in a real browser against the sandbox EHR (issue 6 §3): George Smith's plan is
 * downloaded as a transaction file, compared with the plan it revised, and the file imported back into the same
 * record, where everything is matched and nothing new is written.
 */
import { readFile } from 'node:fs/promises';
import type * as fhir from 'fhir/r4';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld();
});

afterAll(() => world.close());

function part(page: Page, name: 'Export' | 'Import' | 'Compare') {
  return page.getByRole('region', { name, exact: true });
}

/** How many records of each plan type the sandbox holds for George Smith. */
async function georgeCensus(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of ['CarePlan', 'Goal', 'Condition', 'Observation', 'ServiceRequest', 'Consent', 'Provenance']) {
    const query = type === 'Provenance' ? 'Provenance?_count=1000' : `${type}?patient=george-smith&_count=1000`;
    counts[type] = (await world.serverSearch(query)).length;
  }
  return counts;
}

describe('exchanging George Smith’s plan', () => {
  test('export as a transaction file, compare with the earlier plan, import the file back: nothing new', async () => {
    const page = await world.launchFor('George Smith');
    await page.getByRole('button', { name: 'Export, import, compare' }).click();
    await page.getByRole('heading', { name: /^Export, import and compare George .*Smith’s plans$/ }).waitFor();

    // Export: a download from a blob: link, which the page's Content-Security-Policy allows (a navigation).
    const exporting = part(page, 'Export');
    await exporting.getByRole('radio', { name: /FHIR transaction/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exporting.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^george-smith-treatment-plan-\d{4}-\d{2}-\d{2}\.transaction\.json$/);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    const bundle = JSON.parse(text) as fhir.Bundle;
    expect(bundle.type).toBe('transaction');
    expect(
      bundle.entry
        ?.filter((e) => e.resource?.resourceType === 'CarePlan')
        .map((e) => (e.resource as fhir.CarePlan).title)
    ).toContain('Treatment plan: George Smith (revised August 2026)');

    // Compare: the earlier plan with the plan on screen, per section.
    const comparing = part(page, 'Compare');
    await expect.poll(() => comparing.getByLabel('Compare (earlier)').inputValue()).toMatch(/^CarePlan\//);
    await comparing.getByRole('button', { name: 'Compare', exact: true }).click();
    const planChanges = comparing.getByRole('region', { name: 'Differences: The plan' });
    await planChanges.waitFor();
    expect(await planChanges.textContent()).toContain('revised August 2026');

    // Import the exported file back: all matched, nothing written.
    const before = await georgeCensus();
    const importing = part(page, 'Import');
    await importing.getByLabel('Choose the file to import').setInputFiles(file);
    await importing.getByRole('button', { name: 'Check the import' }).click();
    await importing.locator('.exchange-report').waitFor({ timeout: 20_000 });
    // Validated in the browser with the validation pack, under the built page's Content-Security-Policy.
    expect(await importing.locator('.exchange-report').textContent()).toContain(
      'Checked against FHIR R4 and the treatment-plan profiles.'
    );
    expect(await importing.locator('.exchange-counts').textContent()).toMatch(
      /^0 new, 0 changed, \d+ already on the server$/
    );
    await importing.getByRole('button', { name: /^Import into George .*Smith’s record$/ }).click();
    await importing.getByText(/^Nothing new: all \d+ records were already on the server/).waitFor({ timeout: 20_000 });
    expect(await georgeCensus()).toEqual(before);

    // Closing the panel returns to the plan, focus on the button that opened it.
    await page.getByRole('button', { name: 'Close exchange' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Export, import, compare');
  });

  test('the panel works from the keyboard, and axe-core finds no serious violation with a report and a comparison shown', async () => {
    // bypassCSP only so that axe-core can be injected.
    const page = await world.launchFor('George Smith', { context: { bypassCSP: true } });
    await page.getByRole('button', { name: 'Export, import, compare' }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: /^Export, import and compare / });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);

    const comparing = part(page, 'Compare');
    await comparing.getByRole('button', { name: 'Compare', exact: true }).focus();
    await page.keyboard.press('Enter');
    await comparing.locator('.exchange-compare-sections').waitFor();

    const importing = part(page, 'Import');
    await importing.getByRole('radio', { name: 'Pasted text' }).check();
    await importing.getByLabel('Paste the file to import').fill('{"resourceType": "Bundle", "type": "message"}');
    await importing.getByRole('button', { name: 'Check the import' }).click();
    await importing.getByRole('alert').waitFor();
    expect(await importing.getByRole('alert').textContent()).toMatch(
      /^This is a FHIR message Bundle: .* Nothing was written\.$/
    );

    // A loose goal without its client's record, and without the lifecycleStatus R4 requires: a report with the
    // errors, each at its FHIRPath, and the refusal.
    const goal = {
      resourceType: 'Goal',
      description: { text: 'Walk every day' },
      subject: { reference: 'Patient/george-smith' },
    };
    await importing.getByLabel('Paste the file to import').fill(JSON.stringify(goal));
    await importing.getByRole('button', { name: 'Check the import' }).click();
    await importing.locator('.exchange-report').waitFor();
    expect(await importing.locator('tr.exchange-issue-error code').allTextContents()).toContain('Goal.lifecycleStatus');
    expect(await importing.getByRole('button', { name: /^Import into George .*Smith’s record$/ }).isDisabled()).toBe(
      true
    );

    expect(await seriousViolations(page, '.exchange-panel')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('.exchange-panel').waitFor({ state: 'detached' });
  });
});
