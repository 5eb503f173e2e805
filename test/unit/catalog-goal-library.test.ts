import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATALOG_SYSTEM,
  diagnosisByIcd10cm,
  instantiateGoal,
  libraryEntry,
  libraryProblems,
  suggestedDiagnoses,
  type GoalTemplate,
  type LibraryEntry,
  type ProblemId,
} from '../../src/catalog/index.ts';
import { addWeeks } from '../../src/catalog/goal-library/instantiate.ts';
import { OWN_MODALITY, SNOMED_MODALITY } from '../../src/catalog/goal-library/techniques.ts';
import { OUTCOME_MEASURE_CODES } from '../../src/mapping/codes.ts';
import {
  addDiagnosis,
  addGoal,
  addIntervention,
  checkPlanRules,
  emptyPlan,
  newDiagnosis,
  sequentialIds,
  type TreatmentPlan,
} from '../../src/plan/index.ts';

const TODAY = '2026-03-02';
const PROBLEMS: readonly ProblemId[] = [
  'depression',
  'anxiety',
  'trauma',
  'substance-use',
  'relationship-conflict',
  'adhd-youth',
];
const entries: LibraryEntry[] = PROBLEMS.map(libraryEntry);
const templates: GoalTemplate[] = entries.flatMap((entry) => entry.goals);
const allTargets = templates.flatMap((g) => [...g.targets, ...g.objectives.flatMap((o) => o.targets)]);
const techniques = templates.flatMap((g) => g.interventions.map((i) => i.technique));

/** The SNOMED CT modalities DESIGN.md §4 lists as confirmed. */
const CONFIRMED_SNOMED = new Set([
  '228557008',
  '405780009',
  '314034001',
  '108313002',
  '76168009',
  '18512000',
  '443730003',
  '720176005',
  '720177001',
]);

const pickLists = readFileSync(
  new URL('../../fhir-profiles/input/fsh/terminology-pick-lists.fsh', import.meta.url),
  'utf8'
);

function blankPlan(): TreatmentPlan {
  return emptyPlan({
    id: 'plan-1',
    today: TODAY,
    client: { reference: 'Patient/p1', name: 'Alex Example', identifiers: [] },
  });
}

describe('the goal library', () => {
  it('covers the six presenting problems of issue 4, in order', () => {
    expect(libraryProblems().map((p) => p.id)).toEqual(PROBLEMS);
    for (const problem of libraryProblems()) {
      expect(problem.title.trim()).not.toBe('');
      expect(problem.goalCount).toBe(libraryEntry(problem.id).goals.length);
    }
  });

  it('refuses a presenting problem it does not have', () => {
    expect(() => libraryEntry('insomnia' as ProblemId)).toThrow(RangeError);
  });

  it('offers two to four goals per problem, each with two or three objectives and two to four interventions', () => {
    for (const entry of entries) {
      expect(entry.goals.length, entry.id).toBeGreaterThanOrEqual(2);
      expect(entry.goals.length, entry.id).toBeLessThanOrEqual(4);
      for (const goal of entry.goals) {
        expect(goal.objectives.length, goal.id).toBeGreaterThanOrEqual(2);
        expect(goal.objectives.length, goal.id).toBeLessThanOrEqual(3);
        expect(goal.interventions.length, goal.id).toBeGreaterThanOrEqual(2);
        expect(goal.interventions.length, goal.id).toBeLessThanOrEqual(4);
      }
    }
  });

  it('gives every goal a unique id and words for every goal, objective and intervention', () => {
    const ids = templates.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) {
      for (const goal of entry.goals) expect(goal.id.startsWith(`${entry.id}/`), goal.id).toBe(true);
    }
    for (const goal of templates) {
      expect(goal.description.trim()).not.toBe('');
      for (const objective of goal.objectives) expect(objective.description.trim()).not.toBe('');
      for (const intervention of goal.interventions) {
        expect(intervention.technique.text.trim()).not.toBe('');
        expect(intervention.application.trim()).not.toBe('');
      }
    }
  });

  it('makes most goals measurable', () => {
    const measurable = templates.filter((g) => g.targets.length > 0 || g.objectives.some((o) => o.targets.length > 0));
    expect(measurable.length / templates.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every target a measure, a number with a unit, and a due date in whole weeks', () => {
    for (const t of allTargets) {
      expect(t.measure.text.trim()).not.toBe('');
      expect(Number.isFinite(t.value.value)).toBe(true);
      expect(t.value.unit.trim()).not.toBe('');
      expect(Number.isInteger(t.dueInWeeks) && t.dueInWeeks > 0).toBe(true);
    }
  });

  it('codes scale targets only with LOINC totals from the outcome-measures ValueSet', () => {
    const loinc = allTargets.flatMap((t) => t.measure.codes);
    expect(loinc.length).toBeGreaterThan(0);
    for (const code of loinc) {
      expect(code.system).toBe(CATALOG_SYSTEM.loinc);
      expect(OUTCOME_MEASURE_CODES.has(code.code), code.code).toBe(true);
    }
    const used = new Set(loinc.map((c) => c.code));
    for (const total of ['44261-6', '70274-6', '89204-2', '75626-2']) expect(used.has(total), total).toBe(true);
  });

  it('dates no objective after its goal', () => {
    for (const goal of templates) {
      const goalDue = Math.max(0, ...goal.targets.map((t) => t.dueInWeeks));
      if (goal.targets.length === 0) continue;
      for (const objective of goal.objectives) {
        for (const t of objective.targets) expect(t.dueInWeeks, goal.id).toBeLessThanOrEqual(goalDue);
      }
    }
  });

  it('codes techniques only with confirmed SNOMED CT modalities or our therapy-modality CodeSystem', () => {
    for (const technique of techniques) {
      for (const code of technique.codes) {
        if (code.system === CATALOG_SYSTEM.snomed) expect(CONFIRMED_SNOMED.has(code.code), code.code).toBe(true);
        else expect(code.system).toBe(CATALOG_SYSTEM.therapyModality);
      }
    }
    expect(techniques.some((t) => t.codes.some((c) => c.system === CATALOG_SYSTEM.therapyModality))).toBe(true);
  });

  it('uses only modality codes that fhir-profiles defines', () => {
    for (const [code] of Object.values(OWN_MODALITY)) expect(pickLists).toContain(`* #${code} "`);
    for (const [code] of Object.values(SNOMED_MODALITY)) expect(pickLists).toContain(`* $sct#${code} "`);
  });

  it('suggests only diagnoses from the shipped list', () => {
    for (const entry of entries) {
      expect(entry.suggestedDiagnoses.length, entry.id).toBeGreaterThan(0);
      for (const code of entry.suggestedDiagnoses) expect(diagnosisByIcd10cm(code), code).toBeDefined();
      expect(suggestedDiagnoses(entry.id).map((d) => d.icd10cm)).toEqual(entry.suggestedDiagnoses);
    }
  });

  it('lets each intervention serve only objectives its goal has', () => {
    for (const goal of templates) {
      for (const intervention of goal.interventions) {
        for (const serves of intervention.serves ?? []) {
          if (serves !== 'goal') expect(serves, goal.id).toBeLessThan(goal.objectives.length);
        }
      }
    }
  });
});

describe('picking a goal from the library', () => {
  it('counts due dates in weeks from today, across months and years', () => {
    expect(addWeeks('2026-03-02', 12)).toBe('2026-05-25');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2028-02-22', 1)).toBe('2028-02-29');
    expect(() => addWeeks('2026-02-30', 1)).toThrow(RangeError);
  });

  it('gives the goal, its objectives and its interventions ids from the factory, and dates from today', () => {
    const template = libraryEntry('depression').goals[0];
    if (!template) throw new Error('no depression goal');
    const { goal, interventions } = instantiateGoal(template, {
      today: TODAY,
      newId: sequentialIds('lib'),
      addresses: ['dx-1'],
    });
    expect(goal.id).toBe('lib-1');
    expect(goal.objectives.map((o) => o.id)).toEqual(['lib-2', 'lib-3', 'lib-4']);
    expect(interventions.map((i) => i.id)).toEqual(['lib-5', 'lib-6', 'lib-7', 'lib-8']);
    expect(goal.description.text).toBe(template.description);
    expect(goal.startDate).toBe(TODAY);
    expect(goal.addresses).toEqual(['dx-1']);
    expect(goal.targets).toEqual([
      {
        measure: template.targets[0]?.measure,
        comparator: '<',
        value: { value: 10, unit: '{score}' },
        dueDate: '2026-05-25',
      },
    ]);
    expect(goal.objectives[0]?.targets[0]?.dueDate).toBe('2026-04-13');
    expect(interventions[0]?.goalIds).toEqual(['lib-3']);
    expect(interventions[2]?.goalIds).toEqual(['lib-1', 'lib-2']);
    expect(interventions.every((i) => i.start === TODAY && i.status === 'active')).toBe(true);
  });

  it('links an intervention without named objectives to the goal itself', () => {
    const template = libraryEntry('anxiety').goals[0];
    if (!template) throw new Error('no anxiety goal');
    const { goal, interventions } = instantiateGoal(template, { today: TODAY, newId: sequentialIds('a') });
    expect(interventions[0]?.goalIds).toEqual([goal.id]);
    expect(goal.addresses).toEqual([]);
  });

  it.each(templates.map((t) => [t.id, t] as const))(
    'adds “%s” to a new plan, addressing a diagnosis, without breaking a plan rule',
    (_id, template) => {
      const newId = sequentialIds('x');
      const problem = template.id.split('/')[0] as ProblemId;
      const suggested = suggestedDiagnoses(problem)[0];
      if (!suggested) throw new Error(`no suggested diagnosis for ${problem}`);
      const diagnosis = newDiagnosis({ condition: suggested.condition }, newId);
      let plan = addDiagnosis(blankPlan(), diagnosis);
      const { goal, interventions } = instantiateGoal(template, { today: TODAY, newId, addresses: [diagnosis.id] });
      plan = addGoal(plan, goal);
      for (const intervention of interventions) plan = addIntervention(plan, intervention);
      expect(checkPlanRules(plan)).toEqual([]);
      expect(plan.interventions.every((i) => i.goalIds.length > 0)).toBe(true);
    }
  );

  it('can pick every goal of a problem into one plan without an id clash', () => {
    const newId = sequentialIds('y');
    let plan = blankPlan();
    for (const template of libraryEntry('substance-use').goals) {
      const { goal, interventions } = instantiateGoal(template, { today: TODAY, newId });
      plan = addGoal(plan, goal);
      for (const intervention of interventions) plan = addIntervention(plan, intervention);
    }
    expect(plan.goals).toHaveLength(libraryEntry('substance-use').goals.length);
    expect(checkPlanRules(plan)).toEqual([]);
  });
});
