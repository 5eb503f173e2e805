/**
 * Printing a plan in a real browser against the sandbox EHR: Print opens the printable view and the browser's
 * print dialog; printed, the page holds the plan alone (no app chrome), with both identifiers, the provider's
 * credentials and the signatures; "Back to the plan" returns to the workspace with nothing lost.
 */
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld();
});

afterAll(() => world.close());

/**
 * An EHR launch in a fresh context whose `window.print` counts its calls instead of opening a dialog;
 * `bypassCSP` only so that axe-core can be injected into the built pages.
 */
function launchFor(clientName: string): Promise<Page> {
  return world.launchFor(clientName, {
    context: { bypassCSP: true },
    init: () => {
      const counted = window as Window & { printCalls?: number };
      counted.printCalls = 0;
      window.print = () => {
        counted.printCalls = (counted.printCalls ?? 0) + 1;
      };
    },
  });
}

function printCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as Window & { printCalls?: number }).printCalls ?? 0);
}

describe('printing a plan', () => {
  test('Print shows the plan alone, with identifiers, credentials and signatures, and opens the print dialog', async () => {
    const page = await launchFor('George Smith');
    const print = page.getByRole('button', { name: 'Print', exact: true });
    await print.focus();
    await page.keyboard.press('Enter');

    const view = page.getByRole('dialog', { name: /Treatment plan/ });
    await view.waitFor({ timeout: 20_000 });
    await expect.poll(() => printCalls(page)).toBe(1);
    expect(await view.locator('.print-running-head').textContent()).toBe(
      'George Smith, Medical record number SB-100001'
    );
    const text = (await view.textContent()) ?? '';
    expect(text).toContain('Dana Rivera, LCSW');
    expect(text).toContain('Goals and objectives');
    expect(await view.locator('.print-signature h3').allTextContents()).toEqual(['Client', 'Clinician']);
    expect(await page.locator('.workbench').isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await view.getByRole('button', { name: 'Back to the plan' }).isVisible()).toBe(false);
    expect(await view.locator('.print-document h1').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'Letter' });
    const printed = await PDFDocument.load(pdf);
    expect(printed.getPageCount()).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    expect(await page.locator('.workbench').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Print');
    await page.context().close();
  });

  test('edits not yet saved are still there after printing, and the print shows them', async () => {
    const page = await launchFor('George Smith');
    await page.getByRole('button', { name: 'Start a revision' }).click();
    const title = page.getByLabel('Plan title');
    await title.fill('Revised plan for printing');
    await title.press('Tab');

    await page.getByRole('button', { name: 'Print', exact: true }).click();
    const view = page.getByRole('dialog', { name: 'Revised plan for printing' });
    await view.waitFor({ timeout: 20_000 });
    expect(await view.locator('.print-sign-line').allTextContents()).toEqual([
      'Signature',
      'Name',
      'Date and time',
      'Signature',
      'Name',
      'Date and time',
    ]);
    await view.getByRole('button', { name: 'Back to the plan' }).click();
    await view.waitFor({ state: 'detached' });
    expect(await title.inputValue()).toBe('Revised plan for printing');
    await page.context().close();
  });
});
