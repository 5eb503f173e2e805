/**
 * What every browser test starts with: the built app on a static server, the sandbox EHR pointed at it, and
 * Chromium; plus an EHR launch from the sandbox home page in a fresh context of an EHR frame's size (1024x768).
 */
import type * as fhir from 'fhir/r4';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/server.ts';
import { launchChromium } from './browser.ts';
import { distDir } from './dist-dir.ts';
import { startStaticAppServer, type StaticAppServer } from './static-app-server.ts';

export const EHR_FRAME = { width: 1024, height: 768 } as const;

export interface E2eWorldOptions {
  /** Sandbox options beyond the port and the app's address (seed, behaviour ...). */
  readonly sandbox?: Omit<SandboxOptions, 'port' | 'appUrl'>;
  /** Runs once the sandbox is up, before the browser starts: stores the records a test needs. */
  readonly prepare?: (sandbox: RunningSandbox) => Promise<void>;
}

export interface LaunchOptions {
  /** The button whose appearance says the workspace is ready. Default `Save plan`. */
  readonly ready?: string;
  /** Context options added to the EHR frame's viewport (e.g. `bypassCSP` to inject axe-core). */
  readonly context?: BrowserContextOptions;
  /** A script for every page of the context before the app's own (e.g. to count `window.print` calls). */
  readonly init?: () => void;
}

export interface E2eWorld {
  readonly app: StaticAppServer;
  readonly sandbox: RunningSandbox;
  readonly browser: Browser;
  /** A page in a fresh context (its own session storage). */
  newPage(context?: BrowserContextOptions): Promise<Page>;
  /** Presses the launch button of the client's row on the sandbox home page. */
  launchFromHome(page: Page, clientName: string): Promise<void>;
  /** An EHR launch for the client in a fresh context, once the workspace is ready. */
  launchFor(clientName: string, options?: LaunchOptions): Promise<Page>;
  /** What the sandbox holds, read straight from its FHIR service (not through the app): `query` is `Type?params`. */
  serverSearch<T extends fhir.FhirResource>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function startE2eWorld(options: E2eWorldOptions = {}): Promise<E2eWorld> {
  const app = await startStaticAppServer(distDir());
  const sandbox = await startSandbox({ ...options.sandbox, port: 0, appUrl: app.url });
  app.pointSandboxAt(sandbox.fhirBaseUrl);
  await options.prepare?.(sandbox);
  const browser = await launchChromium();

  const newPage = async (context: BrowserContextOptions = {}): Promise<Page> => {
    const opened = await browser.newContext({ viewport: EHR_FRAME, ...context });
    return opened.newPage();
  };
  const launchFromHome = async (page: Page, clientName: string): Promise<void> => {
    await page.goto(sandbox.homeUrl);
    await page
      .getByRole('row')
      .filter({ hasText: clientName })
      .getByRole('button', { name: /launch/i })
      .click();
  };
  return {
    app,
    sandbox,
    browser,
    newPage,
    launchFromHome,
    async launchFor(clientName, launch = {}) {
      const page = await newPage(launch.context);
      if (launch.init) await page.context().addInitScript(launch.init);
      await launchFromHome(page, clientName);
      await page.getByRole('button', { name: launch.ready ?? 'Save plan' }).waitFor({ timeout: 20_000 });
      return page;
    },
    async serverSearch<T extends fhir.FhirResource>(query: string): Promise<T[]> {
      const response = await sandbox.fhir.handle(
        { method: 'GET', url: new URL(`${sandbox.fhirBaseUrl}/${query}`), headers: {}, body: Buffer.alloc(0) },
        undefined
      );
      const bundle = JSON.parse(String(response.body)) as fhir.Bundle;
      return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource as T] : []));
    },
    async close() {
      await browser.close();
      await sandbox.close();
      await app.close();
    },
  };
}
