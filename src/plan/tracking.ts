/** Which measurements track a goal or objective: used by the progress question and by achievement suggestions. */
import { sameConcept } from './concepts.ts';
import type { GoalLike, Intervention, Measurement, MeasurableTarget, TreatmentPlan } from './treatment-plan.ts';

/**
 * The measurements that form the series for one target of a goal or objective: those of the same measure (a
 * shared code, or the same words), and, when the target is the item's only one, those recorded against the item
 * itself whatever their wording.
 */
export function seriesFor(plan: TreatmentPlan, item: GoalLike, target: MeasurableTarget): Measurement[] {
  const onlyTarget = item.targets.length === 1;
  return plan.progress.measurements.filter(
    (m) => sameConcept(m.measure, target.measure) || (onlyTarget && m.goalId === item.id)
  );
}

/** An intervention that schedules the measure itself (e.g. "PHQ-9 every 2 weeks"): same measure, a frequency, not ended. */
export function schedulesMeasure(intervention: Intervention, target: MeasurableTarget): boolean {
  return (
    intervention.frequency !== undefined &&
    (intervention.status === 'active' || intervention.status === 'draft' || intervention.status === 'on-hold') &&
    sameConcept(intervention.technique, target.measure)
  );
}
