// @vitest-environment jsdom
/**
 * The Exchange panel's import report validates against FHIR R4 and our profiles (issue 6 §2), with the definitions
 * the browser loads on the first check: a plan that breaks our treatment-plan profile is reported at its FHIRPath,
 * as an error that blocks the import.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { census, startExchangeServer, type ExchangeServer } from '../integration/support/exchange-servers.ts';
import {
  buttonIn,
  labelled,
  launchWorkspace,
  openExchange,
  part,
  paste,
  tick,
  waitUntil,
} from './ui-exchange-harness.tsx';
import type { Rendered } from './ui-workspace-harness.tsx';

const exampleFile = resolve(import.meta.dirname, '../../fhir-profiles/examples/george-smith.transaction.json');

let server: ExchangeServer;
let george: fhir.Patient;
beforeAll(async () => {
  server = await startExchangeServer(false);
  const bundle = JSON.parse(readFileSync(exampleFile, 'utf8')) as fhir.Bundle;
  const { status } = await server.gateway.request({ method: 'POST', url: '', body: bundle });
  if (status !== 200) throw new Error(`the example records were refused (${String(status)})`);
  const { matches } = await server.gateway.search<fhir.Patient>('Patient', { family: 'Smith' });
  if (matches[0] === undefined) throw new Error('no George Smith');
  george = matches[0];
}, 60_000);
afterAll(() => server.close());

let shown: Rendered | undefined;
afterEach(() => {
  shown?.unmount();
  shown = undefined;
});

/** George's example records with each treatment plan's intent "proposal": valid R4, against our profile. */
function fileBreakingProfile(): string {
  const bundle = JSON.parse(readFileSync(exampleFile, 'utf8')) as fhir.Bundle;
  const entry = (bundle.entry ?? []).map((e) =>
    e.resource?.resourceType === 'CarePlan' ? { ...e, resource: { ...e.resource, intent: 'proposal' } } : e
  );
  return JSON.stringify({ ...bundle, entry });
}

describe('the import report in the app', () => {
  test('loads R4 and the profiles, says so, and reports a plan breaking our profile at its FHIRPath', async () => {
    shown = await launchWorkspace(server.gateway, george);
    const importPart = part(await openExchange(shown.page), 'Import');
    const before = await census(server.gateway);

    tick(importPart, 'Pasted text');
    paste(labelled(importPart, 'Paste the file to import', HTMLTextAreaElement), fileBreakingProfile());
    await act(async () => {
      buttonIn(importPart, 'Check the import').click();
      await Promise.resolve();
    });
    await waitUntil(
      () =>
        importPart.querySelector('[role="status"]')?.textContent.includes('Loading FHIR R4 and the plan profiles…') ===
        true,
      'the loading message'
    );
    await waitUntil(() => importPart.querySelector('.exchange-report') !== null, 'the report', 120_000);

    const report = importPart.querySelector<HTMLElement>('.exchange-report');
    expect(report?.textContent).toContain('Checked against FHIR R4 and the treatment-plan profiles.');
    const errors = [...importPart.querySelectorAll('tr.exchange-issue-error')].map((row) => ({
      location: row.querySelector('code')?.textContent ?? '',
      text: row.textContent,
    }));
    const atIntent = errors.filter((e) => /^Bundle\.entry\[\d+\]\.resource.*\.intent$/.test(e.location));
    expect(atIntent.length, JSON.stringify(errors)).toBeGreaterThan(0);
    expect(atIntent[0]?.text).toMatch(/^error/);
    expect(importPart.textContent).toMatch(/The report has \d+ errors?: correct the file/);
    expect(buttonIn(importPart, /^Import into /).disabled).toBe(true);
    expect(await census(server.gateway)).toEqual(before);
  }, 180_000);
});
