import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { exportPlan } from '../../src/exchange/index.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { exampleRecords, type ExampleClient } from './workspace-example-records.ts';

let definitions: ConformanceDefinitions;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
});

const NOW = new Date('2026-11-27T15:00:00Z');
const CLIENTS: readonly ExampleClient[] = ['george-smith', 'john-doe', 'michael-jones', 'robert-johnson'];

/** The plan without what differs from server to server: references, and the version a signature pinned. */
function portablePlan(plan: TreatmentPlan): unknown {
  return JSON.parse(JSON.stringify(plan), (key, value: unknown) =>
    key === 'reference' || key === 'planVersion' ? undefined : value
  ) as unknown;
}

const errors = (bundle: fhir.Bundle): string[] =>
  checkConformance(bundle, definitions)
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.location}: ${i.message}`);

describe.each(CLIENTS)('exporting the plan of %s', (client) => {
  const records = exampleRecords(client);
  const original = planFromFhir(records).plan;

  it('as a document: a valid R4 document whose Composition leads, with a section per plan section', () => {
    const bundle = exportPlan(records, { format: 'document', now: NOW });

    expect(errors(bundle)).toEqual([]);
    expect(bundle.type).toBe('document');
    expect(bundle.timestamp).toBe(NOW.toISOString());
    const composition = bundle.entry?.[0]?.resource as fhir.Composition;
    expect(composition.resourceType).toBe('Composition');
    expect(composition.type.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '18776-5' });
    expect(composition.status).toBe(original.signatures.length > 0 ? 'final' : 'preliminary');
    expect(composition.section?.map((s) => s.title)).toContain('Goals and objectives');
    for (const section of composition.section ?? []) {
      expect(section.text?.div).toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">.+<\/div>$/);
    }
    const fullUrls = new Set(bundle.entry?.map((e) => e.fullUrl));
    const referenced = (composition.section ?? []).flatMap((s) => s.entry ?? []).map((r) => r.reference);
    expect(referenced.length).toBeGreaterThan(0);
    for (const reference of referenced) expect(fullUrls).toContain(reference);
    const goals = composition.section?.find((s) => s.title === 'Goals and objectives');
    expect(goals?.code?.coding?.[0]?.code).toBe('61146-7');
    const goalCount = original.goals.reduce((n, g) => n + 1 + g.objectives.length, 0);
    expect(goals?.entry?.length ?? 0).toBeGreaterThanOrEqual(goalCount);
  });

  it('as a document: attesters from the signatures, by role', () => {
    const bundle = exportPlan(records, { format: 'document', now: NOW });
    const composition = bundle.entry?.[0]?.resource as fhir.Composition;
    const modes = { clinician: 'legal', supervisor: 'professional', client: 'personal', guardian: 'personal' };
    expect((composition.attester ?? []).map((a) => [a.mode, a.time])).toEqual(
      original.signatures.map((s) => [modes[s.role], s.signedAt])
    );
  });

  it('as a document: reads back to the same plan', () => {
    const bundle = exportPlan(records, { format: 'document', now: NOW });
    const reading = readPlanInput(bundle, { planId: original.id });
    expect(portablePlan(reading.plan)).toEqual(portablePlan(original));
  });

  it('as a transaction: conditional creates, urn:uuid references, no server ids or versions', () => {
    const bundle = exportPlan(records, { format: 'transaction', now: NOW });

    expect(errors(bundle)).toEqual([]);
    const fullUrls = new Set(bundle.entry?.map((e) => e.fullUrl));
    for (const entry of bundle.entry ?? []) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:/);
      expect(entry.request?.method).toBe('POST');
      expect(entry.request?.ifNoneExist).toMatch(/^(identifier|recorded)=/);
      expect(entry.resource?.id).toBeUndefined();
      expect(entry.resource?.meta?.versionId).toBeUndefined();
      const references = JSON.stringify(entry.resource).match(/"reference":"[^"]*"/g) ?? [];
      for (const found of references) {
        const reference = found.slice('"reference":"'.length, -1);
        if (!reference.startsWith('#')) expect(fullUrls).toContain(reference);
      }
    }
    const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient');
    expect(patient?.request?.ifNoneExist).toMatch(/^identifier=/);
  });

  it('as a transaction: reads back to the same plan', () => {
    const bundle = exportPlan(records, { format: 'transaction', now: NOW });
    const reading = readPlanInput(bundle, { planId: original.id });
    expect(portablePlan(reading.plan)).toEqual(portablePlan(original));
  });
});

describe('exporting without a plan', () => {
  it('says the records hold no plan', () => {
    const records = exampleRecords('george-smith').filter((r) => r.resourceType !== 'CarePlan');
    expect(() => exportPlan(records, { format: 'transaction', now: NOW })).toThrow(/no treatment plan/);
  });

  it('says the Patient record is missing when it is', () => {
    const records = exampleRecords('michael-jones').filter((r) => r.resourceType !== 'Patient');
    expect(() => exportPlan(records, { format: 'document', now: NOW })).toThrow(
      /no Patient record for the plan's client/
    );
  });

  it('says which plan is missing when one is asked for', () => {
    expect(() => exportPlan(exampleRecords('john-doe'), { format: 'document', planId: 'nope', now: NOW })).toThrow(
      /no plan nope/
    );
  });
});

describe('reading an export back', () => {
  it('keeps who performed a past treatment, by name and by reference', () => {
    const procedure: fhir.Procedure = {
      resourceType: 'Procedure',
      id: 'p1',
      status: 'completed',
      subject: { reference: 'Patient/x' },
      performer: [{ actor: { reference: 'Practitioner/pr1', display: 'Dr Lee' } }],
    };
    const consent = {
      resourceType: 'Consent',
      id: 'c1',
      provision: { actor: [{ role: { text: 'agent' }, reference: { reference: 'Practitioner/pr1' } }] },
    };
    const reading = readPlanInput([procedure, consent]);
    const [readProcedure, readConsent] = reading.resources as [fhir.Procedure, fhir.Consent];
    expect(readProcedure.performer?.[0]?.actor).toEqual({ reference: 'Practitioner/pr1', display: 'Dr Lee' });
    expect(readConsent.provision?.actor?.[0]?.reference).toEqual({ reference: 'Practitioner/pr1' });
  });
});
