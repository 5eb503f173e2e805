/** Ids are unique across the plan, and every reference between parts points at a part that exists. */
import { goalLikesOf, partsOf } from '../ids.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';
import type { RuleViolation } from './rule-violation.ts';

export function checkReferences(plan: TreatmentPlan): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const firstPath = new Map<string, string>();
  for (const part of partsOf(plan)) {
    const earlier = firstPath.get(part.id);
    if (earlier === undefined) firstPath.set(part.id, part.path);
    else {
      violations.push({
        rule: 'unique-ids',
        severity: 'error',
        message: `Two parts of the plan share the id ${part.id} (the other is at ${earlier}); each needs its own.`,
        path: part.path,
      });
    }
  }

  const goalIds = new Set(goalLikesOf(plan).map((location) => location.item.id));
  const addressable = new Set([...plan.diagnoses, ...plan.presentingConcerns].map((part) => part.id));
  const measurementIds = new Set(plan.progress.measurements.map((m) => m.id));

  for (const { item, path } of goalLikesOf(plan)) {
    item.addresses.forEach((id, a) => {
      if (!addressable.has(id)) {
        violations.push({
          rule: 'goal-addresses-exist',
          severity: 'error',
          message: `“${item.description.text}” addresses a diagnosis or concern that is not in this plan (${id}).`,
          path: `${path}.addresses[${a}]`,
        });
      }
    });
  }
  plan.interventions.forEach((intervention, i) => {
    intervention.goalIds.forEach((id, g) => {
      if (!goalIds.has(id)) {
        violations.push({
          rule: 'intervention-goal-exists',
          severity: 'error',
          message: `“${intervention.technique.text}” serves a goal that is not in this plan (${id}).`,
          path: `interventions[${i}].goalIds[${g}]`,
        });
      }
    });
  });
  plan.progress.measurements.forEach((measurement, m) => {
    if (measurement.goalId !== undefined && !goalIds.has(measurement.goalId)) {
      violations.push({
        rule: 'measurement-goal-exists',
        severity: 'error',
        message: `A ${measurement.measure.text} score tracks a goal that is not in this plan (${measurement.goalId}).`,
        path: `progress.measurements[${m}].goalId`,
      });
    }
  });
  plan.progress.notes.forEach((note, n) => {
    if (note.goalId !== undefined && !goalIds.has(note.goalId)) {
      violations.push({
        rule: 'note-goal-exists',
        severity: 'error',
        message: `A progress note is about a goal that is not in this plan (${note.goalId}).`,
        path: `progress.notes[${n}].goalId`,
      });
    }
  });
  plan.history.assessmentIds.forEach((id, a) => {
    if (!measurementIds.has(id)) {
      violations.push({
        rule: 'assessment-exists',
        severity: 'error',
        message: `The history lists an assessment result that is not in this plan (${id}).`,
        path: `history.assessmentIds[${a}]`,
      });
    }
  });
  return violations;
}
