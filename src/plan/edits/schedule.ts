/** Modality, format, session frequency and length, and treatment dates. `null` clears a field. */
import { applyChanges, type Changes } from '../changes.ts';
import { assertEditable } from '../lock.ts';
import type { CareSchedule, Concept, Frequency, TreatmentPlan } from '../treatment-plan.ts';

function editSchedule(plan: TreatmentPlan, changes: Changes<CareSchedule>): TreatmentPlan {
  assertEditable(plan);
  return { ...plan, schedule: applyChanges(plan.schedule, changes) };
}

/** The main modality of treatment (CBT, DBT, motivational interviewing ...). */
export function setModality(plan: TreatmentPlan, modality: Concept | null): TreatmentPlan {
  return editSchedule(plan, { modality });
}

/** Individual, group, family or couples. */
export function setFormat(plan: TreatmentPlan, format: Concept | null): TreatmentPlan {
  return editSchedule(plan, { format });
}

/** How often sessions happen, e.g. `{ count: 1, per: 1, unit: 'wk' }`. */
export function setSessionFrequency(plan: TreatmentPlan, frequency: Frequency | null): TreatmentPlan {
  return editSchedule(plan, { sessionFrequency: frequency });
}

export function setSessionMinutes(plan: TreatmentPlan, minutes: number | null): TreatmentPlan {
  return editSchedule(plan, { sessionMinutes: minutes });
}

/** When treatment starts and when it is expected to end. */
export function setTreatmentDates(
  plan: TreatmentPlan,
  dates: Changes<Pick<CareSchedule, 'startDate' | 'targetEndDate'>>
): TreatmentPlan {
  return editSchedule(plan, dates);
}
