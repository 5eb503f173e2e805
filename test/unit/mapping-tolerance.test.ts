import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import { writeSetToTransaction } from '../../src/mapping/write-set.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { applyWriteSet } from '../support/apply-write-set.ts';
import { fullPlan } from '../support/full-plan.ts';
import * as shape from '../support/foreign-shapes.ts';

let definitions: ConformanceDefinitions;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
});

const read = (resources: fhir.FhirResource[]) => planFromFhir([...shape.context, ...resources]);

describe('the reader', () => {
  it('reads a goal and a condition contained in the plan, with ids that say where they are', () => {
    const { plan, notUnderstood } = read([shape.containedGoalPlan]);
    expect(plan.goals).toMatchObject([
      {
        id: 'CarePlan/ehr-contained#g1',
        description: { text: 'Sleep through the night' },
        lifecycle: 'completed',
        achievement: 'achieved',
        targets: [],
      },
    ]);
    expect(plan.diagnoses).toMatchObject([
      { id: 'CarePlan/ehr-contained#p1', condition: { text: 'Insomnia', codes: [] }, role: 'focus' },
    ]);
    expect(notUnderstood).toContainEqual({
      resource: 'CarePlan/ehr-contained#p1',
      path: 'Condition.category',
      reason: 'no problem-list or encounter-diagnosis category; shown as a problem',
    });
  });

  it('reads an inline activity detail as an intervention and reports what it cannot place', () => {
    const { plan, notUnderstood } = read([shape.inlineActivityPlan]);
    expect(plan.interventions).toEqual([
      {
        id: 'CarePlan/ehr-inline#activity[0]',
        technique: { text: 'CBT', codes: [{ system: 'http://snomed.info/sct', code: '228557008' }] },
        application: 'Weekly individual sessions',
        frequency: { count: 1, per: 1, unit: 'wk' },
        performer: 'clinician',
        performerRef: { reference: 'Practitioner/clinician-dana', name: 'Dana Rivera' },
        goalIds: [],
        status: 'active',
      },
    ]);
    expect(notUnderstood.map((n) => n.path)).not.toContain('CarePlan.activity[0].detail.doNotPerform');
    expect(notUnderstood).toEqual(
      expect.arrayContaining([
        {
          resource: 'CarePlan/ehr-inline',
          path: 'CarePlan.activity[1].reference',
          reason: 'refers to Appointment/next-visit, which was not loaded',
        },
      ])
    );
  });

  it('reads an R5-style part-of on the child as an objective of its goal, and keeps a proposal a proposal', () => {
    const { plan, notUnderstood } = read(shape.partOfPlan);
    expect(plan.intent).toBe('proposal');
    expect(plan.goals.map((g) => [g.id, g.objectives.map((o) => o.id)])).toEqual([
      ['Goal/goal-parent', ['Goal/goal-child']],
    ]);
    expect(notUnderstood).toContainEqual({
      resource: 'Goal/goal-child',
      path: 'Goal.target[0]',
      reason: 'a target without a quantity to reach (a value and a unit) has no place in the plan',
    });
  });

  it('reads conditions coded only in words, only in ICD-10-CM or only in SNOMED CT', () => {
    const { plan, notUnderstood } = read(shape.codedConditionsPlan);
    expect(plan.presentingConcerns).toMatchObject([
      { id: 'Condition/words', concern: { text: 'Trouble at work', codes: [] }, status: 'active' },
    ]);
    expect(plan.diagnoses).toMatchObject([
      {
        id: 'Condition/icd',
        condition: { text: 'F41.1', codes: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F41.1' }] },
        category: 'problem-list-item',
        clinicalStatus: 'active',
      },
      {
        id: 'Condition/snomed',
        condition: { text: 'Major depressive disorder' },
        category: 'encounter-diagnosis',
        clinicalStatus: 'active',
      },
    ]);
    expect(notUnderstood).toEqual(
      expect.arrayContaining([
        {
          resource: 'Condition/snomed',
          path: 'Condition.clinicalStatus',
          reason: 'no clinical status the plan knows; shown as active',
        },
        {
          resource: 'CarePlan/ehr-conditions',
          path: 'CarePlan.category[0]',
          reason: 'this category has no place in the plan',
        },
      ])
    );
  });

  it('reads a score another system links to a goal only through Observation.focus', () => {
    const score: fhir.Observation = {
      resourceType: 'Observation',
      id: 'gad7',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '70274-6' }] },
      subject: { reference: 'Patient/client-jordan' },
      focus: [{ reference: 'Goal/goal-parent' }],
      effectiveDateTime: '2026-02-01T10:00:00Z',
      valueQuantity: { value: 9, unit: 'score', system: 'http://unitsofmeasure.org', code: '{score}' },
    };
    const { plan } = read([...shape.partOfPlan, score]);
    expect(plan.progress.measurements).toEqual([
      {
        id: 'Observation/gad7',
        measure: { text: '70274-6', codes: [{ system: 'http://loinc.org', code: '70274-6' }] },
        value: { value: 9, unit: '{score}' },
        date: '2026-02-01T10:00:00Z',
        goalId: 'Goal/goal-parent',
      },
    ]);
  });

  it('reads a plan with no goals, no narrative and no title', () => {
    const { plan, notUnderstood } = read([shape.barePlan]);
    expect(plan).toMatchObject({
      id: 'CarePlan/ehr-bare',
      status: 'draft',
      title: '',
      goals: [],
      interventions: [],
      client: { name: 'Jordan Avery' },
    });
    expect(notUnderstood).toEqual([]);
  });

  it('reports records the plan does not link', () => {
    const stray: fhir.Goal = {
      resourceType: 'Goal',
      id: 'stray',
      lifecycleStatus: 'active',
      description: { text: 'Unlinked' },
      subject: { reference: 'Patient/client-jordan' },
    };
    expect(read([shape.barePlan, stray]).notUnderstood).toEqual([
      { resource: 'Goal/stray', path: 'Goal', reason: 'not linked from the plan' },
    ]);
  });

  it('assembles a draft with no id from records that come without any care plan', () => {
    const loose: fhir.Goal = {
      resourceType: 'Goal',
      id: 'loose',
      lifecycleStatus: 'active',
      description: { text: 'Walk every day' },
      subject: { reference: 'Patient/client-jordan' },
    };
    const { plan, notUnderstood } = read([loose]);
    expect(plan).toMatchObject({ id: '', status: 'draft', client: { reference: 'Patient/client-jordan' } });
    expect(plan.goals.map((g) => g.id)).toEqual(['Goal/loose']);
    expect(notUnderstood).toEqual([]);
  });

  it('reads nothing, and says why, when the plan asked for is not there', () => {
    const { plan, notUnderstood } = planFromFhir([shape.barePlan], { planId: 'CarePlan/missing' });
    expect(plan).toMatchObject({ id: '', goals: [] });
    expect(notUnderstood).toEqual([
      {
        resource: 'CarePlan/ehr-bare',
        path: 'CarePlan',
        reason: 'another care plan, not a mental-health plan (open it by its id)',
      },
    ]);
  });

  it('reads a target range as two targets on the same measure and writes the range back unchanged', () => {
    const ranged: fhir.Goal = {
      resourceType: 'Goal',
      id: 'ranged',
      lifecycleStatus: 'active',
      description: { text: 'PHQ-9 in the mild range' },
      subject: { reference: 'Patient/client-jordan' },
      target: [
        {
          measure: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
          detailRange: {
            low: { value: 5, system: 'http://unitsofmeasure.org', code: '{score}' },
            high: { value: 9, system: 'http://unitsofmeasure.org', code: '{score}' },
          },
        },
      ],
    };
    const plan: fhir.CarePlan = { ...shape.barePlan, goal: [{ reference: 'Goal/ranged' }] };
    const loaded = [...shape.context, plan, ranged];
    const read = planFromFhir(loaded).plan;
    expect(read.goals[0]?.targets.map((t) => [t.comparator, t.value])).toEqual([
      ['>=', { value: 5, unit: '{score}' }],
      ['<=', { value: 9, unit: '{score}' }],
    ]);
    const written = planToFhir(read, loaded).find((e) => e.resource.resourceType === 'Goal')?.resource as fhir.Goal;
    expect(written.target).toEqual(ranged.target);
  });
});

describe('records loaded in part', () => {
  it('reads a plan whose progress notes were loaded without their content (SUBSETTED) without throwing', () => {
    const loaded = applyWriteSet(shape.context, planToFhir(fullPlan(), shape.context)).store;
    const subsetted = loaded.map((resource) =>
      resource.resourceType === 'DocumentReference'
        ? ({ ...resource, content: undefined } as unknown as fhir.DocumentReference)
        : resource
    );
    expect(subsetted.some((r) => r.resourceType === 'DocumentReference')).toBe(true);
    const { plan } = planFromFhir(subsetted);
    expect(plan.goals.length).toBe(fullPlan().goals.length);
  });
});

describe('writing back a plan read from foreign shapes', () => {
  it('turns contained records into records of their own and leaves nothing contained unreferenced', () => {
    const loaded = [...shape.context, shape.containedGoalPlan];
    const writeSet = planToFhir(read([shape.containedGoalPlan]).plan, loaded);
    const errors = checkConformance(writeSetToTransaction(writeSet), definitions).filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
    const after = applyWriteSet(loaded, writeSet).store;
    const plan = after.find((r) => r.resourceType === 'CarePlan') as fhir.CarePlan;
    expect(plan.contained).toBeUndefined();
    expect(planFromFhir(after).plan.goals.map((g) => g.id)).toEqual(['CarePlan/ehr-contained#g1']);
  });

  it('updates an inline activity where it is instead of adding a ServiceRequest beside it', () => {
    const loaded = [...shape.context, shape.inlineActivityPlan];
    const plan = read([shape.inlineActivityPlan]).plan;
    const edited = {
      ...plan,
      interventions: plan.interventions.map((i) => ({ ...i, application: 'Fortnightly sessions' })),
    };
    const writeSet = planToFhir(edited, loaded);
    expect(writeSet.map((e) => e.resource.resourceType)).toEqual(['CarePlan']);
    const after = applyWriteSet(loaded, writeSet).store;
    const carePlan = after.find((r) => r.resourceType === 'CarePlan') as fhir.CarePlan;
    expect(carePlan.activity?.[0]?.detail).toMatchObject({
      description: 'Fortnightly sessions',
      doNotPerform: false,
      kind: 'ServiceRequest',
    });
    expect(carePlan.activity?.[1]).toEqual({ reference: { reference: 'Appointment/next-visit' } });
    expect(planFromFhir(after).plan.interventions).toEqual(edited.interventions);
  });
});

const FOREIGN_PLANS = join(import.meta.dirname, '../../../shared/foreign-plans');

describe.skipIf(!existsSync(FOREIGN_PLANS))('the real-world samples in ../shared/foreign-plans', () => {
  it('are each read without throwing, every unplaced element reported with resource, path and reason', async () => {
    const files = (await readdir(FOREIGN_PLANS)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const resource = JSON.parse(await readFile(join(FOREIGN_PLANS, file), 'utf8')) as fhir.FhirResource;
      const { notUnderstood } = planFromFhir([resource]);
      for (const item of notUnderstood) {
        expect([typeof item.resource, typeof item.path, typeof item.reason]).toEqual(['string', 'string', 'string']);
        expect(item.path).toMatch(/^[A-Z][A-Za-z]+(\.|$)/);
      }
    }
  });
});
