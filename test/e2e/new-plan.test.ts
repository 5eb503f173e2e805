/**
 * A first plan from start to finish in a real browser against the sandbox EHR (issue 4 §7): John Doe has no plan;
 * the clinician starts one, takes a goal from the goal library, fills every section with the keyboard and mouse,
 * the completeness check passes, clinician and guardian sign, the plan is saved, and a relaunch shows the same plan.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  // John Doe starts without a plan; the others keep theirs.
  world = await startE2eWorld({ sandbox: { seed: { plansFor: ['george-smith', 'robert-johnson', 'michael-jones'] } } });
});

afterAll(() => world.close());

/** Types into the "new item" field of a list and adds it with Enter, as a keyboard user would. */
async function addItem(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
  await expect.poll(() => field.inputValue()).toBe('');
}

function section(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

async function fillAndLeave(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

/** The items of the completeness check that need attention, by question. */
async function failingChecks(page: Page): Promise<string[]> {
  const items = await page.locator('.completeness .check-failed strong').allTextContents();
  return items.map((text) => text.trim());
}

/**
 * What a relaunch must show again: every field's label and value, in the order of the sections (but the goal
 * library's choice of problem, which is not part of the plan).
 */
async function planFields(page: Page): Promise<string[]> {
  return page
    .locator('.plan-sections')
    .locator('input, select, textarea')
    .evaluateAll((fields) =>
      fields.flatMap((f) => {
        const field = f as HTMLInputElement;
        const label = field.labels?.[0]?.textContent ?? field.id;
        if (field.type === 'checkbox' || field.value.trim() === '' || label === 'Presenting problem') return [];
        return [`${label}: ${field.value}`];
      })
    );
}

describe('a first plan for a client without one', () => {
  test('start from the library, fill every section, pass the check, both sign, save, and find it again', async () => {
    const page = await world.launchFor('John Doe', { ready: 'Start a plan' });
    await page.getByRole('button', { name: 'Start a plan' }).click();
    await page.getByRole('button', { name: 'Save plan' }).waitFor();

    // Session details
    await fillAndLeave(page, 'Start time', '10:00');
    await fillAndLeave(page, 'Stop time', '10:50');
    await page.getByLabel('Place of service', { exact: true }).selectOption({ value: '11' });
    await page.getByLabel('Kind of session', { exact: true }).selectOption({ value: '90834' });

    // History, concerns, contract with consent, strengths
    await fillAndLeave(page, 'Psychosocial history', 'Lives with his mother; plays football at school.');
    await addItem(page, 'New presenting concern', 'Drinking at weekend parties');
    await addItem(page, 'New goal for change', 'I want to stop getting into trouble at parties');
    await addItem(page, 'New responsibility for client', 'Keep a weekly drinking diary');
    await addItem(page, 'New responsibility for clinician', 'Review the diary at each session');
    await addItem(page, 'New responsibility for family', 'Attend the monthly family session');
    await page.getByRole('button', { name: 'Record consent' }).click();
    await page.getByLabel('Consent status', { exact: true }).selectOption({ label: 'Given' });
    await fillAndLeave(page, 'Given by', 'Jane Doe');
    await addItem(page, 'New strength', 'Close to his coach');

    // Schedule
    await fillAndLeave(page, 'Modality', 'Motivational interviewing');
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'Individual' });
    await fillAndLeave(page, 'Session frequency: times', '1');
    await fillAndLeave(page, 'Session length (minutes)', '50');

    // Goals, objectives and interventions from the library
    await page.getByLabel('Presenting problem').selectOption({ label: 'Substance use' });
    await page
      .getByRole('button', { name: /^Add this goal/ })
      .first()
      .click();
    await expect.poll(() => page.locator('.goal-card').count(), { timeout: 10_000 }).toBe(1);

    // A first score on the goal's measure
    const progress = section(page, 'Progress');
    const audit = progress.getByRole('form', { name: /^Add a score: AUDIT-C total score/ });
    await audit.getByLabel('AUDIT-C total score').fill('7');
    await audit.getByRole('button', { name: 'Add score' }).click();
    await progress
      .getByRole('img', { name: /AUDIT-C/ })
      .first()
      .waitFor({ timeout: 10_000 });

    // Review and preferences
    await fillAndLeave(page, 'Next review', '2027-02-26');
    await addItem(page, 'New preference', 'Sessions after school');
    await addItem(page, 'New consideration', 'Prefers that his coach is not told');

    // Every item of the completeness check passes, so signing asks for no reason.
    expect(await failingChecks(page)).toEqual([]);
    expect(await page.locator('.completeness summary').textContent()).toBe('Completeness check: complete');

    const signatures = section(page, 'Signatures');
    await signatures.getByRole('button', { name: 'Sign the plan' }).click();
    expect(await signatures.getByLabel('Why the plan is signed although it is not complete').count()).toBe(0);
    await signatures.getByLabel('Typed name (the signature)').fill('Dana Rivera');
    await signatures.getByLabel(/^I agree/).check();
    await signatures.getByRole('button', { name: 'Sign', exact: true }).click();
    await signatures.getByRole('button', { name: 'Sign the plan' }).click();
    await signatures.getByLabel('Signing as').selectOption({ label: 'Parent or guardian' });
    await signatures.getByLabel('Who signs').fill('Jane Doe');
    await signatures.getByLabel('Typed name (the signature)').fill('Jane Doe');
    await signatures.getByLabel(/^I agree/).check();
    await signatures.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect.poll(() => signatures.locator('.signature-card').count()).toBe(2);
    expect(await failingChecks(page)).toEqual([]);

    const before = await planFields(page);
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText(/^Saved the plan, then its signatures\./).waitFor({ timeout: 30_000 });
    expect(await planFields(page)).toEqual(before);
    expect(await section(page, 'History and assessment').textContent()).toContain('SB-100004');
    await page.context().close();

    const again = await world.launchFor('John Doe');
    expect(await again.getByRole('note', { name: 'Read-only' }).textContent()).toMatch(/signed/i);
    await expect.poll(() => section(again, 'Signatures').locator('.signature-card').count()).toBe(2);
    expect(await planFields(again)).toEqual(before);
    expect(await section(again, 'History and assessment').textContent()).toContain('SB-100004');
    expect(await failingChecks(again)).toEqual([]);
    await section(again, 'Progress')
      .getByRole('img', { name: /AUDIT-C/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await again.context().close();
  });
});
