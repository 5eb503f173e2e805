/** Shared by goals and objectives: retiring them, and knowing when one may be removed outright. */
import { PlanEditError } from '../edit-error.ts';
import type { Achievement, GoalLike, IsoDate, TreatmentPlan } from '../treatment-plan.ts';
import { quoted } from './internal.ts';

/** How a goal or objective leaves the plan's current work; it stays in the plan, with its data. */
export interface Retirement {
  /** `completed`: the work is done (whether or not it was achieved); `cancelled`: it was dropped. */
  readonly outcome: 'completed' | 'cancelled';
  /** The date of the change (becomes `statusDate`). */
  readonly on: IsoDate;
  /** The achievement at that point, when the clinician records one (e.g. `achieved`, `not-achieved`). */
  readonly achievement?: Achievement;
  /** Why, in a sentence; kept as a note on the goal. */
  readonly reason?: string;
}

export function retired<T extends GoalLike>(item: T, retirement: Retirement, path: string): T {
  if (item.lifecycle === 'completed' || item.lifecycle === 'cancelled') {
    throw new PlanEditError('not-allowed', `${quoted(item)} is already ${item.lifecycle}.`, {
      path: `${path}.lifecycle`,
    });
  }
  const reason = retirement.reason?.trim();
  return {
    ...item,
    lifecycle: retirement.outcome,
    statusDate: retirement.on,
    ...(retirement.achievement === undefined ? {} : { achievement: retirement.achievement }),
    notes: reason ? [...item.notes, reason] : item.notes,
  };
}

/** The caller's knowledge of whether the part was ever saved: the model itself cannot tell a new part from a loaded one. */
export interface DraftCheck {
  /** True when the part was loaded from, or has been saved to, the client's record. */
  readonly saved: boolean;
}

/**
 * Refuses (`has-history`) to remove goals or objectives that were saved, or that carry measurements, progress
 * notes, notes or an achievement: those are retired instead, so nothing recorded is lost.
 */
export function assertRemovable(
  plan: TreatmentPlan,
  items: readonly GoalLike[],
  draft: DraftCheck,
  path: string
): void {
  const first = items[0];
  if (!first) return;
  const ids = new Set(items.map((item) => item.id));
  const what = quoted(first);
  const refuse = (why: string): never => {
    throw new PlanEditError('has-history', `${what} ${why}, so it cannot be removed. Retire it instead.`, { path });
  };
  if (draft.saved) refuse('is saved in the client’s record');
  if (plan.progress.measurements.some((m) => m.goalId !== undefined && ids.has(m.goalId))) refuse('has measurements');
  if (plan.progress.notes.some((n) => n.goalId !== undefined && ids.has(n.goalId))) refuse('has progress notes');
  if (items.some((item) => item.notes.length > 0)) refuse('has notes');
  if (items.some((item) => item.achievement !== undefined)) refuse('has a recorded achievement');
}

/** The plan with every intervention's link to `ids` removed (the interventions themselves stay). */
export function unlinkInterventionsFrom(plan: TreatmentPlan, ids: readonly string[]): TreatmentPlan {
  const gone = new Set(ids);
  return {
    ...plan,
    interventions: plan.interventions.map((intervention) =>
      intervention.goalIds.some((id) => gone.has(id))
        ? { ...intervention, goalIds: intervention.goalIds.filter((id) => !gone.has(id)) }
        : intervention
    ),
  };
}
