/**
 * The launch flows a clinician goes through, in a real browser: from the sandbox EHR's home page (EHR launch),
 * from the app's own launch page (standalone launch with the sandbox's patient picker), and a launch whose
 * `state` was tampered with on the way back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.ts';
import { launchChromium } from './support/browser.ts';
import { distDir } from './support/dist-dir.ts';
import { startStaticAppServer, type StaticAppServer } from './support/static-app-server.ts';

const DIST = distDir();

let app: StaticAppServer;
let sandbox: RunningSandbox;
let browser: Browser;

beforeAll(async () => {
  app = await startStaticAppServer(DIST);
  sandbox = await startSandbox({ port: 0, appUrl: app.url });
  app.pointSandboxAt(sandbox.fhirBaseUrl);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await sandbox.close();
  await app.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  return context.newPage();
}

async function launchFromHome(page: Page, clientName: string): Promise<void> {
  await page.goto(sandbox.homeUrl);
  const row = page.getByRole('row').filter({ hasText: clientName });
  await row.getByRole('button', { name: /launch/i }).click();
}

describe('launching the app', () => {
  test('an EHR launch for George Smith from the sandbox home page shows his banner and the practitioner', async () => {
    const page = await newPage();
    await launchFromHome(page, 'George Smith');

    const banner = page.getByRole('region', { name: 'Patient' });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain('George Smith');
    expect(await banner.textContent()).toMatch(/SB-\d+/);
    const user = page.getByLabel('Signed-in user');
    expect(await user.textContent()).toContain('Dana Rivera');
    expect(await user.textContent()).toContain('LCSW');
    const capabilities = page.getByRole('table');
    expect(await capabilities.textContent()).toContain('CarePlan');
    expect(page.url().startsWith(app.url)).toBe(true);
    await page.context().close();
  });

  test('a standalone launch lets the clinician pick the sandbox and a client from its patient picker', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/launch.html`);
    await page
      .getByRole('button', { name: /sandbox/i })
      .first()
      .click();

    // The sandbox's own patient picker.
    await expect.poll(() => page.url(), { timeout: 20_000 }).toContain(sandbox.origin);
    await page.getByRole('row').filter({ hasText: 'Robert Johnson' }).getByRole('button').click();

    const banner = page.getByRole('region', { name: 'Patient' });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain('Robert Johnson');
    await page.context().close();
  });

  test('a launch whose state was tampered with shows an error page that says how to relaunch', async () => {
    const page = await newPage();
    // Let the authorization server answer, then rewrite its redirect back to the app so `state` no longer matches.
    // (Playwright does not route redirect hops, so the authorize request itself is fetched and re-answered.)
    await page.route(
      (url) => url.pathname.endsWith('/auth/authorize'),
      async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        const location = response.headers().location;
        if (location === undefined) {
          await route.fulfill({ response });
          return;
        }
        const redirect = new URL(location);
        redirect.searchParams.set('state', 'tampered');
        await route.fulfill({ status: 302, headers: { Location: redirect.toString() } });
      }
    );
    await launchFromHome(page, 'Michael Jones');

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/launch/i);
    expect(await alert.textContent()).toMatch(/again|relaunch/i);
    expect(await page.getByRole('region', { name: 'Patient' }).count()).toBe(0);
    await page.context().close();
  });
});
