import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { checkPlanRules } from '../../src/plan/index.ts';
import { recordedDiagnoses, searchAmong } from '../../src/workspace/diagnosis-search.ts';
import { startPlan } from '../../src/workspace/start-plan.ts';
import { exampleRecords } from './workspace-example-records.ts';

const records = exampleRecords('robert-johnson').filter((r) => r.resourceType !== 'CarePlan');
const patient = records.find((r): r is fhir.Patient => r.resourceType === 'Patient');
const practitioner = records.find((r): r is fhir.Practitioner => r.resourceType === 'Practitioner');

function started(): ReturnType<typeof startPlan> {
  if (patient === undefined || practitioner === undefined) throw new Error('the example has a patient and a clinician');
  return startPlan({
    id: 'new-plan',
    today: '2026-11-27',
    now: '2026-11-27T10:00:00-05:00',
    patient,
    practitioner,
    resources: records,
  });
}

describe('starting a plan for a client who has none', () => {
  test('the new plan names the client with a second identifier and the clinician as author and provider', () => {
    const plan = started();
    expect(plan.client.name).toBe('Robert Johnson');
    expect(plan.client.identifiers.map((i) => i.value)).toContain('SB-100002');
    expect(plan.author?.reference).toBe(`Practitioner/${practitioner?.id ?? ''}`);
    expect(plan.session.provider?.credentials.length).toBeGreaterThan(0);
    expect(plan.session.dateOfService).toBe('2026-11-27');
    expect(plan.status).toBe('draft');
  });

  test('active diagnoses on the record become the plan diagnoses, linked by their record address', () => {
    const plan = started();
    expect(plan.diagnoses.map((d) => d.condition.text)).toContain('Generalized anxiety disorder');
    expect(plan.diagnoses.every((d) => d.id.startsWith('Condition/'))).toBe(true);
    expect(plan.presentingConcerns).toEqual([]);
  });

  test('the most recent score of each scale becomes an assessment result, and the plan breaks no rule', () => {
    const plan = started();
    const measures = plan.progress.measurements.map((m) => m.measure.text);
    expect(new Set(measures).size).toBe(measures.length);
    expect(plan.history.assessmentIds).toEqual(plan.progress.measurements.map((m) => m.id));
    expect(checkPlanRules(plan).filter((v) => v.severity === 'error')).toEqual([]);
  });
});

describe('the diagnosis search until the catalog ships', () => {
  test('finds diagnoses on the record by words or code, and leaves presenting concerns out', () => {
    const search = searchAmong(recordedDiagnoses(records));
    expect(search('anxiety').map((c) => c.text)).toEqual(['Generalized anxiety disorder']);
    expect(search('F41.1').map((c) => c.text)).toEqual(['Generalized anxiety disorder']);
    expect(search('tension').map((c) => c.text)).toEqual(['Tension-type headache']);
    expect(search('   ')).toEqual([]);
  });
});
