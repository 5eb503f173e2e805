/**
 * Progress and outcomes: scores, progress notes, achievement and the outcome summary. This is record keeping, so
 * it goes on after the plan is signed (the PHQ-9 of each session is recorded against the signed plan); only a
 * closed plan refuses it.
 */
import { applyChanges, optionalText, withoutUndefined } from '../changes.ts';
import { assertOpen } from '../lock.ts';
import type {
  Achievement,
  IsoDate,
  Measurement,
  ProgressAndOutcomes,
  ProgressNote,
  TreatmentPlan,
} from '../treatment-plan.ts';
import { assertGoalLikeIds, assertNewIds, updateGoalLike } from './internal.ts';

function withProgress(plan: TreatmentPlan, progress: ProgressAndOutcomes): TreatmentPlan {
  return { ...plan, progress: withoutUndefined(progress) };
}

/** Records a score or measure; when it tracks a goal or objective, that one must exist. */
export function recordMeasurement(plan: TreatmentPlan, measurement: Measurement): TreatmentPlan {
  assertOpen(plan);
  assertNewIds(plan, [measurement.id], 'progress.measurements');
  if (measurement.goalId !== undefined) assertGoalLikeIds(plan, [measurement.goalId], 'progress.measurements');
  return withProgress(plan, { ...plan.progress, measurements: [...plan.progress.measurements, measurement] });
}

/** Adds a progress note on the whole plan, or on one goal or objective. */
export function addProgressNote(plan: TreatmentPlan, note: ProgressNote): TreatmentPlan {
  assertOpen(plan);
  assertNewIds(plan, [note.id], 'progress.notes');
  if (note.goalId !== undefined) assertGoalLikeIds(plan, [note.goalId], 'progress.notes');
  return withProgress(plan, { ...plan.progress, notes: [...plan.progress.notes, note] });
}

/** Sets the outcome summary written at review or discharge; blank text clears it. */
export function setOutcomeSummary(plan: TreatmentPlan, summary: string): TreatmentPlan {
  assertOpen(plan);
  return withProgress(plan, { ...plan.progress, outcomeSummary: optionalText(summary) });
}

/**
 * Records how a goal or objective is going (improving, achieved ...) as of a date, e.g. after the clinician
 * confirms or overrides `suggestAchievement`. `null` clears it.
 */
export function setAchievement(
  plan: TreatmentPlan,
  goalOrObjectiveId: string,
  achievement: Achievement | null,
  on: IsoDate
): TreatmentPlan {
  assertOpen(plan);
  return updateGoalLike(plan, goalOrObjectiveId, (item) => applyChanges(item, { achievement, statusDate: on }));
}
