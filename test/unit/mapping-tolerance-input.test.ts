import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';

const subject = { reference: 'Patient/p1' };
const patient: fhir.Patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Riley'], family: 'Example' }] };
const goal = (id: string, text: string): fhir.Goal => ({
  resourceType: 'Goal',
  id,
  lifecycleStatus: 'active',
  description: { text },
  subject,
});
const plan = (id: string, goals: string[], extra: Partial<fhir.CarePlan> = {}): fhir.CarePlan => ({
  resourceType: 'CarePlan',
  id,
  status: 'active',
  intent: 'plan',
  subject,
  goal: goals.map((reference) => ({ reference })),
  ...extra,
});

describe('reading whatever a server or an integrator hands over', () => {
  it('resolves urn:uuid references between the entries of a transaction Bundle', () => {
    const bundle: fhir.Bundle<fhir.FhirResource> = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:9a1f0000-0000-4000-8000-000000000001',
          resource: {
            ...plan('x', []),
            id: undefined,
            goal: [{ reference: 'urn:uuid:9a1f0000-0000-4000-8000-000000000002' }],
          },
          request: { method: 'POST', url: 'CarePlan' },
        },
        {
          fullUrl: 'urn:uuid:9a1f0000-0000-4000-8000-000000000002',
          resource: { ...goal('g', 'Sleep better'), id: undefined },
          request: { method: 'POST', url: 'Goal' },
        },
      ],
    };
    const reading = readPlanInput(bundle);
    expect(reading.plan.goals.map((g) => g.description.text)).toEqual(['Sleep better']);
    expect(reading.placed).toContain('urn:uuid:9a1f0000-0000-4000-8000-000000000002');
  });

  it('resolves absolute references to the fullUrl or the server base of a searchset, and reports its OperationOutcome', () => {
    const bundle: fhir.Bundle<fhir.FhirResource> = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        {
          fullUrl: 'https://ehr.example.org/fhir/CarePlan/c1',
          resource: plan('c1', ['https://ehr.example.org/fhir/Goal/g1', 'https://elsewhere.example.org/fhir/Goal/g2']),
          search: { mode: 'match' },
        },
        {
          fullUrl: 'https://ehr.example.org/fhir/Goal/g1',
          resource: goal('g1', 'Walk daily'),
          search: { mode: 'include' },
        },
        { resource: goal('g2', 'Call a friend'), search: { mode: 'include' } },
        {
          resource: {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'warning', code: 'processing', diagnostics: 'Too many includes' }],
          },
          search: { mode: 'outcome' },
        },
      ],
    };
    const reading = readPlanInput(bundle);
    expect(reading.plan.goals.map((g) => g.id)).toEqual(['Goal/g1', 'Goal/g2']);
    expect(reading.notUnderstood).toContainEqual({
      resource: 'Bundle.entry[3]',
      path: 'OperationOutcome',
      reason: 'the server said: Too many includes',
    });
  });

  it('reports the entries of a batch-response that carry no resource', () => {
    const bundle: fhir.Bundle<fhir.FhirResource> = {
      resourceType: 'Bundle',
      type: 'batch-response',
      entry: [{ response: { status: '404 Not Found' } }, { resource: plan('c1', []), response: { status: '200 OK' } }],
    };
    const reading = readPlanInput(bundle);
    expect(reading.plan.id).toBe('CarePlan/c1');
    expect(reading.notUnderstood).toContainEqual({
      resource: '(input)',
      path: 'Bundle.entry[0]',
      reason: 'an entry without a resource: a response (404 Not Found)',
    });
  });

  it('reads the newest version in a history Bundle and reports the older one', () => {
    const bundle: fhir.Bundle<fhir.FhirResource> = {
      resourceType: 'Bundle',
      type: 'history',
      entry: [
        { resource: { ...plan('c1', []), title: 'Newest', meta: { versionId: '2' } } },
        { resource: { ...plan('c1', []), title: 'Oldest', meta: { versionId: '1' } } },
        { request: { method: 'DELETE', url: 'Goal/gone' } },
      ],
    };
    const reading = readPlanInput(bundle);
    expect(reading.plan.title).toBe('Newest');
    expect(reading.notUnderstood.map((n) => n.reason)).toEqual([
      'another copy or an older version; the first is read',
      'an entry without a resource: a deletion',
    ]);
  });

  it('reads an array of resources, keeps a display-only author as a name, and lists the other plans', () => {
    const reading = readPlanInput([
      patient,
      plan('current', [], { author: { display: 'Dana Rivera' }, created: '2026-03-01' }),
      plan('older', [], { title: 'Last year', created: '2025-03-01' }),
    ]);
    expect(reading.plan).toMatchObject({
      id: 'CarePlan/current',
      author: { name: 'Dana Rivera' },
      client: { name: 'Riley Example' },
    });
    expect(reading.because).toMatch(/newest active care plan/);
    expect(reading.otherPlans).toEqual([
      { id: 'CarePlan/older', title: 'Last year', status: 'active', intent: 'plan', mentalHealth: false },
    ]);
    expect(reading.placed).toContain('Patient/p1');
  });

  it('reports a context record nothing in the plan refers to', () => {
    const stranger: fhir.Practitioner = { resourceType: 'Practitioner', id: 'nobody' };
    const reading = readPlanInput([patient, plan('c1', []), stranger]);
    expect(reading.notUnderstood).toEqual([
      { resource: 'Practitioner/nobody', path: 'Practitioner', reason: 'nothing in the plan refers to it' },
    ]);
  });

  it('repairs nulls and single values where lists belong, and says where', () => {
    const odd = { ...plan('c1', []), goal: { reference: 'Goal/g1' }, title: null };
    const reading = readPlanInput([odd, goal('g1', 'Walk daily')]);
    expect(reading.plan.goals.map((g) => g.id)).toEqual(['Goal/g1']);
    expect(reading.notUnderstood).toEqual(
      expect.arrayContaining([
        {
          resource: 'CarePlan/c1',
          path: 'CarePlan.goal',
          reason: 'a single value where FHIR expects a list; read as a list of one',
        },
        { resource: 'CarePlan/c1', path: 'CarePlan.title', reason: 'an empty (null) value is left out' },
      ])
    );
  });

  it('reports unknown resource types as records the plan does not link', () => {
    const reading = readPlanInput([
      plan('c1', []),
      { resourceType: 'FutureThing', id: 'f1', anything: [1, { a: null }] },
    ]);
    expect(reading.notUnderstood).toEqual([
      { resource: 'FutureThing/f1', path: 'FutureThing', reason: 'not linked from the plan' },
    ]);
  });
});
