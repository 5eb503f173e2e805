/** The guide's questions about goals: tailored interventions, measurable goals, milestones, progress tracking. */
import { goalFamilyIds } from '../ids.ts';
import { schedulesMeasure, seriesFor } from '../tracking.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';
import { failed, listNames, passed, type CompletenessItem } from './completeness-item.ts';
import { currentGoals, isMeasurable } from './current-goals.ts';

const NO_GOALS = 'The plan has no current goals yet.';

export function interventionsTailored(plan: TreatmentPlan): CompletenessItem {
  const question = 'Are the interventions tailored to the client’s goals?';
  const goals = currentGoals(plan);
  if (goals.length === 0) return failed('interventions-tailored', 'guide', question, NO_GOALS, ['goals']);
  const open = plan.interventions.filter((i) => i.status !== 'completed' && i.status !== 'revoked');
  const unserved = goals.filter(({ goal }) => {
    const family = goalFamilyIds(goal);
    return !open.some((intervention) => intervention.goalIds.some((id) => family.includes(id)));
  });
  const unexplained = plan.interventions.flatMap((intervention, i) =>
    open.includes(intervention) && (intervention.application ?? '').trim() === ''
      ? [{ name: intervention.technique.text, path: `interventions[${i}].application` }]
      : []
  );
  if (unserved.length === 0 && unexplained.length === 0) {
    return passed(
      'interventions-tailored',
      'guide',
      question,
      'Every current goal has an intervention, and each says how it is applied.'
    );
  }
  const reasons = [
    unserved.length > 0
      ? `No intervention serves ${listNames(unserved.map(({ goal }) => goal.description.text))}.`
      : '',
    unexplained.length > 0
      ? `Say how ${listNames(unexplained.map((u) => u.name))} will be applied for this client.`
      : '',
  ];
  return failed('interventions-tailored', 'guide', question, reasons.filter(Boolean).join(' '), [
    ...unserved.map(({ path }) => path),
    ...unexplained.map(({ path }) => path),
  ]);
}

export function measurableGoals(plan: TreatmentPlan): CompletenessItem {
  const question = 'Are the goals and objectives measurable?';
  const goals = currentGoals(plan);
  if (goals.length === 0) return failed('measurable-goals', 'guide', question, NO_GOALS, ['goals']);
  const vague = goals.flatMap(({ goal, path, objectives }) =>
    [{ item: goal, path }, ...objectives.map(({ objective, path: at }) => ({ item: objective, path: at }))].filter(
      ({ item }) => item.targets.length === 0 || !item.targets.every(isMeasurable)
    )
  );
  if (vague.length === 0) {
    return passed(
      'measurable-goals',
      'guide',
      question,
      'Every current goal and objective has a measure and a target value.'
    );
  }
  return failed(
    'measurable-goals',
    'guide',
    question,
    `${listNames(vague.map(({ item }) => item.description.text))} ${vague.length === 1 ? 'needs' : 'need'} a measure, a target value and its unit.`,
    vague.map(({ path }) => `${path}.targets`)
  );
}

export function milestones(plan: TreatmentPlan): CompletenessItem {
  const question = 'Are there milestones (objectives with due dates) toward each goal?';
  const goals = currentGoals(plan);
  if (goals.length === 0) return failed('milestones', 'guide', question, NO_GOALS, ['goals']);
  const withoutSteps = goals.filter(({ objectives }) => objectives.length === 0);
  const undated = goals.flatMap(({ objectives }) =>
    objectives.filter(({ objective }) => !objective.targets.some((t) => t.dueDate !== undefined))
  );
  if (withoutSteps.length === 0 && undated.length === 0) {
    return passed('milestones', 'guide', question, 'Every current goal has objectives, each with a due date.');
  }
  const reasons = [
    withoutSteps.length > 0
      ? `${listNames(withoutSteps.map(({ goal }) => goal.description.text))} ${withoutSteps.length === 1 ? 'has' : 'have'} no objectives.`
      : '',
    undated.length > 0
      ? `${listNames(undated.map(({ objective }) => objective.description.text))} ${undated.length === 1 ? 'has' : 'have'} no due date.`
      : '',
  ];
  return failed('milestones', 'guide', question, reasons.filter(Boolean).join(' '), [
    ...withoutSteps.map(({ path }) => `${path}.objectives`),
    ...undated.map(({ path }) => `${path}.targets`),
  ]);
}

export function progressTracking(plan: TreatmentPlan): CompletenessItem {
  const question = 'Is progress tracked with a measure over time?';
  const measurable = currentGoals(plan).filter(({ goal }) => goal.targets.some(isMeasurable));
  if (measurable.length === 0) {
    return failed('progress-tracking', 'guide', question, 'No current goal has a measure to track yet.', ['goals']);
  }
  const untracked = measurable.filter(
    ({ goal }) =>
      !goal.targets.some(
        (target) =>
          seriesFor(plan, goal, target).length > 0 || plan.interventions.some((i) => schedulesMeasure(i, target))
      )
  );
  if (untracked.length === 0) {
    return passed(
      'progress-tracking',
      'guide',
      question,
      'Every measurable goal has scores recorded or a measure scheduled.'
    );
  }
  return failed(
    'progress-tracking',
    'guide',
    question,
    `Record a first score for ${listNames(untracked.map(({ goal }) => goal.description.text))}, or schedule the measure as an intervention with a frequency.`,
    [...untracked.map(({ path }) => `${path}.targets`), 'progress.measurements']
  );
}
