/**
 * The launch flows a clinician goes through, in a real browser: from the sandbox EHR's home page (EHR launch),
 * from the app's own launch page (standalone launch with the sandbox's patient picker), and a launch whose
 * `state` was tampered with on the way back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startE2eWorld, type E2eWorld } from './support/e2e-world.ts';

let world: E2eWorld;

beforeAll(async () => {
  world = await startE2eWorld();
});

afterAll(() => world.close());

describe('launching the app', () => {
  test('an EHR launch for George Smith from the sandbox home page shows his banner and the practitioner', async () => {
    const page = await world.newPage();
    await world.launchFromHome(page, 'George Smith');

    const banner = page.getByRole('region', { name: 'Patient' });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain('George Smith');
    expect(await banner.textContent()).toMatch(/SB-\d+/);
    const user = page.getByLabel('Signed-in user');
    expect(await user.textContent()).toContain('Dana Rivera');
    expect(await user.textContent()).toContain('LCSW');
    const capabilities = page.getByRole('table');
    expect(await capabilities.textContent()).toContain('CarePlan');
    expect(page.url().startsWith(world.app.url)).toBe(true);
    await page.context().close();
  });

  test('a standalone launch lets the clinician pick the sandbox and a client from its patient picker', async () => {
    const page = await world.newPage();
    await page.goto(`${world.app.url}/launch.html`);
    await page
      .getByRole('button', { name: /sandbox/i })
      .first()
      .click();

    // The sandbox's own patient picker.
    await expect.poll(() => page.url(), { timeout: 20_000 }).toContain(world.sandbox.origin);
    await page.getByRole('row').filter({ hasText: 'Robert Johnson' }).getByRole('button').click();

    const banner = page.getByRole('region', { name: 'Patient' });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain('Robert Johnson');
    await page.context().close();
  });

  test('a launch whose state was tampered with shows an error page that says how to relaunch', async () => {
    const page = await world.newPage();
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
    await world.launchFromHome(page, 'Michael Jones');

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/launch/i);
    expect(await alert.textContent()).toMatch(/again|relaunch/i);
    expect(await page.getByRole('region', { name: 'Patient' }).count()).toBe(0);
    await page.context().close();
  });
});
