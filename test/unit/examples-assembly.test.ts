import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { WriteEntry } from '../../src/mapping/write-set.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { identifierInQuery, onSandboxIds } from '../../src/sandbox/seed/example-plans.ts';
import { withEhrRecords } from '../../tools/examples/ehr-records.ts';
import { planHistoryAsCreates } from '../../tools/examples/plan-history.ts';
import type { PlanWriter } from '../../tools/examples/plan-history.ts';

const GOAL_URN = 'urn:uuid:00000000-0000-4000-8000-000000000001';
const FIRST_PLAN_URN = 'urn:uuid:00000000-0000-4000-8000-000000000002';
const SECOND_PLAN_URN = 'urn:uuid:00000000-0000-4000-8000-000000000003';

const goal = (text: string): fhir.Goal => ({
  resourceType: 'Goal',
  lifecycleStatus: 'active',
  description: { text },
  subject: { reference: 'Patient/pat' },
});

const carePlan = (goalRef: string, replaces?: string): fhir.CarePlan => ({
  resourceType: 'CarePlan',
  status: 'active',
  intent: 'plan',
  subject: { reference: 'Patient/pat' },
  goal: [{ reference: goalRef }],
  ...(replaces ? { replaces: [{ reference: replaces }] } : {}),
});

const create = (fullUrl: string, resource: fhir.FhirResource): WriteEntry => ({
  fullUrl,
  resource,
  request: { method: 'POST', url: resource.resourceType, ifNoneExist: `identifier=x%7C${fullUrl.slice(-1)}` },
});

/** Like the mapping: the first plan creates a goal; the revision updates it and replaces the first plan. */
const writer: PlanWriter = (plan, stored) => {
  if (plan.id === 'first') {
    return [create(GOAL_URN, goal('Feel better')), create(FIRST_PLAN_URN, carePlan(GOAL_URN))];
  }
  const storedGoal = stored.find((r) => r.resourceType === 'Goal');
  const storedPlan = stored.find((r) => r.resourceType === 'CarePlan');
  const goalAddress = `Goal/${storedGoal?.id ?? ''}`;
  return [
    {
      fullUrl: goalAddress,
      resource: { ...goal('Feel better by December'), id: storedGoal?.id, meta: { versionId: '1' } },
      request: { method: 'PUT', url: goalAddress, ifMatch: 'W/"1"' },
    },
    create(SECOND_PLAN_URN, carePlan(goalAddress, `CarePlan/${storedPlan?.id ?? ''}/_history/1`)),
  ];
};

describe('a client’s plan history as one transaction', () => {
  const plans = [
    { id: 'first', review: {} },
    { id: 'second', review: { replaces: 'first' } },
  ] as unknown as TreatmentPlan[];
  const entries = planHistoryAsCreates(plans, writer);

  it('creates a carried-over goal once, with the content of its latest update', () => {
    const goals = entries.filter((e) => e.resource.resourceType === 'Goal');

    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({ fullUrl: GOAL_URN, request: { method: 'POST', url: 'Goal' } });
    expect((goals[0]?.resource as fhir.Goal).description.text).toBe('Feel better by December');
    expect(goals[0]?.resource.id).toBeUndefined();
    expect(goals[0]?.resource.meta?.versionId).toBeUndefined();
  });

  it('points the revision at the goal and the plan it replaces through their urn:uuid full URLs', () => {
    const revision = entries.find((e) => e.fullUrl === SECOND_PLAN_URN)?.resource as fhir.CarePlan;

    expect(revision.goal?.[0]?.reference).toBe(GOAL_URN);
    expect(revision.replaces?.[0]?.reference).toBe(FIRST_PLAN_URN);
  });
});

describe('making a write set self-contained', () => {
  const records: fhir.Resource[] = [
    {
      resourceType: 'Organization',
      id: 'clinic',
      identifier: [{ system: 'urn:org', value: 'O1' }],
      name: 'Clinic',
    } as fhir.Organization,
    {
      resourceType: 'Patient',
      id: 'pat',
      identifier: [
        { use: 'secondary', system: 'urn:member', value: 'M1' },
        { use: 'usual', system: 'urn:mrn', value: 'MRN|1' },
      ],
      managingOrganization: { reference: 'Organization/clinic' },
    } as fhir.Patient,
    {
      resourceType: 'Practitioner',
      id: 'dana',
      identifier: [{ system: 'urn:staff', value: 'S1' }],
    } as fhir.Practitioner,
    {
      resourceType: 'PractitionerRole',
      id: 'dana-role',
      identifier: [{ system: 'urn:role', value: 'R1' }],
      practitioner: { reference: 'Practitioner/dana' },
    } as fhir.PractitionerRole,
    { resourceType: 'Patient', id: 'someone-else', identifier: [{ system: 'urn:mrn', value: '2' }] } as fhir.Patient,
  ];
  const signature: WriteEntry = {
    fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000009',
    resource: {
      resourceType: 'Provenance',
      target: [{ reference: GOAL_URN }],
      recorded: '2026-06-01T10:52:00-05:00',
      agent: [{ who: { reference: 'Practitioner/dana' } }],
    },
    request: {
      method: 'POST',
      url: 'Provenance',
      ifNoneExist: 'recorded=2026-06-01T10%3A52%3A00-05%3A00&agent=Practitioner%2Fdana',
    },
  };
  const entries = withEhrRecords([create(GOAL_URN, goal('Feel better')), signature], records);
  const byType = (type: string): WriteEntry | undefined => entries.find((e) => e.resource.resourceType === type);

  it('adds each referenced record, what it refers to and a practitioner’s role, and nothing else', () => {
    expect(entries.map((e) => e.resource.resourceType)).toEqual([
      'Organization',
      'Practitioner',
      'PractitionerRole',
      'Patient',
      'Goal',
      'Provenance',
    ]);
  });

  it('creates those records conditionally on their usual identifier, without their ids', () => {
    const patient = byType('Patient');

    expect(patient?.request).toEqual({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: `identifier=${encodeURIComponent('urn:mrn|MRN\\|1')}`,
    });
    expect(patient?.resource.id).toBeUndefined();
    expect(patient?.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('rewrites every reference to those records, nested ones included, to their urn:uuid full URLs', () => {
    expect((byType('Goal')?.resource as fhir.Goal).subject.reference).toBe(byType('Patient')?.fullUrl);
    expect((byType('Patient')?.resource as fhir.Patient).managingOrganization?.reference).toBe(
      byType('Organization')?.fullUrl
    );
    expect((byType('PractitionerRole')?.resource as fhir.PractitionerRole).practitioner?.reference).toBe(
      byType('Practitioner')?.fullUrl
    );
  });

  it('names a record in a conditional-create query by its identifier instead of its address', () => {
    expect(byType('Provenance')?.request.ifNoneExist).toBe(
      `recorded=2026-06-01T10%3A52%3A00-05%3A00&agent${encodeURIComponent(':Practitioner.identifier')}=${encodeURIComponent('urn:staff|S1')}`
    );
  });

  it('refuses a reference that neither the plan nor the records provide', () => {
    const stray = create(GOAL_URN, { ...goal('x'), subject: { reference: 'Patient/nobody' } });

    expect(() => withEhrRecords([stray], records)).toThrow(/Patient\/nobody/);
  });
});

describe('an example Bundle as the sandbox loads it', () => {
  const base: fhir.Resource[] = [
    { resourceType: 'Patient', id: 'george-smith', identifier: [{ system: 'urn:mrn', value: '1' }] } as fhir.Patient,
  ];
  const bundle: fhir.Bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:00000000-0000-4000-8000-00000000000a',
        resource: { resourceType: 'Patient', identifier: [{ system: 'urn:mrn', value: '1' }] } as fhir.Patient,
        request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=${encodeURIComponent('urn:mrn|1')}` },
      },
      {
        fullUrl: GOAL_URN,
        resource: { ...goal('x'), subject: { reference: 'urn:uuid:00000000-0000-4000-8000-00000000000a' } },
        request: { method: 'POST', url: 'Goal', ifNoneExist: `identifier=${encodeURIComponent('urn:rec|gs/goal 1')}` },
      },
      {
        fullUrl: 'urn:uuid:00000000-0000-4000-8000-00000000000b',
        resource: {
          resourceType: 'Provenance',
          target: [{ reference: GOAL_URN }],
          recorded: '2026-06-01',
          agent: [],
        } as fhir.Provenance,
        request: { method: 'POST', url: 'Provenance', ifNoneExist: 'recorded=2026-06-01' },
      },
    ],
  } as fhir.Bundle;
  const loaded = onSandboxIds(bundle, base);

  it('leaves out records the sandbox already has and points at them by their sandbox ids', () => {
    expect(loaded.entry?.map((e) => e.request?.url)).toEqual([
      'Goal/gs-goal-1',
      'Provenance/00000000-0000-4000-8000-00000000000b',
    ]);
    expect((loaded.entry?.[0]?.resource as fhir.Goal).subject.reference).toBe('Patient/george-smith');
  });

  it('stores every other record with PUT under an id made from its business identifier', () => {
    expect(loaded.type).toBe('batch');
    expect(loaded.entry?.[0]?.resource?.id).toBe('gs-goal-1');
    expect(loaded.entry?.[0]?.request?.method).toBe('PUT');
    expect((loaded.entry?.[1]?.resource as fhir.Provenance).target[0]?.reference).toBe('Goal/gs-goal-1');
  });

  it('reads identifier queries with FHIR’s escaped bars', () => {
    expect(identifierInQuery(`identifier=${encodeURIComponent('urn:a|b\\|c')}`)).toEqual({
      system: 'urn:a',
      value: 'b|c',
    });
    expect(identifierInQuery('recorded=2026')).toBeUndefined();
  });
});
