/** Interventions: technique, how it is applied, frequency, performer, and the goals and objectives it serves. */
import { applyChanges, type Changes } from '../changes.ts';
import { PlanEditError } from '../edit-error.ts';
import { assertEditable } from '../lock.ts';
import type { Intervention, IsoDate, TreatmentPlan } from '../treatment-plan.ts';
import type { DraftCheck } from './goal-history.ts';
import { assertGoalLikeIds, assertNewIds, locateById, removeAt, replaceAt } from './internal.ts';

const BASE = 'interventions';

function replaced(plan: TreatmentPlan, index: number, intervention: Intervention): TreatmentPlan {
  return { ...plan, interventions: replaceAt(plan.interventions, index, intervention) };
}

/** Adds an intervention; the goals and objectives it names must exist. */
export function addIntervention(plan: TreatmentPlan, intervention: Intervention): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, [intervention.id], BASE);
  assertGoalLikeIds(plan, intervention.goalIds, BASE);
  return { ...plan, interventions: [...plan.interventions, intervention] };
}

/** Changes an intervention's own fields; which goals it serves changes through `linkInterventionToGoals` and `unlinkGoal`. */
export function editIntervention(
  plan: TreatmentPlan,
  id: string,
  changes: Changes<Omit<Intervention, 'goalIds'>>
): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.interventions, id, 'intervention', BASE);
  return replaced(plan, index, applyChanges<Intervention>(item, changes));
}

/** Says the intervention also serves these goals or objectives; links it already has are kept once. */
export function linkInterventionToGoals(plan: TreatmentPlan, id: string, goalIds: readonly string[]): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.interventions, id, 'intervention', BASE);
  assertGoalLikeIds(plan, goalIds, `${BASE}[${index}].goalIds`);
  const added = goalIds.filter((goalId, i) => !item.goalIds.includes(goalId) && goalIds.indexOf(goalId) === i);
  return replaced(plan, index, { ...item, goalIds: [...item.goalIds, ...added] });
}

/** Says the intervention no longer serves a goal or objective. */
export function unlinkGoal(plan: TreatmentPlan, interventionId: string, goalId: string): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.interventions, interventionId, 'intervention', BASE);
  if (!item.goalIds.includes(goalId)) {
    throw new PlanEditError('not-found', `This intervention does not serve the goal or objective ${goalId}.`, {
      path: `${BASE}[${index}].goalIds`,
    });
  }
  return replaced(plan, index, { ...item, goalIds: item.goalIds.filter((g) => g !== goalId) });
}

/** Ends an intervention (`completed` when done, `revoked` when dropped) on a date; it stays in the plan. */
export function stopIntervention(
  plan: TreatmentPlan,
  id: string,
  stop: { readonly status: 'completed' | 'revoked'; readonly on: IsoDate }
): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.interventions, id, 'intervention', BASE);
  return replaced(plan, index, { ...item, status: stop.status, end: stop.on });
}

/** Removes an intervention added by mistake; refused (`has-history`) when the caller says it was saved: stop it instead. */
export function removeDraftIntervention(plan: TreatmentPlan, id: string, draft: DraftCheck): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.interventions, id, 'intervention', BASE);
  if (draft.saved) {
    throw new PlanEditError(
      'has-history',
      `“${item.technique.text}” is saved in the client’s record, so it cannot be removed. Stop it instead.`,
      { path: `${BASE}[${index}]` }
    );
  }
  return { ...plan, interventions: removeAt(plan.interventions, index) };
}
