/** Measurable targets of goals and objectives: measure, comparator, value with unit, due date. */
import { assertEditable } from '../lock.ts';
import type { MeasurableTarget, TreatmentPlan } from '../treatment-plan.ts';
import { itemAt, removeAt, replaceAt, requireGoalLike, updateGoalLike } from './internal.ts';

/** Adds a target to a goal or objective (most have one; a goal may track several measures). */
export function addTarget(plan: TreatmentPlan, goalOrObjectiveId: string, target: MeasurableTarget): TreatmentPlan {
  assertEditable(plan);
  return updateGoalLike(plan, goalOrObjectiveId, (item) => ({ ...item, targets: [...item.targets, target] }));
}

/** Replaces the target at `index` of a goal or objective. */
export function setTarget(
  plan: TreatmentPlan,
  goalOrObjectiveId: string,
  index: number,
  target: MeasurableTarget
): TreatmentPlan {
  assertEditable(plan);
  const { item, path } = requireGoalLike(plan, goalOrObjectiveId);
  itemAt(item.targets, index, 'target', `${path}.targets`);
  return updateGoalLike(plan, goalOrObjectiveId, (found) => ({
    ...found,
    targets: replaceAt(found.targets, index, target),
  }));
}

export function removeTarget(plan: TreatmentPlan, goalOrObjectiveId: string, index: number): TreatmentPlan {
  assertEditable(plan);
  const { item, path } = requireGoalLike(plan, goalOrObjectiveId);
  itemAt(item.targets, index, 'target', `${path}.targets`);
  return updateGoalLike(plan, goalOrObjectiveId, (found) => ({ ...found, targets: removeAt(found.targets, index) }));
}
