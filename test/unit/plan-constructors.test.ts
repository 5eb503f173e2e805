import { describe, expect, test } from 'vitest';
import {
  checkCompleteness,
  checkPlanRules,
  emptyPlan,
  newConsent,
  newDiagnosis,
  newGoal,
  newIntervention,
  newPresentingConcern,
  newSignature,
  randomIds,
  sequentialIds,
} from '../../src/plan/index.ts';
import { TODAY } from './plan-fixtures.ts';

const client = { reference: 'Patient/john', name: 'John Doe', identifiers: [] };

describe('a new plan', () => {
  const plan = emptyPlan({
    id: 'plan-1',
    client,
    today: TODAY,
    provider: { name: 'Dana Rivera', credentials: ['LCSW'] },
  });

  test('is a draft with every section present and empty', () => {
    expect(plan).toMatchObject({ id: 'plan-1', status: 'draft', intent: 'plan', title: 'Treatment plan', client });
    expect(plan.goals).toEqual([]);
    expect(plan.interventions).toEqual([]);
    expect(plan.progress).toEqual({ measurements: [], notes: [] });
    expect(plan.contract).toEqual({ goalsForChange: [], responsibilities: [] });
    expect(plan.considerations).toEqual({ clientPreferences: [], culturalConsiderations: [], participants: [] });
  });

  test('is dated today: the date of service and the start of the plan period', () => {
    expect(plan.session).toEqual({ dateOfService: TODAY, provider: { name: 'Dana Rivera', credentials: ['LCSW'] } });
    expect(plan.review).toEqual({ periodStart: TODAY });
  });

  test('breaks no rule, and carries no undefined fields', () => {
    expect(checkPlanRules(plan)).toEqual([]);
    expect(Object.values(plan)).not.toContain(undefined);
    expect('created' in plan).toBe(false);
  });

  test('fails the guide’s questions until the clinician fills it in', () => {
    const failing = checkCompleteness(plan, TODAY)
      .filter((item) => !item.passed)
      .map((item) => item.id);
    expect(failing).toEqual(
      expect.arrayContaining(['concerns-defined', 'measurable-goals', 'milestones', 'mutual-agreement'])
    );
  });
});

describe('new parts', () => {
  test('a goal and its objectives take ids from the caller’s factory, in order', () => {
    const goal = newGoal(
      {
        description: 'Drink on at most one day a week',
        objectives: [{ description: 'Log drinks' }, { description: 'Plan refusals' }],
      },
      sequentialIds('g')
    );
    expect(goal.id).toBe('g-1');
    expect(goal.objectives.map((o) => o.id)).toEqual(['g-2', 'g-3']);
  });

  test('a goal written as words becomes a concept with no codes, active, with empty lists', () => {
    const goal = newGoal({ description: 'Sleep better' }, sequentialIds('g'));
    expect(goal).toEqual({
      id: 'g-1',
      description: { text: 'Sleep better', codes: [] },
      lifecycle: 'active',
      targets: [],
      addresses: [],
      notes: [],
      objectives: [],
    });
  });

  test('an intervention is active and serves no goal until linked', () => {
    expect(newIntervention({ technique: 'Motivational interviewing' }, sequentialIds('i'))).toEqual({
      id: 'i-1',
      technique: { text: 'Motivational interviewing', codes: [] },
      goalIds: [],
      status: 'active',
    });
  });

  test('a diagnosis is an active problem-list item the plan treats, unless said otherwise', () => {
    expect(newDiagnosis({ condition: 'Alcohol use disorder' }, sequentialIds('d'))).toMatchObject({
      category: 'problem-list-item',
      clinicalStatus: 'active',
      role: 'focus',
    });
    expect(newDiagnosis({ condition: 'Hypertension', role: 'comorbidity' }, sequentialIds('d')).role).toBe(
      'comorbidity'
    );
  });

  test('a concern is active; a consent is a draft permit with no modalities yet', () => {
    expect(newPresentingConcern({ concern: 'Panic at work' }, sequentialIds('c')).status).toBe('active');
    expect(newConsent({}, sequentialIds('k'))).toEqual({
      id: 'k-1',
      status: 'draft',
      decision: 'permit',
      modalities: [],
    });
  });

  test('a signature’s typed name defaults to the signer’s name', () => {
    const signature = newSignature(
      { role: 'client', signer: { name: 'John Doe' }, signedAt: '2026-03-02T10:00:00-05:00' },
      sequentialIds('s')
    );
    expect(signature.typedName).toBe('John Doe');
  });
});

describe('id factories', () => {
  test('sequential ids are predictable and never purely numeric', () => {
    const next = sequentialIds('goal');
    expect([next(), next(), next()]).toEqual(['goal-1', 'goal-2', 'goal-3']);
  });

  test('random ids are UUIDs that do not repeat', () => {
    const drawn = new Set(Array.from({ length: 50 }, randomIds));
    expect(drawn.size).toBe(50);
    for (const id of drawn) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
