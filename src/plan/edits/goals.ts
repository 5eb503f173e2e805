/** Goals: add, edit, change lifecycle, retire; a never-saved goal may be removed. */
import { applyChanges, type Changes } from '../changes.ts';
import { PlanEditError } from '../edit-error.ts';
import { goalFamilyIds } from '../ids.ts';
import { assertEditable } from '../lock.ts';
import type { GoalLifecycle, IsoDate, PlanGoal, TreatmentPlan } from '../treatment-plan.ts';
import { assertRemovable, retired, unlinkInterventionsFrom, type DraftCheck, type Retirement } from './goal-history.ts';
import { assertAddressable, assertNewIds, locateById, removeAt, replaceAt, updateGoalLike } from './internal.ts';

/** Adds a goal (with its objectives) at the end of the plan; its ids must be new and what it addresses must exist. */
export function addGoal(plan: TreatmentPlan, goal: PlanGoal): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, goalFamilyIds(goal), 'goals');
  assertAddressable(plan, [...goal.addresses, ...goal.objectives.flatMap((o) => o.addresses)], 'goals');
  return { ...plan, goals: [...plan.goals, goal] };
}

/** The fields of a goal that `editGoal` changes; targets, objectives and status have their own edits. */
export type GoalChanges = Changes<
  Pick<PlanGoal, 'description' | 'priority' | 'startDate' | 'expressedBy' | 'addresses' | 'notes'>
>;

export function editGoal(plan: TreatmentPlan, goalId: string, changes: GoalChanges): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.goals, goalId, 'goal', 'goals');
  if (changes.addresses) assertAddressable(plan, changes.addresses, `goals[${index}].addresses`);
  return { ...plan, goals: replaceAt(plan.goals, index, applyChanges(item, changes)) };
}

/** The lifecycle states of work still under way; `retireGoal` and `retireObjective` end it. */
export type OpenLifecycle = Exclude<GoalLifecycle, 'completed' | 'cancelled'>;

/** Moves a goal or objective between proposed, planned, accepted, active and on-hold (or reopens a retired one). */
export function setGoalLifecycle(
  plan: TreatmentPlan,
  goalOrObjectiveId: string,
  lifecycle: OpenLifecycle,
  on: IsoDate
): TreatmentPlan {
  assertEditable(plan);
  return updateGoalLike(plan, goalOrObjectiveId, (item) => ({ ...item, lifecycle, statusDate: on }));
}

/**
 * Completes or cancels a goal. Nothing is deleted: the goal, its objectives, targets, notes and measurements stay,
 * and the lifecycle and status date say it ended. Refused for a goal that already ended.
 */
export function retireGoal(plan: TreatmentPlan, goalId: string, retirement: Retirement): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.goals, goalId, 'goal', 'goals');
  return { ...plan, goals: replaceAt(plan.goals, index, retired(item, retirement, `goals[${index}]`)) };
}

/**
 * Removes a goal that was added by mistake and never saved, with its objectives; interventions that served it
 * stay, without the link. Refused (`has-history`) when the caller says it was saved, or when it or its objectives
 * have measurements, progress notes, notes or an achievement: retire it instead.
 */
export function removeDraftGoal(plan: TreatmentPlan, goalId: string, draft: DraftCheck): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.goals, goalId, 'goal', 'goals');
  assertRemovable(plan, [item, ...item.objectives], draft, `goals[${index}]`);
  const without = { ...plan, goals: removeAt(plan.goals, index) };
  return unlinkInterventionsFrom(without, goalFamilyIds(item));
}

/** Moves a goal to another position in the list (e.g. to put the client's first priority first). */
export function moveGoal(plan: TreatmentPlan, goalId: string, toIndex: number): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.goals, goalId, 'goal', 'goals');
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= plan.goals.length) {
    throw new PlanEditError('not-found', `There is no position ${toIndex + 1} among the goals.`, { path: 'goals' });
  }
  const rest = removeAt(plan.goals, index);
  return { ...plan, goals: [...rest.slice(0, toIndex), item, ...rest.slice(toIndex)] };
}
