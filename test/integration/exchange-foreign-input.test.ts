import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { applyImport, parseImportInput, prepareImport } from '../../src/exchange/index.ts';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { census, startExchangeServer, type ExchangeServer } from './support/exchange-servers.ts';

const FOLDERS = [resolve(import.meta.dirname, '../fixtures/foreign'), '/work/shared/foreign-plans'];
const FILES = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name))
);

let definitions: ConformanceDefinitions;
let target: ExchangeServer;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
  target = await startExchangeServer('records');
});
afterAll(async () => {
  await target.close();
});

describe.each(FILES)('importing %s', (file) => {
  it('prepares a report without a crash that lists what the plan model cannot represent', async () => {
    const text = readFileSync(file, 'utf8');
    const input = parseImportInput(text);

    const report = await prepareImport(input, target.gateway, { definitions });

    const reading = readPlanInput(JSON.parse(text));
    expect(report.notUnderstood.length).toBeGreaterThan(0);
    expect(report.notUnderstoodItems).toEqual(reading.notUnderstood);
    expect(report.notUnderstood).toEqual(reading.notUnderstood.map((n) => `${n.resource}: ${n.path}: ${n.reason}`));
    expect(report.validation).toBe('profiles');
    expect(report.ok).toBe(!report.issues.some((i) => i.severity === 'error'));
    for (const issue of report.issues) expect(issue.location).not.toBe('');
  });
});

describe('a foreign plan that names no patient of its own', () => {
  const file = join(FOLDERS[0] ?? '', 'careplan-narrative-only.fhir.json');

  it('asks which patient it belongs to, and writes nothing until told', async () => {
    const before = await census(target.gateway);
    const report = await prepareImport(parseImportInput(readFileSync(file, 'utf8')), target.gateway, { definitions });

    expect(report.patient).toMatchObject({ kind: 'absent', willCreate: false });
    expect(report.patient.kind === 'absent' ? report.patient.message : '').toMatch(/name the patient/);
    expect(report.ok).toBe(false);
    const result = await applyImport(report, target.gateway, { confirmWarnings: true });
    expect(result).toMatchObject({ kind: 'refused', reason: 'errors' });
    expect(await census(target.gateway)).toEqual(before);
  });

  it('attaches to the patient asked for, after the user confirms the warnings', async () => {
    const before = await census(target.gateway);
    const input = parseImportInput(readFileSync(file, 'utf8'));
    const report = await prepareImport(input, target.gateway, { definitions, patient: 'george-smith' });

    expect(report.patient).toMatchObject({ kind: 'matched', reference: 'Patient/george-smith', by: 'asked' });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.issues.some((i) => i.severity === 'warning' && /no identifier/.test(i.message))).toBe(true);
    expect(await applyImport(report, target.gateway)).toMatchObject({
      kind: 'refused',
      reason: 'unconfirmed-warnings',
    });
    expect(await census(target.gateway)).toEqual(before);

    const result = await applyImport(report, target.gateway, { confirmWarnings: true });

    expect(result).toMatchObject({ kind: 'written', created: 1 });
    expect(await census(target.gateway)).toEqual({ ...before, CarePlan: (before.CarePlan ?? 0) + 1 });
    const plan = await target.gateway.read<fhir.CarePlan>(result.kind === 'written' ? (result.plan ?? '') : '');
    expect(plan.subject.reference).toBe('Patient/george-smith');
  });

  it('finds the patient asked for by identifier too', async () => {
    const report = await prepareImport(parseImportInput(readFileSync(file, 'utf8')), target.gateway, {
      patient: 'urn:oid:2.16.840.1.113883.19.5.99999.1|SB-100001',
    });
    expect(report.patient).toMatchObject({ kind: 'matched', reference: 'Patient/george-smith' });
    expect(report.validation).toBe('structure');
    expect(report.issues).toContainEqual(
      expect.objectContaining({ rule: 'validation-skipped', severity: 'information' })
    );
  });
});

describe('references to records the input does not hold', () => {
  const file = join(FOLDERS[0] ?? '', 'careplan-narrative-only.fhir.json');

  it('a conditional reference that matches one record on the target points at it, with a warning', async () => {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as fhir.CarePlan;
    const staff = 'urn:oid:2.16.840.1.113883.19.5.99999.4|SB-STAFF-0001';
    const withAuthor = { ...plan, author: { reference: `Practitioner?identifier=${staff}` } };

    const report = await prepareImport(parseImportInput(JSON.stringify(withAuthor)), target.gateway, {
      definitions,
      patient: 'george-smith',
    });

    expect(report.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', location: 'CarePlan.author', rule: 'dangling-reference' })
    );
    const written = report.transaction.entry?.[0]?.resource as fhir.CarePlan;
    const author = written.author?.reference ?? '';
    expect(author).toMatch(/^Practitioner\/[A-Za-z0-9\-.]+$/);
    const practitioner = await target.gateway.read<fhir.Practitioner>(author);
    expect(practitioner.identifier?.map((i) => `${i.system ?? ''}|${i.value ?? ''}`)).toContain(staff);
  });

  it('a conditional reference that matches nothing on the target is an error', async () => {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as fhir.CarePlan;
    const withAuthor = { ...plan, author: { reference: 'Practitioner?identifier=urn:example|nobody' } };

    const report = await prepareImport(parseImportInput(JSON.stringify(withAuthor)), target.gateway, {
      patient: 'george-smith',
    });

    expect(report.ok).toBe(false);
    expect(report.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', location: 'CarePlan.author', rule: 'dangling-reference' })
    );
  });
});
