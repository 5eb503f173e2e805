// @vitest-environment jsdom
/**
 * Importing from the Exchange panel (issue 6 §2–3) against the sandbox's FHIR service on port 0: a file or a
 * paste is checked against the server and shown as a report; errors block, the records must be the launched
 * client's, the write goes through the server's strategy, and the workspace loads the records again.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { exportPlan } from '../../src/exchange/index.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import type { WorkspaceSetup } from '../../src/ui/workspace-setup.ts';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import { importDefinitions } from '../../src/workspace/exchange-import.ts';
import type { WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import {
  census,
  clientRecords,
  startExchangeServer,
  type ExchangeServer,
} from '../integration/support/exchange-servers.ts';
import {
  buttonIn,
  chooseFile,
  labelled,
  launchWorkspace,
  openExchange,
  part,
  paste,
  tick,
  waitUntil,
} from './ui-exchange-harness.tsx';
import { NOW, type Rendered } from './ui-workspace-harness.tsx';

/** George Smith's example records, loaded as the sandbox seeds them (its file seed needs Node's file URLs). */
function exampleBundle(client: string, only?: (resource: fhir.FhirResource) => boolean): fhir.Bundle {
  const file = resolve(import.meta.dirname, `../../fhir-profiles/examples/${client}.transaction.json`);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as fhir.Bundle;
  return {
    ...bundle,
    entry: (bundle.entry ?? []).filter(
      (e) => only === undefined || (e.resource !== undefined && only(e.resource as fhir.FhirResource))
    ),
  };
}

async function serverWith(...bundles: fhir.Bundle[]): Promise<ExchangeServer> {
  const server = await startExchangeServer(false);
  for (const bundle of bundles) {
    const { status } = await server.gateway.request({ method: 'POST', url: '', body: bundle });
    if (status !== 200) throw new Error(`the example records were refused (${String(status)})`);
  }
  return server;
}

async function patientId(server: ExchangeServer, family: string): Promise<string> {
  const { matches } = await server.gateway.search<fhir.Patient>('Patient', { family });
  const id = matches[0]?.id;
  if (id === undefined) throw new Error(`no patient ${family}`);
  return id;
}

let source: ExchangeServer;
let georgeFile: string;
let georgeId: string;
beforeAll(async () => {
  // R4 and the profiles load once per page; loaded here, each check below takes only the server's time.
  await importDefinitions();
  source = await serverWith(exampleBundle('george-smith'), exampleBundle('robert-johnson'));
  georgeId = await patientId(source, 'Smith');
  georgeFile = JSON.stringify(
    exportPlan(await clientRecords(source.gateway, georgeId), { format: 'transaction', now: NOW })
  );
}, 120_000);
afterAll(() => source.close());

let shown: Rendered | undefined;
afterEach(() => {
  shown?.unmount();
  shown = undefined;
});

/** The whole workspace as launched for the client, loading from and writing to `server`. */
async function launch(
  server: ExchangeServer,
  clientId: string,
  overrides: Partial<WorkspaceSetup> = {}
): Promise<HTMLElement> {
  const patient = await server.gateway.read<fhir.Patient>(`Patient/${clientId}`);
  shown = await launchWorkspace(server.gateway, patient, overrides);
  return shown.page;
}

async function pasteAndCheck(importPart: HTMLElement, text: string): Promise<void> {
  tick(importPart, 'Pasted text');
  paste(labelled(importPart, 'Paste the file to import', HTMLTextAreaElement), text);
  await act(async () => {
    buttonIn(importPart, 'Check the import').click();
    await Promise.resolve();
  });
  await waitUntil(
    () => importPart.querySelector('.exchange-report, [role="alert"]') !== null,
    'the report or an error'
  );
}

const importButton = (root: HTMLElement): HTMLButtonElement => buttonIn(root, /^Import into /);

describe('importing a plan from the Exchange panel', () => {
  test('a plan exported from this server and imported back is all matched: nothing new is written', async () => {
    const page = await launch(source, georgeId);
    const importPart = part(await openExchange(page), 'Import');
    await chooseFile(labelled(importPart, 'Choose the file to import', HTMLInputElement), 'george.json', georgeFile);
    await act(async () => {
      buttonIn(importPart, 'Check the import').click();
      await Promise.resolve();
    });
    await waitUntil(() => importPart.querySelector('.exchange-report') !== null, 'the report');

    const report = importPart.querySelector<HTMLElement>('.exchange-report');
    expect(report?.querySelector('h4')?.textContent).toBe('Import report for george.json');
    expect(report?.textContent).toContain(`(Patient/${georgeId}), matched by identifier`);
    expect(report?.textContent).toMatch(/Client: George .*Smith \(/);
    expect(report?.querySelector('.exchange-counts')?.textContent).toMatch(
      /^0 new, 0 changed, \d+ already on the server$/
    );
    const before = await census(source.gateway);

    await act(async () => {
      importButton(importPart).click();
      await Promise.resolve();
    });
    await waitUntil(() => importPart.querySelector('.exchange-done') !== null, 'the import result');

    expect(importPart.querySelector('.exchange-done')?.textContent).toMatch(
      /^Nothing new: all \d+ records were already on the server, so nothing was written\.$/
    );
    expect(await census(source.gateway)).toEqual(before);
  });

  test('a plan imported into a record without one is written and the workspace shows it', async () => {
    const target = await serverWith(exampleBundle('george-smith', (r) => r.resourceType === 'Patient'));
    try {
      const page = await launch(target, await patientId(target, 'Smith'));
      expect(page.querySelector('.plan-title')).toBeNull();
      const importPart = part(await openExchange(page), 'Import');
      await pasteAndCheck(importPart, georgeFile);
      const actions = [...importPart.querySelectorAll('.exchange-report-actions tbody tr')].map(
        (row) => row.querySelector('td')?.textContent ?? ''
      );
      expect(actions).toContain('New: will be created');
      const plansBefore = (await census(target.gateway)).CarePlan ?? 0;

      await act(async () => {
        importButton(importPart).click();
        await Promise.resolve();
      });
      await waitUntil(() => page.querySelector('.plan-title') !== null, 'the imported plan in the workspace');

      const records = await clientRecords(target.gateway, await patientId(target, 'Smith'));
      const stored = records.filter((r): r is fhir.CarePlan => r.resourceType === 'CarePlan');
      expect(stored.length).toBeGreaterThan(plansBefore);
      expect(stored.map((p) => p.title)).toContain(page.querySelector('.plan-title')?.textContent);
    } finally {
      await target.close();
    }
  });

  test('a file that is not valid JSON gets a clear error, no report and nothing written', async () => {
    const page = await launch(source, georgeId);
    const importPart = part(await openExchange(page), 'Import');
    const before = await census(source.gateway);

    await pasteAndCheck(importPart, '{ "resourceType": "Bundle", "type": "transaction",\n  "entry": [ }');

    expect(importPart.querySelector('[role="alert"]')?.textContent).toMatch(
      /^The file is not valid JSON\b.*: .+ Nothing was written\.$/
    );
    expect(importPart.querySelector('.exchange-report')).toBeNull();
    expect([...importPart.querySelectorAll('button')].some((b) => b.textContent.startsWith('Import into'))).toBe(false);
    expect(await census(source.gateway)).toEqual(before);
  });

  test("another client's plan is refused with the reason, and cannot be imported", async () => {
    const page = await launch(source, await patientId(source, 'Johnson'));
    const importPart = part(await openExchange(page), 'Import');
    const before = await census(source.gateway);

    await pasteAndCheck(importPart, georgeFile);

    const refusal = importPart.querySelector('[role="alert"]')?.textContent ?? '';
    expect(refusal).toMatch(
      /^These records are for George .*Smith \(Patient\/[^ ]+ on this server\), not for Robert .*Johnson: /
    );
    expect(refusal).toContain(`Patient/${georgeId} on this server`);
    expect(importButton(importPart).disabled).toBe(true);
    expect(await census(source.gateway)).toEqual(before);
  });

  test('warnings need a confirmation before the import can be sent', async () => {
    // The file refers to the clinician by the server's own address instead of holding her record: a warning.
    const bundle = JSON.parse(georgeFile) as fhir.Bundle;
    const clinician = bundle.entry?.find((e) => e.resource?.resourceType === 'Practitioner');
    const [held] = await source.gateway
      .request<fhir.Bundle>({ method: 'GET', url: `Practitioner?${clinician?.request?.ifNoneExist ?? ''}` })
      .then((r) => r.body?.entry ?? []);
    if (clinician?.fullUrl === undefined || held?.resource?.id === undefined) throw new Error('a clinician on file');
    const file = JSON.stringify({ ...bundle, entry: bundle.entry?.filter((e) => e !== clinician) }).replaceAll(
      JSON.stringify(clinician.fullUrl),
      JSON.stringify(`Practitioner/${held.resource.id}`)
    );
    const page = await launch(source, georgeId);
    const importPart = part(await openExchange(page), 'Import');

    await pasteAndCheck(importPart, file);

    const warnings = [...importPart.querySelectorAll('tr.exchange-issue-warning')];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]?.textContent).toContain(`which the target server holds`);
    expect(importButton(importPart).disabled).toBe(true);
    expect(importPart.textContent).toContain('Confirm the warnings above to import.');
    tick(importPart, /^I have read the \d+ warnings? and want to import anyway$/);
    expect(importButton(importPart).disabled).toBe(false);
    await act(async () => {
      importButton(importPart).click();
      await Promise.resolve();
    });
    await waitUntil(() => importPart.querySelector('.exchange-done') !== null, 'the import result');
    expect(importPart.querySelector('.exchange-done')?.textContent).toMatch(/^Nothing new: /);
  });

  test('on a server without atomic transactions the import is sent one record at a time', async () => {
    const target = await serverWith(exampleBundle('george-smith', (r) => r.resourceType === 'Patient'));
    try {
      const sent: string[] = [];
      const gateway: FhirGateway = {
        ...target.gateway,
        request: (request) => {
          const body = request.body as Partial<fhir.Bundle> | undefined;
          const bundleType = body?.resourceType === 'Bundle' ? body.type : undefined;
          if (request.method !== 'GET')
            sent.push(bundleType === undefined ? `${request.method} ${request.url}` : bundleType);
          return target.gateway.request(request);
        },
      };
      const sequential: WriteStrategy = {
        kind: 'sequential',
        explanation: 'Saves the plan one record at a time.',
        edits: 'plan',
        save: () => Promise.resolve({ kind: 'nothing-to-save' }),
      };
      const page = await launch(target, await patientId(target, 'Smith'), {
        gateway,
        writing: { kind: 'chosen', strategy: sequential, because: ['This server takes no transactions.'] },
      });
      const importPart = part(await openExchange(page), 'Import');
      expect(importPart.textContent).toContain('sent one record at a time');
      await pasteAndCheck(importPart, georgeFile);

      await act(async () => {
        importButton(importPart).click();
        await Promise.resolve();
      });
      await waitUntil(() => page.querySelector('.plan-title') !== null, 'the imported plan in the workspace');

      expect(sent).not.toContain('transaction');
      const writes = sent.filter((s) => s !== 'batch');
      expect(writes.filter((s) => s.startsWith('POST CarePlan'))).toHaveLength(2);
      expect(writes.filter((s) => s.startsWith('POST Goal')).length).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
  });

  test('on a server where plans are filed as notes, the import is filed through the note strategy, for the launched client', async () => {
    const given: TreatmentPlan[] = [];
    const note: WriteStrategy = {
      kind: 'note',
      explanation: 'Saves the plan as a clinical note.',
      edits: 'note',
      save: ({ plan }) => {
        given.push(plan);
        const response: fhir.Bundle = { resourceType: 'Bundle', type: 'batch-response' };
        return Promise.resolve({
          kind: 'sent',
          requests: 1,
          result: {
            kind: 'saved',
            response,
            locations: [{ entryIndex: 0, location: 'DocumentReference/n1/_history/1', status: '201 Created' }],
          },
        });
      },
    };
    const page = await launch(source, georgeId, {
      writing: { kind: 'chosen', strategy: note, because: ['This server does not let apps write care plans.'] },
    });
    const importPart = part(await openExchange(page), 'Import');
    expect(importPart.textContent).toContain('the imported plan is filed as a clinical note');
    await pasteAndCheck(importPart, georgeFile);

    await act(async () => {
      importButton(importPart).click();
      await Promise.resolve();
    });
    await waitUntil(() => importPart.querySelector('.exchange-done') !== null, 'the import result');

    expect(importPart.querySelector('.exchange-done')?.textContent).toBe(
      'Filed as a clinical note: 1 new and 0 changed record(s) on the server.'
    );
    expect(given.map((plan) => plan.client.reference)).toEqual([`Patient/${georgeId}`]);
  });
});
