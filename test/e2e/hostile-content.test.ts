/**
 * Hostile content is harmless (issue 4 §6): a synthetic client whose every text field holds a script payload is
 * launched from the sandbox EHR; the workspace, the "from other systems" panel, the narratives and an earlier
 * plan from another system are opened, and no payload runs, no dialog opens, and the payloads read as text. The
 * built pages' Content-Security-Policy is shown to be active: an inline script injected at run time is refused
 * and reported.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EHR_FRAME, startE2eWorld, type E2eWorld } from './support/e2e-world.ts';
import { FOREIGN_PLAN_ID, loadHostileSeed, PAYLOADS } from './support/hostile-seed.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld({ sandbox: { seed: false }, prepare: loadHostileSeed });
});

afterAll(() => world.close());

interface Watched {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Messages of every alert, confirm or prompt the page tried to open. */
  readonly dialogs: string[];
}

/**
 * A fresh context whose pages record every CSP violation from the first moment (an init script is injected by the
 * browser, not by the page, so the policy does not apply to it) and whose dialogs are counted and dismissed.
 */
async function watchedPage(): Promise<Watched> {
  const context = await world.browser.newContext({ viewport: EHR_FRAME });
  await context.addInitScript(() => {
    const seen: { directive: string; sample: string; source: string }[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, sample: event.sample, source: event.sourceFile });
    });
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, dialogs };
}

function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

function violations(page: Page): Promise<{ directive: string; sample: string }[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations: { directive: string; sample: string }[] }).__cspViolations
  );
}

/** Elements a payload would need to run: scripts not from the app, event-handler attributes, script URLs. */
function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*javascript:/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}=javascript:`);
      }
    }
    for (const script of document.scripts) {
      if (!script.src.startsWith(window.location.origin)) found.push(`script ${script.src || '(inline)'}`);
    }
    for (const element of document.querySelectorAll('iframe, object, embed, svg image, foreignObject')) {
      found.push(element.tagName);
    }
    return found;
  });
}

async function launchHostileClient(watched: Watched): Promise<void> {
  const { page } = watched;
  await page.goto(world.sandbox.homeUrl);
  expect(await page.textContent('body')).toContain(PAYLOADS[0]);
  await page
    .getByRole('row')
    .filter({ hasText: 'George' })
    .getByRole('button', { name: /launch/i })
    .click();
  await page.getByRole('button', { name: 'Save plan' }).waitFor({ timeout: 20_000 });
}

describe('hostile content from the server', () => {
  test('script payloads in every text field are shown as text and never run', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await launchHostileClient(watched);

    // The workspace: banner, plan, sections (read-only signed plan).
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(text).toContain('"><svg onload="window.__pwned=1">');

    // "From other systems" with three narratives: the other clinic's plan, and the client's two plans whose
    // narrative another system rewrote.
    await page.locator('details.other-systems > summary').click();
    const narratives = page.locator('.other-systems .narrative-body');
    await expect.poll(() => narratives.count(), { timeout: 10_000 }).toBe(3);
    const narrativeText = await narratives.first().innerText();
    expect(narrativeText).toContain('Narrative from another clinic.');
    expect(narrativeText).toContain('<script>window.__pwned=1</script>');
    expect(await page.locator('.other-systems .narrative-altered').count()).toBe(3);
    const link = page.locator('.other-systems .narrative-body a').first();
    expect(await link.getAttribute('href')).toBeNull();
    await link.click();
    await page.getByText('Clickable paragraph').first().click();

    // The other clinic's plan, opened read-only from the earlier plans.
    await page.locator('details.panel > summary', { hasText: 'Earlier plans' }).click();
    await page
      .getByRole('button', { name: /^Open read-only .*Plan from another clinic/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Back to the current plan' }).waitFor({ timeout: 10_000 });
    const opened = page.locator('.narrative-body');
    await expect.poll(() => opened.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.plan-title').innerText()).toContain(PAYLOADS[0]);
    expect(await page.content()).toContain(FOREIGN_PLAN_ID);

    expect(await pwned(page)).toBeUndefined();
    expect(watched.dialogs).toEqual([]);
    expect(await liveMarkup(page)).toEqual([]);
    // The only things the policy refused were payloads' inline handlers (met while the sanitiser parsed the
    // narratives, before it dropped them): no stylesheet, request or image of the app itself was blocked.
    const refused = await violations(page);
    expect(refused.filter((v) => v.directive !== 'script-src-attr')).toEqual([]);
    await watched.context.close();
  });

  test('the built page refuses an inline script injected at run time and reports the violation', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await launchHostileClient(watched);
    expect(
      await page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')
      )
    ).toMatch(/script-src 'self'/);

    // The sanitiser, loaded on first use, may report the hostile narratives' handlers at any moment (blocked, as
    // they should be), so the violations of this test are told apart by what they carried.
    const reported = async (directive: string, marker: string): Promise<number> =>
      (await violations(page)).filter((v) => v.directive === directive && v.sample.includes(marker)).length;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 2;';
      document.body.append(script);
    });
    await expect.poll(() => reported('script-src-elem', '__pwned = 2'), { timeout: 5_000 }).toBe(1);
    expect(await pwned(page)).toBeUndefined();

    // An inline event handler is refused as well.
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__pwned = 3;');
      image.src = 'data:,not-an-image';
      document.body.append(image);
    });
    await expect.poll(() => reported('script-src-attr', '__pwned = 3'), { timeout: 5_000 }).toBe(1);
    expect(await pwned(page)).toBeUndefined();
    expect(watched.dialogs).toEqual([]);
    await watched.context.close();
  });

  test("under the policy the EHR's style (smart_style_url) still applies, and nothing of the app is refused", async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto(world.sandbox.homeUrl);
    await page.getByLabel(/Apply the EHR's style/).check();
    await page
      .getByRole('row')
      .filter({ hasText: 'George' })
      .getByRole('button', { name: /launch/i })
      .click();
    await page.getByRole('button', { name: 'Save plan' }).waitFor({ timeout: 20_000 });
    const look = await page.evaluate(() => ({
      highlight: getComputedStyle(document.documentElement).getPropertyValue('--color-highlight').trim(),
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(look).toEqual({ highlight: '#0f6e6e', background: 'rgb(246, 243, 238)' });
    const refused = await violations(page);
    expect(refused.filter((v) => v.directive.startsWith('style-src') || v.directive === 'connect-src')).toEqual([]);
    await watched.context.close();
  });
});
