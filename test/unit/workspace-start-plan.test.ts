import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import { checkPlanRules, type TreatmentPlan } from '../../src/plan/index.ts';
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

const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';

/** The visit the EHR launched the app from: a video session at the client's home, with its place of service. */
function launchVisit(participant: string): fhir.FhirResource[] {
  const encounter: fhir.Encounter = {
    resourceType: 'Encounter',
    id: 'launch-visit',
    meta: { versionId: '3' },
    status: 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
    type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '90837' }] }],
    subject: { reference: `Patient/${patient?.id ?? ''}` },
    period: { start: '2026-11-26T14:00:00-05:00', end: '2026-11-26T14:55:00-05:00' },
    participant: [{ individual: { reference: participant } }],
    location: [{ location: { reference: 'Location/home-video' } }],
  };
  const location: fhir.Location = {
    resourceType: 'Location',
    id: 'home-video',
    status: 'active',
    mode: 'kind',
    type: [{ coding: [{ system: POS, code: '10', display: "Telehealth Provided in Patient's Home" }] }],
  };
  return [encounter, location];
}

function startedWith(resources: readonly fhir.FhirResource[], encounter: string | undefined): TreatmentPlan {
  if (patient === undefined || practitioner === undefined) throw new Error('the example has a patient and a clinician');
  return startPlan({
    id: 'new-plan',
    today: '2026-11-27',
    now: '2026-11-27T10:00:00-05:00',
    patient,
    practitioner,
    resources,
    ...(encounter === undefined ? {} : { encounter }),
  });
}

describe('starting a plan from the encounter the app was launched in', () => {
  test('the session takes the encounter’s date, times, place of service and kind, and keeps the clinician', () => {
    const clinician = `Practitioner/${practitioner?.id ?? ''}`;
    const plan = startedWith([...records, ...launchVisit(clinician)], 'launch-visit');
    expect(plan.session).toMatchObject({
      id: 'Encounter/launch-visit',
      dateOfService: '2026-11-26',
      start: '2026-11-26T14:00:00-05:00',
      end: '2026-11-26T14:55:00-05:00',
      contactMode: 'telehealth',
      placeOfService: { system: POS, code: '10' },
      serviceType: { code: '90837' },
    });
    expect(plan.session.provider?.reference).toBe(clinician);
    expect(plan.session.provider?.credentials.length).toBeGreaterThan(0);
    expect(plan.review.periodStart).toBe('2026-11-27');
  });

  test('saving the new plan links it to the launching encounter and updates that record, not a copy', () => {
    const loaded = [...records, ...launchVisit(`Practitioner/${practitioner?.id ?? ''}`)];
    const writes = planToFhir(startedWith(loaded, 'Encounter/launch-visit'), loaded);
    const carePlan = writes.find((w) => w.resource.resourceType === 'CarePlan')?.resource as fhir.CarePlan | undefined;
    expect(carePlan?.encounter?.reference).toBe('Encounter/launch-visit');
    const encounters = writes.filter((w) => w.resource.resourceType === 'Encounter');
    expect(encounters.map((w) => [w.request.method, w.request.url])).toEqual([['PUT', 'Encounter/launch-visit']]);
  });

  test('an encounter with another provider names them as the session’s provider', () => {
    const other = records.find((r) => r.resourceType === 'Practitioner' && r.id !== practitioner?.id);
    const reference = other === undefined ? 'Practitioner/someone-else' : `Practitioner/${other.id ?? ''}`;
    const plan = startedWith([...records, ...launchVisit(reference)], 'launch-visit');
    expect(plan.session.provider?.reference).toBe(reference);
  });

  test('without a launching encounter, or with one the record does not hold, the session is today', () => {
    for (const encounter of [undefined, 'not-on-record']) {
      const plan = startedWith(records, encounter);
      expect(plan.session.id).toBeUndefined();
      expect(plan.session.dateOfService).toBe('2026-11-27');
      expect(plan.session.provider?.reference).toBe(`Practitioner/${practitioner?.id ?? ''}`);
    }
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
