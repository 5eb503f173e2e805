import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import type { PlanGoal, TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { applyWriteSet } from '../support/apply-write-set.ts';
import { fullPlan } from '../support/full-plan.ts';
import { savePlan, stored } from '../support/save-plan.ts';

const FOREIGN = { url: 'http://ehr.example.org/fhir/StructureDefinition/source-system', valueString: 'Acme EHR' };
const EHR_CODING = { system: 'http://ehr.example.org/codes', code: 'MOOD-1', display: 'Mood goal' };
const ICD9 = { system: 'http://hl7.org/fhir/sid/icd-9-cm', code: '296.32' };
const EHR_NOTE: fhir.Annotation = {
  authorString: 'Nurse Kim',
  time: '2026-02-01T09:00:00Z',
  text: 'Discussed at team meeting.',
};
const RANGE_TARGET: fhir.GoalTarget = {
  measure: { text: 'Hours of sleep' },
  detailRange: { low: { value: 6 }, high: { value: 8 } },
};

/** What another system did to the records after the app saved them (each write bumps the version). */
function decorate(resource: fhir.FhirResource): fhir.FhirResource {
  const r = structuredClone(resource) as fhir.FhirResource & { extension?: fhir.Extension[] };
  const key = 'identifier' in r && Array.isArray(r.identifier) ? r.identifier[0]?.value : undefined;
  if (r.resourceType === 'Goal' && key === 'goal-mood') {
    r.description.coding = [...(r.description.coding ?? []), EHR_CODING];
    r.note = [...(r.note ?? []), EHR_NOTE];
    r.outcomeCode = [{ text: 'Partly met' }];
    r.target = [...(r.target ?? []), RANGE_TARGET];
  } else if (r.resourceType === 'Condition' && key === 'diagnosis-mdd') {
    r.code = { ...r.code, coding: [...(r.code?.coding ?? []), ICD9] };
    r.evidence = [{ detail: [{ display: 'PHQ-9 of 17' }] }];
    r.note = [...(r.note ?? []), EHR_NOTE];
  } else if (r.resourceType === 'CarePlan') {
    r.note = [...(r.note ?? []), EHR_NOTE];
    r.category = [...(r.category ?? []), { text: 'Behavioral health' }];
    r.supportingInfo = [...(r.supportingInfo ?? []), { reference: 'DiagnosticReport/lab-1' }];
    r.instantiatesUri = ['http://ehr.example.org/protocols/depression'];
  } else if (r.resourceType === 'ServiceRequest' && key === 'intervention-cbt') {
    r.note = [...(r.note ?? []), EHR_NOTE];
    r.reasonCode = [{ text: 'Depression' }];
  } else if (r.resourceType === 'Encounter') {
    r.serviceProvider = { reference: 'Organization/clinic' };
  } else return r;
  r.extension = [...(r.extension ?? []), FOREIGN];
  r.meta = { ...r.meta, versionId: String(Number(r.meta?.versionId ?? '1') + 1) };
  return r;
}

function edit(plan: TreatmentPlan): TreatmentPlan {
  const goals = plan.goals.map((goal): PlanGoal => {
    if (goal.id === 'goal-work') return { ...goal, lifecycle: 'cancelled', statusDate: '2026-03-02' };
    if (goal.id !== 'goal-mood') return goal;
    const [phq9, ...rest] = goal.targets;
    if (!phq9) throw new Error('goal-mood has a target');
    const journal = {
      id: 'objective-journal',
      description: { text: 'Keep a mood journal', codes: [] },
      lifecycle: 'active' as const,
      targets: [],
      addresses: [],
      notes: [],
    };
    return {
      ...goal,
      targets: [{ ...phq9, value: { ...phq9.value, value: 8 } }, ...rest],
      objectives: [...goal.objectives, journal],
    };
  });
  return { ...plan, goals };
}

/** The saved plan as read after `decorate`: other systems' codings and goal notes are part of the plan. */
function withForeignAdditions(plan: TreatmentPlan): TreatmentPlan {
  return {
    ...plan,
    diagnoses: plan.diagnoses.map((d) =>
      d.id === 'diagnosis-mdd' ? { ...d, condition: { ...d.condition, codes: [...d.condition.codes, ICD9] } } : d
    ),
    goals: plan.goals.map((g) =>
      g.id === 'goal-mood'
        ? { ...g, description: { ...g.description, codes: [EHR_CODING] }, notes: [...g.notes, EHR_NOTE.text] }
        : g
    ),
  };
}

describe('an update of records other systems have added to', () => {
  const saved = savePlan(fullPlan()).store;
  const loaded = saved.map(decorate);
  const reading = planFromFhir(loaded);
  const edited = edit(reading.plan);
  const writeSet = planToFhir(edited, loaded);
  const after = applyWriteSet(loaded, writeSet).store;

  it('reads the plan with the codings and notes others added, reporting what it cannot place', () => {
    expect(reading.plan).toEqual(withForeignAdditions(fullPlan()));
    const goal = `Goal/${stored(loaded, 'Goal', 'goal-mood').id ?? ''}`;
    expect(reading.notUnderstood).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: goal, path: 'Goal.outcomeCode' }),
        expect.objectContaining({ resource: goal, path: 'Goal.target[1]' }),
        expect.objectContaining({ resource: goal, path: 'Goal.extension[2]' }),
        expect.objectContaining({ path: 'CarePlan.note[5]', reason: 'a note of another system is kept but not shown' }),
        expect.objectContaining({ path: 'CarePlan.instantiatesUri' }),
        expect.objectContaining({ path: 'Condition.note[1]' }),
        expect.objectContaining({
          path: 'CarePlan.supportingInfo[9]',
          reason: 'refers to DiagnosticReport/lab-1, which was not loaded',
        }),
        expect.objectContaining({ path: 'Condition.evidence' }),
      ])
    );
  });

  it('writes the edited goal, the new objective and the retired goal with If-Match of the loaded version', () => {
    const puts = writeSet.filter((e) => e.request.method === 'PUT');
    for (const { request } of puts) {
      const was = loaded.find((r) => `${r.resourceType}/${r.id ?? ''}` === request.url);
      expect(request.ifMatch).toBe(`W/"${was?.meta?.versionId ?? ''}"`);
    }
    expect(writeSet.filter((e) => e.request.method === 'POST').map((e) => e.resource.resourceType)).toEqual(['Goal']);
    expect(stored(after, 'Goal', 'goal-work').lifecycleStatus).toBe('cancelled');
    expect(planFromFhir(after).plan).toEqual(edited);
  });

  it('keeps foreign extensions, codings, notes and elements of an edited goal', () => {
    const goal = stored(after, 'Goal', 'goal-mood');
    expect(goal.extension).toContainEqual(FOREIGN);
    expect(goal.description.coding).toContainEqual(EHR_CODING);
    expect(goal.note).toContainEqual(EHR_NOTE);
    expect(goal.outcomeCode).toEqual([{ text: 'Partly met' }]);
    expect(goal.target).toContainEqual(RANGE_TARGET);
    expect(goal.target?.[0]?.detailQuantity?.value).toBe(8);
  });

  it('keeps what other systems added to the plan itself', () => {
    const plan = stored(after, 'CarePlan', 'plan-jordan-2026');
    expect(plan.meta?.versionId).toBe('3');
    expect(plan.extension).toContainEqual(FOREIGN);
    expect(plan.note).toContainEqual(EHR_NOTE);
    expect(plan.category).toContainEqual({ text: 'Behavioral health' });
    expect(plan.supportingInfo).toContainEqual({ reference: 'DiagnosticReport/lab-1' });
    expect(plan.instantiatesUri).toEqual(['http://ehr.example.org/protocols/depression']);
  });

  it('leaves records the edit did not touch as the other system left them', () => {
    for (const key of ['diagnosis-mdd', 'intervention-cbt']) {
      const type = key.startsWith('diagnosis') ? 'Condition' : 'ServiceRequest';
      expect(stored(after, type, key)).toEqual(stored(loaded, type, key));
    }
    expect(stored(after, 'Condition', 'diagnosis-mdd').code?.coding).toContainEqual(ICD9);
  });

  it('keeps foreign elements of a record it does rewrite', () => {
    const plan = planFromFhir(loaded).plan;
    const renamed = {
      ...plan,
      interventions: plan.interventions.map((i) => ({
        ...i,
        application: 'Thought records, then behavioural experiments.',
      })),
    };
    const rewritten = applyWriteSet(loaded, planToFhir(renamed, loaded)).store;
    const request = stored(rewritten, 'ServiceRequest', 'intervention-cbt');
    expect(request.note?.[0]?.text).toBe('Thought records, then behavioural experiments.');
    expect(request.note).toContainEqual(EHR_NOTE);
    expect(request.reasonCode).toEqual([{ text: 'Depression' }]);
    expect(request.extension).toContainEqual(FOREIGN);
  });
});
