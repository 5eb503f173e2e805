/**
 * Merging the EHR's records with the plan kept in a companion store, and the write set the companion takes
 * (issue 5 §2). Plain records in, plain records out: no servers.
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import {
  companionPatientOf,
  isFromCompanion,
  mergePlanRecords,
  withoutCompanionOrigin,
  type ClientLink,
} from '../../src/fhir/companion-records.ts';
import type { PlanRecords } from '../../src/fhir/load-plan-records.ts';
import type { WriteEntry } from '../../src/mapping/index.ts';
import { companionWriteSet } from '../../src/workspace/strategies/companion.ts';

const EHR = 'https://ehr.example/fhir';
const LINK: ClientLink = { ehrBaseUrl: EHR, ehrPatientId: 'ehr-pt', companionPatientId: 'comp-pt' };
const RECORD_ID = 'https://treatment-plan.example.org/fhir/sid/record-id';

function records(resources: fhir.FhirResource[], more: Partial<PlanRecords> = {}): PlanRecords {
  return { resources, roundTrips: 2, requests: 3, incomplete: [], ...more };
}

const ehrPatient: fhir.Patient = {
  resourceType: 'Patient',
  id: 'ehr-pt',
  identifier: [
    { system: 'urn:oid:1.2.3', value: 'MRN-1' },
    { value: 'no-system' },
    { system: RECORD_ID, value: 'ours' },
  ],
  name: [{ family: 'Smith', given: ['George'] }],
  birthDate: '1980-01-02',
  telecom: [{ system: 'phone', value: '555' }],
};
const ehrCondition: fhir.Condition = {
  resourceType: 'Condition',
  id: 'dep',
  subject: { reference: 'Patient/ehr-pt' },
  code: { text: 'Depression' },
};
const ehrPlan: fhir.CarePlan = {
  resourceType: 'CarePlan',
  id: 'epic-plan',
  status: 'active',
  intent: 'plan',
  subject: { reference: 'Patient/ehr-pt' },
};
const companionPlan: fhir.CarePlan = {
  resourceType: 'CarePlan',
  id: 'comp-plan',
  meta: { versionId: '3' },
  status: 'active',
  intent: 'plan',
  subject: { reference: 'Patient/comp-pt' },
  addresses: [{ reference: `${EHR}/Condition/dep` }, { reference: `${EHR}/Condition/dep/_history/2` }],
  goal: [{ reference: 'Goal/g1' }],
  author: { reference: `${EHR}/Practitioner/dr` },
};
const companionGoal: fhir.Goal = {
  resourceType: 'Goal',
  id: 'g1',
  lifecycleStatus: 'active',
  description: { text: 'Sleep' },
  subject: { reference: 'Patient/comp-pt' },
  addresses: [{ reference: `${EHR}/Condition/dep` }],
};
const companionClient: fhir.Patient = { resourceType: 'Patient', id: 'comp-pt' };

describe('merging the EHR records with the companion store', () => {
  const merged = mergePlanRecords(
    records([ehrPatient, ehrCondition, ehrPlan]),
    records([companionClient, companionPlan, companionGoal], {
      incomplete: [{ search: 'Goal', reason: 'Stopped after 100 pages.' }],
    }),
    LINK
  );
  const byAddress = new Map(merged.resources.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r]));

  test("the companion's plan is the only plan: the EHR's CarePlans and the companion's client are left out", () => {
    expect([...byAddress.keys()].sort()).toEqual(['CarePlan/comp-plan', 'Condition/dep', 'Goal/g1', 'Patient/ehr-pt']);
  });

  test("the companion's references are read in the EHR's view: its client, the EHR's URLs as relative references", () => {
    const plan = byAddress.get('CarePlan/comp-plan') as fhir.CarePlan;
    expect(plan.subject.reference).toBe('Patient/ehr-pt');
    expect(plan.addresses?.map((a) => a.reference)).toEqual(['Condition/dep', 'Condition/dep/_history/2']);
    expect(plan.author?.reference).toBe('Practitioner/dr');
    expect(plan.goal?.[0]?.reference).toBe('Goal/g1');
    expect(plan.meta?.versionId).toBe('3');
    expect((byAddress.get('Goal/g1') as fhir.Goal).addresses?.[0]?.reference).toBe('Condition/dep');
  });

  test('records from the companion are marked as such, the EHR records are not, and the mark comes off again', () => {
    expect(merged.resources.filter(isFromCompanion).map((r) => r.id)).toEqual(['comp-plan', 'g1']);
    const plan = byAddress.get('CarePlan/comp-plan');
    if (plan === undefined) throw new Error('no plan');
    expect(withoutCompanionOrigin(plan).meta).toEqual({ versionId: '3' });
    expect(withoutCompanionOrigin(byAddress.get('Goal/g1') ?? companionGoal).meta).toBeUndefined();
  });

  test('the counts add up and what the companion could not read is reported as the companion store', () => {
    expect(merged.requests).toBe(6);
    expect(merged.roundTrips).toBe(2);
    expect(merged.incomplete).toEqual([{ search: 'Companion store: Goal', reason: 'Stopped after 100 pages.' }]);
  });

  test("the companion's client carries the EHR identifiers that can match it, and little else", () => {
    expect(companionPatientOf(ehrPatient)).toEqual({
      resourceType: 'Patient',
      identifier: [{ system: 'urn:oid:1.2.3', value: 'MRN-1' }],
      name: [{ family: 'Smith', given: ['George'] }],
      birthDate: '1980-01-02',
    });
  });
});

describe('the write set the companion store takes', () => {
  const loaded = mergePlanRecords(
    records([ehrPatient, ehrCondition]),
    records([companionPlan, companionGoal]),
    LINK
  ).resources;
  const newProblem: WriteEntry = {
    fullUrl: 'urn:uuid:p1',
    resource: {
      resourceType: 'Condition',
      identifier: [{ system: RECORD_ID, value: 'insomnia' }],
      subject: { reference: 'Patient/ehr-pt' },
    },
    request: { method: 'POST', url: 'Condition', ifNoneExist: 'identifier=x' },
  };
  const refused: WriteEntry = {
    fullUrl: 'urn:uuid:s1',
    resource: {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'PHQ-9' },
      identifier: [{ system: RECORD_ID, value: 'score' }],
      subject: { reference: 'Patient/ehr-pt' },
    },
    request: { method: 'POST', url: 'Observation' },
  };
  const ehrUpdate: WriteEntry = {
    fullUrl: `${EHR}/Condition/dep`,
    resource: { ...ehrCondition, code: { text: 'Depression, recurrent' } },
    request: { method: 'PUT', url: 'Condition/dep' },
  };
  const planUpdate: WriteEntry = {
    fullUrl: 'CarePlan/comp-plan',
    resource: {
      ...(loaded.find((r) => r.id === 'comp-plan') as fhir.CarePlan),
      addresses: [{ reference: 'Condition/dep' }, { reference: 'urn:uuid:p1' }],
      supportingInfo: [{ reference: 'urn:uuid:s1' }, { reference: 'Observation/o1/_history/4' }],
      replaces: [{ reference: 'CarePlan/comp-plan/_history/2' }],
    },
    request: { method: 'PUT', url: 'CarePlan/comp-plan', ifMatch: 'W/"3"' },
  };
  const written = companionWriteSet(
    [newProblem, refused, ehrUpdate, planUpdate],
    loaded,
    LINK,
    new Map([['Condition:insomnia', 'Condition/new-1']])
  );

  test("updates of the EHR's own records and creates the EHR took are not sent to the companion", () => {
    expect(written.map((entry) => `${entry.request.method} ${entry.request.url}`)).toEqual([
      'POST Observation',
      'PUT CarePlan/comp-plan',
    ]);
  });

  test('the plan points at the EHR by URL, at its own records relatively, and at its client on the companion', () => {
    const plan = written[1]?.resource as fhir.CarePlan;
    expect(plan.subject.reference).toBe('Patient/comp-pt');
    expect(plan.addresses?.map((a) => a.reference)).toEqual([`${EHR}/Condition/dep`, `${EHR}/Condition/new-1`]);
    expect(plan.goal?.[0]?.reference).toBe('Goal/g1');
    expect(plan.supportingInfo?.map((s) => s.reference)).toEqual(['urn:uuid:s1', `${EHR}/Observation/o1/_history/4`]);
    expect(plan.replaces?.[0]?.reference).toBe('CarePlan/comp-plan/_history/2');
    expect(plan.author?.reference).toBe(`${EHR}/Practitioner/dr`);
    expect(plan.meta).toEqual({ versionId: '3' });
    expect(written[1]?.request.ifMatch).toBe('W/"3"');
    expect((written[0]?.resource as fhir.Observation).subject?.reference).toBe('Patient/comp-pt');
  });
});
