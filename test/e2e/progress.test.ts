/**
 * Progress in a real browser against the sandbox EHR: on a signed plan the chart of a goal's scores loads on
 * first use, today's score is added and shows on the chart at once, and after saving it is there on relaunch.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld();
});

afterAll(() => world.close());

/** An EHR launch whose page errors and console errors are collected in `errors`. */
async function launchFor(clientName: string, errors: string[]): Promise<Page> {
  const page = await world.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await world.launchFromHome(page, clientName);
  await page.getByRole('button', { name: 'Save plan' }).waitFor({ timeout: 20_000 });
  return page;
}

function moodGoal(page: Page) {
  return page.getByRole('article', { name: /^Goal 1: Reduce depressive symptoms/ });
}

describe('progress on a signed plan', () => {
  test('a score added today shows on the lazily loaded chart, is saved, and is charted again on relaunch', async () => {
    const errors: string[] = [];
    const page = await launchFor('George Smith', errors);
    expect(await page.getByRole('note', { name: 'Read-only' }).textContent()).toMatch(/signed/i);
    await page.getByRole('link', { name: 'Progress' }).click();
    const goal = moodGoal(page);
    const chart = goal.getByRole('img', { name: /^PHQ-9 total score: \d+ scores/ });
    await chart.waitFor({ timeout: 20_000 });
    const points = chart.locator('circle.chart-point');
    const before = await points.count();
    expect(before).toBeGreaterThanOrEqual(13);

    const form = goal.getByRole('form', { name: /^Add a score: PHQ-9 total score, for / });
    await form.getByLabel('PHQ-9 total score').fill('6');
    await form.getByRole('button', { name: 'Add score' }).click();
    await expect.poll(() => points.count()).toBe(before + 1);
    expect(await chart.getAttribute('aria-label')).toMatch(/ to 6 on /);

    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText(/^Saved\./).waitFor({ timeout: 20_000 });
    await page.context().close();

    const again = await launchFor('George Smith', errors);
    const chartAgain = moodGoal(again).getByRole('img', { name: /^PHQ-9 total score: \d+ scores/ });
    await chartAgain.waitFor({ timeout: 20_000 });
    expect(await chartAgain.locator('circle.chart-point').count()).toBe(before + 1);
    expect(await chartAgain.getAttribute('aria-label')).toMatch(/ to 6 on /);
    await again.context().close();
    expect(errors).toEqual([]);
  });
});
