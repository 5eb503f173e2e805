/** History and assessment: occupation, psychosocial history, past treatment, assessment results. */
import { optionalText, applyChanges, type Changes, withoutUndefined } from '../changes.ts';
import { PlanEditError } from '../edit-error.ts';
import { assertEditable } from '../lock.ts';
import type { HistoryAndAssessment, PastTreatment, TreatmentPlan } from '../treatment-plan.ts';
import { assertNewIds, indexOfId, locateById, removeAt, replaceAt } from './internal.ts';

function withHistory(plan: TreatmentPlan, history: HistoryAndAssessment): TreatmentPlan {
  return { ...plan, history: withoutUndefined(history) };
}

/** Sets the client's occupation; blank text clears it. */
export function setOccupation(plan: TreatmentPlan, occupation: string): TreatmentPlan {
  assertEditable(plan);
  return withHistory(plan, { ...plan.history, occupation: optionalText(occupation) });
}

/** Sets the family, social, developmental and relationship history; blank text clears it. */
export function setPsychosocialHistory(plan: TreatmentPlan, text: string): TreatmentPlan {
  assertEditable(plan);
  return withHistory(plan, { ...plan.history, psychosocialHistory: optionalText(text) });
}

export function addPastTreatment(plan: TreatmentPlan, treatment: PastTreatment): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, [treatment.id], 'history.treatmentHistory');
  return withHistory(plan, { ...plan.history, treatmentHistory: [...plan.history.treatmentHistory, treatment] });
}

export function editPastTreatment(plan: TreatmentPlan, id: string, changes: Changes<PastTreatment>): TreatmentPlan {
  assertEditable(plan);
  const list = plan.history.treatmentHistory;
  const { index, item } = locateById(list, id, 'past treatment', 'history.treatmentHistory');
  return withHistory(plan, { ...plan.history, treatmentHistory: replaceAt(list, index, applyChanges(item, changes)) });
}

export function removePastTreatment(plan: TreatmentPlan, id: string): TreatmentPlan {
  assertEditable(plan);
  const list = plan.history.treatmentHistory;
  const index = indexOfId(list, id, 'past treatment', 'history.treatmentHistory');
  return withHistory(plan, { ...plan.history, treatmentHistory: removeAt(list, index) });
}

/** Marks a recorded measurement (e.g. the intake PHQ-9) as an assessment result of the history. Linking twice is harmless. */
export function linkAssessment(plan: TreatmentPlan, measurementId: string): TreatmentPlan {
  assertEditable(plan);
  indexOfId(plan.progress.measurements, measurementId, 'measurement', 'progress.measurements');
  if (plan.history.assessmentIds.includes(measurementId)) return plan;
  return withHistory(plan, { ...plan.history, assessmentIds: [...plan.history.assessmentIds, measurementId] });
}

/** Takes a measurement off the assessment results; the measurement itself stays in the progress record. */
export function unlinkAssessment(plan: TreatmentPlan, measurementId: string): TreatmentPlan {
  assertEditable(plan);
  if (!plan.history.assessmentIds.includes(measurementId)) {
    throw new PlanEditError('not-found', `No assessment result with id ${measurementId} is linked to the history.`, {
      path: 'history.assessmentIds',
    });
  }
  return withHistory(plan, {
    ...plan.history,
    assessmentIds: plan.history.assessmentIds.filter((id) => id !== measurementId),
  });
}
