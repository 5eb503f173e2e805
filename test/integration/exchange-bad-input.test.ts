import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import {
  applyImport,
  exportPlan,
  ImportInputError,
  MAX_IMPORT_BYTES,
  parseImportInput,
  prepareImport,
} from '../../src/exchange/index.ts';
import type { ImportResult } from '../../src/exchange/index.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { census, clientRecords, startExchangeServer, type ExchangeServer } from './support/exchange-servers.ts';

const NOW = new Date('2026-11-27T15:00:00Z');

let definitions: ConformanceDefinitions;
let source: ExchangeServer;
let target: ExchangeServer;
let exported: fhir.Bundle;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
  source = await startExchangeServer(true);
  target = await startExchangeServer('records');
  exported = exportPlan(await clientRecords(source.gateway, 'robert-johnson'), { format: 'transaction', now: NOW });
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
});

/** Parses, prepares and applies `text` as a user who confirms every warning would; what came of it. */
async function importEverything(text: string): Promise<ImportInputError | ImportResult> {
  try {
    const report = await prepareImport(parseImportInput(text), target.gateway, { definitions });
    return await applyImport(report, target.gateway, { confirmWarnings: true });
  } catch (error) {
    if (error instanceof ImportInputError) return error;
    throw error;
  }
}

/** The exported Bundle with `change` applied to a copy of its first entry of `type`. */
function withChanged(type: string, change: (resource: Record<string, unknown>) => void): fhir.Bundle {
  const copy = structuredClone(exported);
  const entry = copy.entry?.find((e) => e.resource?.resourceType === type);
  if (!entry?.resource) throw new Error(`No ${type} in the export`);
  change(entry.resource as unknown as Record<string, unknown>);
  return copy;
}

describe('bad input: a clear error and nothing written', () => {
  it.each<[string, () => string, string]>([
    ['invalid JSON', () => JSON.stringify(exported).slice(0, -20), 'invalid-json'],
    ['a message Bundle', () => JSON.stringify({ ...exported, type: 'message' }), 'wrong-bundle-type'],
    ['a history Bundle', () => JSON.stringify({ ...exported, type: 'history' }), 'wrong-bundle-type'],
    ['a file over 50 MB', () => JSON.stringify(exported).padEnd(MAX_IMPORT_BYTES + 1, ' '), 'too-large'],
  ])('%s is refused before the target is asked anything', async (_, text, code) => {
    const before = await census(target.gateway);

    const outcome = await importEverything(text());

    expect(outcome).toBeInstanceOf(ImportInputError);
    expect((outcome as ImportInputError).code).toBe(code);
    expect((outcome as ImportInputError).message.length).toBeGreaterThan(20);
    expect(await census(target.gateway)).toEqual(before);
  });

  it('records that fail validation are reported at their FHIRPath and block the write', async () => {
    const bad = withChanged('Goal', (goal) => {
      goal.lifecycleStatus = 'bogus';
    });
    const index = bad.entry?.findIndex((e) => e.resource?.resourceType === 'Goal') ?? -1;
    const before = await census(target.gateway);

    const report = await prepareImport(parseImportInput(JSON.stringify(bad)), target.gateway, { definitions });

    expect(report.ok).toBe(false);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        location: `Bundle.entry[${String(index)}].resource.lifecycleStatus`,
      })
    );
    expect(await applyImport(report, target.gateway, { confirmWarnings: true })).toMatchObject({
      kind: 'refused',
      reason: 'errors',
    });
    expect(await census(target.gateway)).toEqual(before);
  });

  it('a reference to nothing is an error at its FHIRPath and blocks the write', async () => {
    const bad = withChanged('CarePlan', (plan) => {
      (plan.goal as fhir.Reference[]).push({ reference: 'Goal/not-anywhere' });
    });
    const index = bad.entry?.findIndex((e) => e.resource?.resourceType === 'CarePlan') ?? -1;
    const goals = ((bad.entry?.[index]?.resource as fhir.CarePlan).goal ?? []).length;
    const before = await census(target.gateway);

    const report = await prepareImport(parseImportInput(JSON.stringify(bad)), target.gateway, { definitions });

    expect(report.issues).toContainEqual({
      severity: 'error',
      location: `Bundle.entry[${String(index)}].resource.goal[${String(goals - 1)}]`,
      message: 'Refers to Goal/not-anywhere, which is neither in the input nor on the target server.',
      rule: 'dangling-reference',
    });
    expect(await applyImport(report, target.gateway, { confirmWarnings: true })).toMatchObject({ kind: 'refused' });
    expect(await census(target.gateway)).toEqual(before);
  });

  it('a patient the target holds twice is asked about, and nothing is written until it is chosen', async () => {
    const patient = await target.gateway.read<fhir.Patient>('Patient/robert-johnson');
    const copy: Partial<fhir.Patient> = { ...patient };
    delete copy.id;
    delete copy.meta;
    await target.gateway.request({ method: 'POST', url: 'Patient', body: copy });
    const before = await census(target.gateway);

    const report = await prepareImport(parseImportInput(JSON.stringify(exported)), target.gateway, { definitions });

    expect(report.patient.kind).toBe('ambiguous');
    expect(report.patient.kind === 'ambiguous' ? report.patient.candidates.map((c) => c.reference) : []).toContain(
      'Patient/robert-johnson'
    );
    expect(await applyImport(report, target.gateway, { confirmWarnings: true })).toMatchObject({
      kind: 'refused',
      reason: 'patient',
    });
    expect(await census(target.gateway)).toEqual(before);

    const chosen = await prepareImport(parseImportInput(JSON.stringify(exported)), target.gateway, {
      definitions,
      patient: 'robert-johnson',
    });
    expect(chosen.patient).toMatchObject({ kind: 'matched', reference: 'Patient/robert-johnson' });
    expect(chosen.ok).toBe(true);
  });

  it('a target that refuses the transaction: the result gives the reason the server gave, and nothing is written', async () => {
    const report = await prepareImport(parseImportInput(JSON.stringify(exported)), target.gateway, {
      definitions,
      patient: 'robert-johnson',
    });
    const before = await census(target.gateway);
    const sent: fhir.Bundle[] = [];

    // The write seam (issue 5's strategies plug in here): this one answers as a server that refuses the Bundle.
    const result = await applyImport(report, target.gateway, {
      confirmWarnings: true,
      write: (_, transaction) => {
        sent.push(transaction);
        return Promise.resolve({
          kind: 'rejected',
          status: 422,
          outcome: undefined,
          issues: [{ message: 'CarePlan is not supported here', severity: 'error' }],
          written: 'nothing',
        });
      },
    });

    expect(sent).toEqual([report.transaction]);
    expect(result).toMatchObject({ kind: 'failed', save: { kind: 'rejected', status: 422 } });
    expect(result.kind === 'failed' ? result.message : '').toBe(
      'The target server refused the import (422): CarePlan is not supported here.'
    );
    expect(await census(target.gateway)).toEqual(before);
  });

  it('a report prepared for another server is not applied to this one', async () => {
    const report = await prepareImport(parseImportInput(JSON.stringify(exported)), source.gateway, { definitions });
    const before = await census(target.gateway);
    expect(await applyImport(report, target.gateway, { confirmWarnings: true })).toMatchObject({ kind: 'refused' });
    expect(await census(target.gateway)).toEqual(before);
  });
});
