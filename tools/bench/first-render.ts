/**
 * Time to first render of the plan in Chromium (issue 4 §6): from navigating to the app's launch page, as the EHR
 * sends the browser there, through the SMART launch and the plan's load, to the plan's title being visible.
 * Each run uses a fresh browser context, so nothing is cached between runs.
 */
import type { Browser } from 'playwright-core';
import { SIGNED_IN_USER } from '../../src/sandbox/auth/state.ts';
import type { RunningSandbox } from '../../src/sandbox/server.ts';

export interface RenderTimes {
  /** Milliseconds, one per run, in run order. */
  readonly runs: readonly number[];
  readonly median: number;
}

const PLAN_TITLE = '.plan-title';
const TIMEOUT_MS = 60_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function oneRun(browser: Browser, sandbox: RunningSandbox, appUrl: string, patientId: string): Promise<number> {
  const launch = sandbox.createLaunch({
    patient: patientId,
    fhirUser: SIGNED_IN_USER,
    needPatientBanner: true,
  });
  const url = `${appUrl}/launch.html?iss=${encodeURIComponent(sandbox.fhirBaseUrl)}&launch=${encodeURIComponent(launch)}`;
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.locator(PLAN_TITLE).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    } catch (error) {
      // Say what the clinician would have seen instead of the plan.
      const shown = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 400);
      throw new Error(`The plan of ${patientId} did not show at ${page.url()}; the page said: ${shown}`, {
        cause: error,
      });
    }
    return performance.now() - started;
  } finally {
    await context.close();
  }
}

/** Launches the app for `patientId` `runs` times, one after the other. */
export async function timeFirstRender(
  browser: Browser,
  sandbox: RunningSandbox,
  appUrl: string,
  patientId: string,
  runs: number
): Promise<RenderTimes> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    times.push(await oneRun(browser, sandbox, appUrl, patientId));
  }
  return { runs: times, median: median(times) };
}
