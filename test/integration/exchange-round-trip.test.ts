import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { applyImport, exportPlan, parseImportInput, prepareImport } from '../../src/exchange/index.ts';
import type { ExportFormat } from '../../src/exchange/index.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import {
  census,
  clientRecords,
  portablePlan,
  startExchangeServer,
  type ExchangeServer,
} from './support/exchange-servers.ts';

const NOW = new Date('2026-11-27T15:00:00Z');
const CLIENTS = ['george-smith', 'john-doe', 'michael-jones', 'robert-johnson'] as const;

let definitions: ConformanceDefinitions;
let source: ExchangeServer;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
  source = await startExchangeServer(true);
});
afterAll(async () => {
  await source.close();
});

async function importText(text: string, into: ExchangeServer, patient?: string) {
  const report = await prepareImport(parseImportInput(text), into.gateway, {
    definitions,
    ...(patient !== undefined ? { patient } : {}),
  });
  return { report, result: await applyImport(report, into.gateway, { confirmWarnings: true }) };
}

describe.each(CLIENTS)('moving the plan of %s to a second server', (client) => {
  it.each<ExportFormat>(['transaction', 'document'])(
    'as a %s: the second server reads the same plan, its patient matched by identifier, and a second import creates nothing',
    async (format) => {
      const target = await startExchangeServer('records');
      try {
        const records = await clientRecords(source.gateway, client);
        const original = planFromFhir(records).plan;
        const text = JSON.stringify(exportPlan(records, { format, now: NOW }));

        const { report, result } = await importText(text, target);

        expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(report.patient).toMatchObject({ kind: 'matched', reference: `Patient/${client}` });
        expect(report.actions.filter((a) => a.action === 'create').map((a) => a.resourceType)).toContain('CarePlan');
        expect(result.kind === 'failed' ? result.message : result.kind).toBe('written');
        const planAddress = result.kind === 'written' ? (result.plan ?? '') : '';
        const stored = await target.gateway.read<fhir.CarePlan>(planAddress);
        expect(stored.identifier?.map((i) => i.value)).toContain(original.id);
        const copied = await clientRecords(target.gateway, client);
        const again = planFromFhir([exportPlan(copied, { format: 'transaction', now: NOW })], { planId: original.id });
        expect(portablePlan(again.plan)).toEqual(portablePlan(original));

        const before = await census(target.gateway);
        const second = await importText(text, target);
        expect(second.report.actions.filter((a) => a.action !== 'match')).toEqual([]);
        expect(second.result).toMatchObject({ kind: 'written', created: 0 });
        expect(await census(target.gateway)).toEqual(before);
      } finally {
        await target.close();
      }
    }
  );
});

describe('moving a plan to a server that does not know the client', () => {
  it('creates the patient from the input, once', async () => {
    const target = await startExchangeServer(false);
    try {
      const records = await clientRecords(source.gateway, 'john-doe');
      const text = JSON.stringify(exportPlan(records, { format: 'transaction', now: NOW }));

      const { report, result } = await importText(text, target);

      expect(report.patient).toMatchObject({ kind: 'absent', willCreate: true });
      expect(report.actions.find((a) => a.resourceType === 'Patient')?.action).toBe('create');
      expect(result.kind).toBe('written');
      const counts = await census(target.gateway);
      expect(counts.Patient).toBe(1);
      const second = await importText(text, target);
      expect(second.report.patient.kind).toBe('matched');
      expect(await census(target.gateway)).toEqual(counts);
    } finally {
      await target.close();
    }
  });
});

describe('importing a changed copy of a plan the target already holds', () => {
  it('updates the changed record in place, matches the rest, and creates nothing', async () => {
    const target = await startExchangeServer('records');
    try {
      const records = await clientRecords(source.gateway, 'michael-jones');
      const bundle = exportPlan(records, { format: 'transaction', now: NOW });
      await importText(JSON.stringify(bundle), target);
      const goalEntry = bundle.entry?.find((e) => e.resource?.resourceType === 'Goal');
      const goal = goalEntry?.resource as fhir.Goal;
      goal.description = { ...goal.description, text: 'Sleep through the night five nights a week' };
      const before = await census(target.gateway);

      const { report, result } = await importText(JSON.stringify(bundle), target);

      expect(report.actions.filter((a) => a.action !== 'match')).toEqual([
        expect.objectContaining({ action: 'update', resourceType: 'Goal', fullUrl: goalEntry?.fullUrl }),
      ]);
      expect(result).toMatchObject({ kind: 'written', created: 0, updated: 1 });
      expect(await census(target.gateway)).toEqual(before);
      const updated = report.actions.find((a) => a.action === 'update')?.existing ?? '';
      const stored = await target.gateway.read<fhir.Goal>(updated);
      expect(stored.description.text).toBe('Sleep through the night five nights a week');
      expect(stored.meta?.versionId).not.toBe('1');
    } finally {
      await target.close();
    }
  });

  it('says so when the target changed the record after the report was prepared, and keeps it', async () => {
    const target = await startExchangeServer('records');
    try {
      const records = await clientRecords(source.gateway, 'john-doe');
      const bundle = exportPlan(records, { format: 'transaction', now: NOW });
      await importText(JSON.stringify(bundle), target);
      const goal = bundle.entry?.find((e) => e.resource?.resourceType === 'Goal')?.resource as fhir.Goal;
      goal.description = { ...goal.description, text: 'Changed in the file' };
      const report = await prepareImport(parseImportInput(JSON.stringify(bundle)), target.gateway, { definitions });
      const address = report.actions.find((a) => a.action === 'update')?.existing ?? '';
      const stored = await target.gateway.read<fhir.Goal>(address);
      await target.gateway.request({
        method: 'PUT',
        url: address,
        body: { ...stored, description: { text: 'Changed on the server meanwhile' } },
      });

      const result = await applyImport(report, target.gateway, { confirmWarnings: true });

      expect(result).toMatchObject({ kind: 'failed', save: { kind: 'conflict' } });
      expect(result.kind === 'failed' ? result.message : '').toMatch(/conflict/);
      expect((await target.gateway.read<fhir.Goal>(address)).description.text).toBe('Changed on the server meanwhile');
    } finally {
      await target.close();
    }
  });
});

describe('importing a searchset a server answered', () => {
  it('imports the matches and reports the server outcome instead of writing it', async () => {
    const target = await startExchangeServer('records');
    try {
      const exported = exportPlan(await clientRecords(source.gateway, 'robert-johnson'), {
        format: 'transaction',
        now: NOW,
      });
      const outcome: fhir.OperationOutcome = {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'information', code: 'informational', diagnostics: 'Some results were left out' }],
      };
      const searchset: fhir.Bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          ...(exported.entry ?? []).map(({ fullUrl, resource }) => ({
            ...(fullUrl !== undefined ? { fullUrl } : {}),
            ...(resource !== undefined ? { resource } : {}),
            search: { mode: 'match' as const },
          })),
          { resource: outcome, search: { mode: 'outcome' } },
        ],
      };

      const { report, result } = await importText(JSON.stringify(searchset), target);

      expect(report.actions.map((a) => a.resourceType)).not.toContain('OperationOutcome');
      expect(report.notUnderstood.some((n) => n.includes('Some results were left out'))).toBe(true);
      expect(result).toMatchObject({ kind: 'written' });
      expect((await census(target.gateway)).CarePlan).toBe(
        exported.entry?.filter((e) => e.resource?.resourceType === 'CarePlan').length
      );
    } finally {
      await target.close();
    }
  });
});
