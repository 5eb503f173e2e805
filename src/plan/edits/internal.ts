/** Helpers the edit functions share: finding parts, checking ids and references, copying lists. Not for the UI. */
import { withoutUndefined } from '../changes.ts';
import { PlanEditError } from '../edit-error.ts';
import { locateGoalLike, partsOf, type GoalLikeLocation } from '../ids.ts';
import type { GoalLike, PlanGoal, TreatmentPlan } from '../treatment-plan.ts';

/** The index of the part with `id` in `list`, or a `not-found` refusal naming what was looked for. */
export function indexOfId(list: readonly { readonly id: string }[], id: string, what: string, base: string): number {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) throw new PlanEditError('not-found', `This plan has no ${what} with id ${id}.`, { path: base });
  return index;
}

/** The part with `id` in `list` and its index, or a `not-found` refusal. */
export function locateById<T extends { readonly id: string }>(
  list: readonly T[],
  id: string,
  what: string,
  base: string
): { readonly index: number; readonly item: T } {
  const index = indexOfId(list, id, what, base);
  return { index, item: itemAt(list, index, what, base) };
}

/** The item at `index`, or a `not-found` refusal. */
export function itemAt<T>(list: readonly T[], index: number, what: string, base: string): T {
  const item = Number.isInteger(index) ? list[index] : undefined;
  if (item === undefined)
    throw new PlanEditError('not-found', `This plan has no ${what} number ${index + 1}.`, { path: base });
  return item;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Refuses ids that are blank, already used in the plan, or repeated among themselves. */
export function assertNewIds(plan: TreatmentPlan, ids: readonly string[], path: string): void {
  const used = new Map(partsOf(plan).map((part) => [part.id, part.path]));
  const seen = new Set<string>();
  for (const id of ids) {
    if (id.trim() === '') throw new PlanEditError('not-allowed', 'A new part needs an id.', { path });
    const clash = used.get(id) ?? (seen.has(id) ? path : undefined);
    if (clash !== undefined) {
      throw new PlanEditError('duplicate-id', `The id ${id} is already used in this plan.`, { path, related: [clash] });
    }
    seen.add(id);
  }
}

/** A goal or objective by id, or a `not-found` refusal. */
export function requireGoalLike(plan: TreatmentPlan, id: string): GoalLikeLocation {
  const location = locateGoalLike(plan, id);
  if (!location)
    throw new PlanEditError('not-found', `This plan has no goal or objective with id ${id}.`, { path: 'goals' });
  return location;
}

/** Refuses ids that name no goal or objective of the plan. */
export function assertGoalLikeIds(plan: TreatmentPlan, ids: readonly string[], path: string): void {
  for (const id of ids) {
    if (!locateGoalLike(plan, id)) {
      throw new PlanEditError('not-found', `This plan has no goal or objective with id ${id}.`, { path });
    }
  }
}

/** Refuses ids that name no diagnosis or presenting concern (what a goal may address). */
export function assertAddressable(plan: TreatmentPlan, ids: readonly string[], path: string): void {
  const addressable = new Set([...plan.diagnoses, ...plan.presentingConcerns].map((part) => part.id));
  for (const id of ids) {
    if (!addressable.has(id)) {
      throw new PlanEditError('not-found', `This plan has no diagnosis or presenting concern with id ${id}.`, { path });
    }
  }
}

/**
 * The plan with the goal or objective `id` replaced by `update(it)`. `update` changes only the fields goals and
 * objectives share; a goal keeps its priority, objectives and origin.
 */
export function updateGoalLike(plan: TreatmentPlan, id: string, update: (item: GoalLike) => GoalLike): TreatmentPlan {
  const { goal, goalIndex, objectiveIndex } = requireGoalLike(plan, id);
  const next: PlanGoal =
    objectiveIndex === undefined
      ? withoutUndefined({
          ...update(goal),
          priority: goal.priority,
          objectives: goal.objectives,
          carriedFrom: goal.carriedFrom,
        })
      : {
          ...goal,
          objectives: goal.objectives.map((objective, index) =>
            index === objectiveIndex ? update(objective) : objective
          ),
        };
  return { ...plan, goals: replaceAt(plan.goals, goalIndex, next) };
}

/** "“Sleep through the night”": a goal or objective as a clinician recognises it in a message. */
export function quoted(item: GoalLike): string {
  return `“${item.description.text}”`;
}

/** Paths of the goals and objectives that address the diagnosis or concern `id`. */
export function addressedBy(plan: TreatmentPlan, id: string): string[] {
  return plan.goals.flatMap((goal, g) => [
    ...(goal.addresses.includes(id) ? [`goals[${g}].addresses`] : []),
    ...goal.objectives.flatMap((objective, o) =>
      objective.addresses.includes(id) ? [`goals[${g}].objectives[${o}].addresses`] : []
    ),
  ]);
}

/**
 * Before removing a diagnosis or concern: refuses (`in-use`) while goals address it, unless the caller asked to
 * detach it from them, in which case the returned plan no longer mentions it in any goal.
 */
export function releaseAddressed(
  plan: TreatmentPlan,
  id: string,
  what: string,
  path: string,
  detachFromGoals: boolean
): TreatmentPlan {
  const users = addressedBy(plan, id);
  if (users.length === 0) return plan;
  if (!detachFromGoals) {
    const count = users.length === 1 ? 'A goal addresses' : `${users.length} goals and objectives address`;
    throw new PlanEditError(
      'in-use',
      `${count} this ${what}. Take it off those goals first, or remove it from them as well.`,
      {
        path,
        related: users,
      }
    );
  }
  const detach = <T extends GoalLike>(item: T): T => ({ ...item, addresses: item.addresses.filter((a) => a !== id) });
  return {
    ...plan,
    goals: plan.goals.map((goal) => ({ ...detach(goal), objectives: goal.objectives.map(detach) })),
  };
}

/** A list of sentences (goals for change, preferences ...) with one replaced; `not-found` for a missing index. */
export function replaceText(
  list: readonly string[],
  index: number,
  text: string,
  what: string,
  base: string
): string[] {
  itemAt(list, index, what, base);
  return replaceAt(list, index, text);
}

/** A list of sentences with one removed; `not-found` for a missing index. */
export function removeText(list: readonly string[], index: number, what: string, base: string): string[] {
  itemAt(list, index, what, base);
  return removeAt(list, index);
}
