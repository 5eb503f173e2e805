/**
 * An import into an EHR that takes no care plans (issue 6 §2) becomes a note plus what the server takes: George
 * Smith's plan, exported from a practice's own FHIR server with one problem the EHR does not hold yet, is
 * imported into the sandbox behaving like Epic through the real note strategy. The only writes are the new
 * problem and the plan of care note, both for the EHR's own George; the problems the EHR holds are not written
 * again.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyImport, exportPlan, parseImportInput, prepareImport } from '../../src/exchange/index.ts';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { loadPlanRecords } from '../../src/fhir/load-plan-records.ts';
import { serverProfile } from '../../src/fhir/server-profile.ts';
import type { SmartConfiguration } from '../../src/smart/smart-configuration.ts';
import { importWriting } from '../../src/workspace/exchange-import.ts';
import { chooseStrategy } from '../../src/workspace/strategies/choose-strategy.ts';
import { appScope, smartConfigurationOf } from './support/behave-fixture.ts';
import { clientRecords, startExchangeServer, type ExchangeServer } from './support/exchange-servers.ts';
import { ehrLaunchUrl, launch } from './support/fhirclient-launch.ts';
import { runCli } from './support/cli-run.ts';
import { GEORGE_LAUNCH, startTestSandbox, type TestSandbox } from './support/sandbox-fixture.ts';

const GEORGE = 'george-smith';
const NOW = new Date('2026-11-27T15:00:00Z');
const RECORD_ID = 'https://treatment-plan.example.org/fhir/sid/record-id';

let practice: ExchangeServer;
let ehr: TestSandbox;

beforeAll(async () => {
  practice = await startExchangeServer(true);
  ehr = await startTestSandbox({ behave: 'epic' });
});

afterAll(async () => {
  await practice.close();
  await ehr.close();
});

/** George's plan from the practice's server, with one of its problems renamed into one the EHR does not hold. */
async function exportedWithNewProblem(): Promise<string> {
  const bundle = exportPlan(await clientRecords(practice.gateway, GEORGE), { format: 'transaction', now: NOW });
  const condition = bundle.entry?.find(
    (e) => e.resource?.resourceType === 'Condition' && e.request?.ifNoneExist?.includes('record-id') === true
  );
  const resource = condition?.resource as fhir.Condition | undefined;
  if (condition?.request === undefined || resource === undefined) throw new Error('the export holds a problem');
  resource.identifier = [{ system: RECORD_ID, value: 'dx-insomnia-imported' }];
  resource.code = {
    text: 'Insomnia due to a mental disorder',
    coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F51.05' }],
  };
  condition.request.ifNoneExist = `identifier=${encodeURIComponent(`${RECORD_ID}|dx-insomnia-imported`)}`;
  return JSON.stringify(bundle);
}

describe('importing into an EHR that takes no care plans', () => {
  test('files the plan as a clinical note plus its new problem, for the EHR’s own client', async () => {
    const client = await launch({
      launchUrl: ehrLaunchUrl(ehr.fhirBaseUrl, ehr.createLaunch(GEORGE_LAUNCH)),
      scope: await appScope(ehr),
    });
    const sent: string[] = [];
    const gateway = createFetchGateway({
      baseUrl: ehr.fhirBaseUrl,
      authorization: () => Promise.resolve(`Bearer ${client.state.tokenResponse?.access_token ?? ''}`),
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if ((init?.method ?? 'GET') !== 'GET')
          sent.push(`${init?.method ?? ''} ${url.pathname.split('/fhir/')[1] ?? ''}`);
        return fetch(input, init);
      },
    });
    const profile = serverProfile({
      smartConfiguration: (await smartConfigurationOf(ehr)) as unknown as SmartConfiguration,
      capabilityStatement: await gateway.read<fhir.CapabilityStatement>('metadata'),
      grantedScope: client.state.tokenResponse?.scope,
    });
    const writing = chooseStrategy(profile, gateway);
    expect(writing.kind === 'chosen' ? writing.strategy.kind : writing.kind).toBe('note');

    const report = await prepareImport(parseImportInput(await exportedWithNewProblem()), gateway, {
      requiredSearchParams: profile.requiredSearchParams,
    });
    expect(report.patient).toMatchObject({ kind: 'matched', reference: `Patient/${GEORGE}` });
    const how = importWriting(writing, {
      loadRecords: async () => (await loadPlanRecords(gateway, GEORGE, profile)).resources,
      now: () => NOW,
    });
    if (how.kind !== 'allowed') throw new Error(how.reason);
    const result = await applyImport(report, gateway, { ...how.options, confirmWarnings: true });

    expect(result.kind).toBe('written');
    expect(result.kind === 'written' ? result.filedAs : undefined).toMatch(/^Filed as a clinical note/);
    expect(sent.sort()).toEqual(['POST Condition', 'POST DocumentReference']);
    // The sandbox answers creates with an absolute Location, as most servers do: the records still name their type.
    const written = result.kind === 'written' ? result.records : [];
    expect(written.map((r) => r.location)).toEqual([
      expect.stringMatching(/^https?:\/\/.*\/Condition\/[^/]+/),
      expect.stringMatching(/^https?:\/\/.*\/DocumentReference\/[^/]+/),
    ]);
    expect(written.map((r) => r.resourceType)).toEqual(['Condition', 'DocumentReference']);
    const records = (await loadPlanRecords(gateway, GEORGE, profile)).resources;
    const insomnia = records.filter(
      (r): r is fhir.Condition => r.resourceType === 'Condition' && r.code?.text === 'Insomnia due to a mental disorder'
    );
    expect(insomnia.map((c) => c.subject.reference)).toEqual([`Patient/${GEORGE}`]);
    const notes = records.filter(
      (r): r is fhir.DocumentReference =>
        r.resourceType === 'DocumentReference' && r.type?.coding?.some((c) => c.code === '18776-5') === true
    );
    expect(notes.map((n) => n.subject?.reference)).toEqual([`Patient/${GEORGE}`]);
    expect(notes[0]?.content.map((c) => c.attachment.contentType).sort()).toEqual([
      'application/pdf',
      'application/xhtml+xml',
    ]);
  });

  test('the command-line tool does the same: the import into the Epic-like server is filed as a note', async () => {
    const client = await launch({
      launchUrl: ehrLaunchUrl(ehr.fhirBaseUrl, ehr.createLaunch(GEORGE_LAUNCH)),
      scope: await appScope(ehr),
    });
    const file = join(await mkdtemp(join(tmpdir(), 'import-as-note-')), 'george.transaction.json');
    await writeFile(file, await exportedWithNewProblem());

    const cliNow = new Date('2026-11-28T09:30:00Z');
    const run = await runCli(['import', '--server', ehr.fhirBaseUrl, file, '--yes'], {
      env: { FHIR_TOKEN: client.state.tokenResponse?.access_token },
      now: () => cliNow,
    });

    expect(run.stderr).toContain('filed as a clinical note');
    expect(run.stdout).toMatch(/^Written: Filed as a clinical note: \d+ new/m);
    expect(run.code).toBe(0);
    // The note is dated by the tool's clock (its io), not by the machine's.
    const token = client.state.tokenResponse?.access_token ?? '';
    const gateway = createFetchGateway({
      baseUrl: ehr.fhirBaseUrl,
      authorization: () => Promise.resolve(`Bearer ${token}`),
    });
    const profile = serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: await gateway.read<fhir.CapabilityStatement>('metadata'),
      grantedScope: undefined,
    });
    const notes = (await loadPlanRecords(gateway, GEORGE, profile)).resources.filter(
      (r): r is fhir.DocumentReference =>
        r.resourceType === 'DocumentReference' && r.type?.coding?.some((c) => c.code === '18776-5') === true
    );
    expect(notes.map((n) => n.date)).toContain(cliNow.toISOString());
  });
});
