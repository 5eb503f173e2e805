/**
 * The plan workspace in a real browser against the sandbox EHR: a signed plan opens read-only, a revision is
 * edited and saved in one transaction and is there on relaunch; when someone else saved meanwhile, the second
 * save gets the conflict view, which lists per section what changed on the server and what the clinician changed,
 * and keeps the clinician's edits.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld();
});

afterAll(() => world.close());

/** An EHR launch from the sandbox home page, in a fresh browser context (its own session storage). */
function launchFor(clientName: string): Promise<Page> {
  return world.launchFor(clientName);
}

function firstTargetValue(page: Page) {
  return page
    .getByRole('group', { name: /^Target 1 of/ })
    .first()
    .getByLabel('Value');
}

async function setFirstTargetValue(page: Page, value: string): Promise<void> {
  const field = firstTargetValue(page);
  await field.fill(value);
  await field.press('Tab');
}

describe('the plan workspace', () => {
  test('a signed plan opens read-only; its revision is edited, saved in one step and shown again on relaunch', async () => {
    const page = await launchFor('Robert Johnson');
    expect(await page.getByRole('note', { name: 'Read-only' }).textContent()).toMatch(/signed/i);
    expect(await firstTargetValue(page).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Start a revision' }).click();
    await setFirstTargetValue(page, '4');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText(/^Saved\./).waitFor({ timeout: 20_000 });
    await page.context().close();

    const again = await launchFor('Robert Johnson');
    await expect.poll(() => firstTargetValue(again).inputValue(), { timeout: 20_000 }).toBe('4');
    await again.context().close();
  });

  test('a goal from the goal library fills the editor with its objectives', async () => {
    const page = await launchFor('George Smith');
    await page.getByRole('button', { name: 'Start a revision' }).click();
    const goalCards = page.locator('.goal-card');
    const before = await goalCards.count();
    await page.getByLabel('Presenting problem').selectOption({ label: 'Depression' });
    await page
      .getByRole('button', { name: /^Add this goal/ })
      .first()
      .click();
    await expect.poll(() => goalCards.count(), { timeout: 10_000 }).toBe(before + 1);
    expect(
      await goalCards
        .last()
        .getByLabel(/^Objective \d+\.\d+$/)
        .count()
    ).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  test('a save after someone else saved the same records shows the conflict view and keeps the edits', async () => {
    const first = await launchFor('Michael Jones');
    const second = await launchFor('Michael Jones');
    for (const page of [first, second]) {
      await page.getByRole('button', { name: 'Start a revision' }).click();
    }

    await setFirstTargetValue(first, '20');
    await first.getByRole('button', { name: 'Save plan' }).click();
    await first.getByText(/^Saved\./).waitFor({ timeout: 20_000 });

    await setFirstTargetValue(second, '25');
    await second.getByRole('button', { name: 'Save plan' }).click();
    const saveRegion = second.getByRole('region', { name: 'Save', exact: true });
    await expect.poll(() => saveRegion.textContent(), { timeout: 20_000 }).toMatch(/nothing was saved/i);
    expect(await firstTargetValue(second).inputValue()).toBe('25');
    expect(await second.getByRole('button', { name: /re-apply my edits/i }).count()).toBe(1);
    // Per section: the other save's target on the server, and this clinician's own.
    const theirs = second.getByRole('group', { name: 'Changed on the server since you opened the plan', exact: true });
    await expect
      .poll(() => theirs.textContent(), { timeout: 20_000 })
      .toMatch(/Goals and objectives.*target value \d+ → 20/);
    const mine = second.getByRole('group', { name: 'Your changes', exact: true });
    expect(await mine.textContent()).toMatch(/Goals and objectives.*target value \d+ → 25/);

    await first.context().close();
    await second.context().close();
  });
});
