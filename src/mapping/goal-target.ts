/**
 * A measurable target as Goal.target: measure, detailQuantity with the comparator (gol-1: a detail needs a
 * measure) and dueDate. Targets the plan cannot hold (a range, a code, no measure ...) are reported on reading
 * and kept as they were on writing.
 */
import type * as fhir from 'fhir/r4';
import type { MeasurableTarget } from '../plan/treatment-plan.ts';
import { conceptFromFhir, conceptToFhir } from './concept.ts';
import { sameJson } from './json.ts';
import { amountFromFhir, amountToFhir, comparatorFromFhir } from './quantities.ts';
import type { Report } from './read-context.ts';

export function targetFromFhir(target: fhir.GoalTarget, report?: Report, path = ''): MeasurableTarget | undefined {
  const amount = amountFromFhir(target.detailQuantity);
  if (!target.measure || !target.detailQuantity || !amount) {
    report?.(path, 'a target without a measure and a quantity to reach has no place in the plan');
    return undefined;
  }
  if (target.dueDuration) report?.(`${path}.dueDuration`, 'a due date given as a duration has no place in the plan');
  return {
    measure: conceptFromFhir(target.measure, report, `${path}.measure`),
    comparator: comparatorFromFhir(target.detailQuantity),
    value: amount,
    ...(target.dueDate === undefined ? {} : { dueDate: target.dueDate }),
  };
}

export function targetsToFhir(
  targets: readonly MeasurableTarget[],
  loaded: readonly fhir.GoalTarget[] | undefined
): fhir.GoalTarget[] {
  const unused = [...(loaded ?? [])];
  const ours = targets.map((target): fhir.GoalTarget => {
    const same = unused.findIndex((l) => sameJson(targetFromFhir(l), target));
    if (same !== -1) return unused.splice(same, 1)[0] ?? {};
    return {
      measure: conceptToFhir(target.measure),
      detailQuantity: amountToFhir(target.value, target.comparator),
      ...(target.dueDate === undefined ? {} : { dueDate: target.dueDate }),
    };
  });
  // Targets the reader could not place were never in the model: they stay.
  return [...ours, ...unused.filter((l) => targetFromFhir(l) === undefined)];
}
