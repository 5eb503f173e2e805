/** Objectives: the steps toward a goal, each belonging to exactly one goal, in order. */
import { applyChanges, type Changes } from '../changes.ts';
import { PlanEditError } from '../edit-error.ts';
import { locateGoalLike, type GoalLikeLocation } from '../ids.ts';
import { assertEditable } from '../lock.ts';
import type { Objective, PlanGoal, TreatmentPlan } from '../treatment-plan.ts';
import { assertRemovable, retired, unlinkInterventionsFrom, type DraftCheck, type Retirement } from './goal-history.ts';
import { assertAddressable, assertNewIds, locateById, removeAt, replaceAt } from './internal.ts';

function requireObjective(plan: TreatmentPlan, id: string): GoalLikeLocation & { readonly objectiveIndex: number } {
  const location = locateGoalLike(plan, id);
  if (location?.objectiveIndex === undefined) {
    throw new PlanEditError('not-found', `This plan has no objective with id ${id}.`, { path: 'goals' });
  }
  return { ...location, objectiveIndex: location.objectiveIndex };
}

function withObjectives(
  plan: TreatmentPlan,
  goalIndex: number,
  goal: PlanGoal,
  objectives: readonly Objective[]
): TreatmentPlan {
  return { ...plan, goals: replaceAt(plan.goals, goalIndex, { ...goal, objectives }) };
}

function insertAt<T>(list: readonly T[], index: number | undefined, item: T, path: string): T[] {
  const at = index ?? list.length;
  if (!Number.isInteger(at) || at < 0 || at > list.length) {
    throw new PlanEditError('not-found', `There is no position ${at + 1} among the objectives.`, { path });
  }
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** Adds an objective to a goal, at the end or at `index`. */
export function addObjective(plan: TreatmentPlan, goalId: string, objective: Objective, index?: number): TreatmentPlan {
  assertEditable(plan);
  const { index: goalIndex, item: goal } = locateById(plan.goals, goalId, 'goal', 'goals');
  const path = `goals[${goalIndex}].objectives`;
  assertNewIds(plan, [objective.id], path);
  assertAddressable(plan, objective.addresses, path);
  return withObjectives(plan, goalIndex, goal, insertAt(goal.objectives, index, objective, path));
}

/** The fields of an objective that `editObjective` changes; targets and status have their own edits. */
export type ObjectiveChanges = Changes<
  Pick<Objective, 'description' | 'startDate' | 'expressedBy' | 'addresses' | 'notes'>
>;

export function editObjective(plan: TreatmentPlan, objectiveId: string, changes: ObjectiveChanges): TreatmentPlan {
  assertEditable(plan);
  const { item, goal, goalIndex, objectiveIndex, path } = requireObjective(plan, objectiveId);
  if (changes.addresses) assertAddressable(plan, changes.addresses, `${path}.addresses`);
  const edited = applyChanges(item, changes);
  return withObjectives(plan, goalIndex, goal, replaceAt(goal.objectives, objectiveIndex, edited));
}

/**
 * Moves an objective within its goal or to another goal (`goalId`), to `index` (default: the end). Its id stays,
 * so measurements and interventions that refer to it still do.
 */
export function moveObjective(
  plan: TreatmentPlan,
  objectiveId: string,
  to: { readonly goalId?: string; readonly index?: number }
): TreatmentPlan {
  assertEditable(plan);
  const { item: objective, goal, goalIndex, objectiveIndex } = requireObjective(plan, objectiveId);
  const without = withObjectives(plan, goalIndex, goal, removeAt(goal.objectives, objectiveIndex));
  const target = locateById(without.goals, to.goalId ?? goal.id, 'goal', 'goals');
  const path = `goals[${target.index}].objectives`;
  return withObjectives(
    without,
    target.index,
    target.item,
    insertAt(target.item.objectives, to.index, objective, path)
  );
}

/** Completes or cancels an objective; like `retireGoal`, nothing is deleted. */
export function retireObjective(plan: TreatmentPlan, objectiveId: string, retirement: Retirement): TreatmentPlan {
  assertEditable(plan);
  const { item, goal, goalIndex, objectiveIndex, path } = requireObjective(plan, objectiveId);
  const objective = retired(item, retirement, path);
  return withObjectives(plan, goalIndex, goal, replaceAt(goal.objectives, objectiveIndex, objective));
}

/** Removes an objective added by mistake and never saved; refused like `removeDraftGoal` when it has history. */
export function removeDraftObjective(plan: TreatmentPlan, objectiveId: string, draft: DraftCheck): TreatmentPlan {
  assertEditable(plan);
  const { item, goal, goalIndex, objectiveIndex, path } = requireObjective(plan, objectiveId);
  assertRemovable(plan, [item], draft, path);
  const without = withObjectives(plan, goalIndex, goal, removeAt(goal.objectives, objectiveIndex));
  return unlinkInterventionsFrom(without, [objectiveId]);
}
