import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { planToCcda, prepareCcdaImport } from '../../src/exchange/ccda/index.ts';
import { applyImport } from '../../src/exchange/index.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { census, clientRecords, startExchangeServer, type ExchangeServer } from './support/exchange-servers.ts';

const NOW = new Date('2026-11-27T15:00:00Z');

let definitions: ConformanceDefinitions;
let source: ExchangeServer;
let target: ExchangeServer;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
  source = await startExchangeServer(true);
  target = await startExchangeServer('records');
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('a plan moved to another server as a C-CDA Care Plan document', () => {
  it('is written there with its goals, objectives and interventions, the patient matched by identifier, and a second import creates nothing', async () => {
    const records = await clientRecords(source.gateway, 'michael-jones');
    const original = planFromFhir(records).plan;
    const { xml } = planToCcda(records, { now: NOW });

    const report = await prepareCcdaImport(xml, target.gateway, { definitions });

    expect(report.issues.filter((i) => i.severity !== 'information')).toEqual([]);
    expect(report.patient).toMatchObject({ kind: 'matched', reference: 'Patient/michael-jones' });
    expect(report.notUnderstood.some((n) => n.includes('Signatures'))).toBe(original.signatures.length > 0);
    const result = await applyImport(report, target.gateway, { confirmWarnings: true });
    expect(result.kind === 'failed' ? result.message : result.kind).toBe('written');

    const copied = planFromFhir(await clientRecords(target.gateway, 'michael-jones'), { planId: original.id }).plan;
    expect(copied.goals.map((g) => [g.id, g.description.text, g.objectives.map((o) => o.id)])).toEqual(
      original.goals.map((g) => [g.id, g.description.text, g.objectives.map((o) => o.id)])
    );
    expect(copied.interventions.map((i) => [i.id, i.technique.text, i.goalIds])).toEqual(
      original.interventions.map((i) => [i.id, i.technique.text, i.goalIds])
    );
    expect(copied.diagnoses.map((d) => d.condition)).toEqual(original.diagnoses.map((d) => d.condition));

    const before = await census(target.gateway);
    const second = await prepareCcdaImport(xml, target.gateway, { definitions });
    expect(second.actions.filter((a) => a.action !== 'match')).toEqual([]);
    expect(await applyImport(second, target.gateway, { confirmWarnings: true })).toMatchObject({
      kind: 'written',
      created: 0,
    });
    expect(await census(target.gateway)).toEqual(before);
  });
});

describe('a CCD from another EHR for a client the server does not know', () => {
  it('creates the client and the plan read from it once, and reports the sections it left out', async () => {
    const text = readFileSync(resolve(import.meta.dirname, '../fixtures/ccda/ccd-plan-of-treatment.xml'), 'utf8');

    const report = await prepareCcdaImport(text, target.gateway, { definitions });

    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.patient).toMatchObject({ kind: 'absent', willCreate: true });
    expect(report.notUnderstood).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Medications: 1 entry in a section the treatment plan has no place for.'),
      ])
    );
    const created = report.actions.filter((a) => a.action === 'create').map((a) => a.resourceType);
    expect(created).toEqual(
      expect.arrayContaining(['Patient', 'CarePlan', 'Condition', 'Goal', 'ServiceRequest', 'Observation'])
    );
    const result = await applyImport(report, target.gateway, { confirmWarnings: true });
    expect(result.kind === 'failed' ? result.message : result.kind).toBe('written');

    const before = await census(target.gateway);
    const again = await prepareCcdaImport(text, target.gateway, { definitions });
    expect(again.patient.kind).toBe('matched');
    await applyImport(again, target.gateway, { confirmWarnings: true });
    expect(await census(target.gateway)).toEqual(before);
  });
});
