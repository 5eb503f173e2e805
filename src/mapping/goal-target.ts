/**
 * A measurable target as Goal.target: measure, detailQuantity with the comparator (gol-1: a detail needs a
 * measure) and dueDate. A detailRange from another system is read as two targets on the same measure, `>=`
 * its low and `<=` its high (either may be missing), and written back as the range it was while those targets
 * are unchanged. Targets the plan cannot hold (a code, text, yes/no, a ratio, no measure ...) are reported on
 * reading and kept as they were on writing.
 */
import type * as fhir from 'fhir/r4';
import type { Comparator, MeasurableTarget } from '../plan/treatment-plan.ts';
import { conceptFromFhir, conceptToFhir } from './concept.ts';
import { sameJson } from './json.ts';
import { amountFromFhir, amountToFhir, comparatorFromFhir } from './quantities.ts';
import type { Report } from './read-context.ts';

const ignore = (): void => undefined;

const UNPLACEABLE: readonly [keyof fhir.GoalTarget, string][] = [
  ['detailCodeableConcept', 'a target given as a code'],
  ['detailString', 'a target given as text'],
  ['detailBoolean', 'a target given as yes or no'],
  ['detailInteger', 'a target given as a bare count'],
  ['detailRatio', 'a target given as a ratio'],
];

/** The model's targets a Goal.target holds: none, one (a quantity) or two (a range). */
export function targetsFromFhir(target: fhir.GoalTarget, report: Report = ignore, path = ''): MeasurableTarget[] {
  for (const [key, what] of UNPLACEABLE) {
    if (target[key] !== undefined) {
      report(path, `${what} cannot be held as a number to reach; it is kept on the goal but not shown`);
      return [];
    }
  }
  if (!target.measure) {
    report(path, 'a target without a measure has no place in the plan (gol-1)');
    return [];
  }
  const bounds: [Comparator, fhir.Quantity | undefined][] = target.detailRange
    ? [
        ['>=', target.detailRange.low],
        ['<=', target.detailRange.high],
      ]
    : [[target.detailQuantity ? comparatorFromFhir(target.detailQuantity) : '=', target.detailQuantity]];
  const given = bounds.filter(([, q]) => q !== undefined);
  const amounts = given.map(([comparator, q]) => ({ comparator, value: amountFromFhir(q) }));
  if (given.length === 0 || amounts.some((a) => a.value === undefined)) {
    report(path, 'a target without a quantity to reach (a value and a unit) has no place in the plan');
    return [];
  }
  if (target.dueDuration) report(`${path}.dueDuration`, 'a due date given as a duration has no place in the plan');
  const measure = conceptFromFhir(target.measure, report, `${path}.measure`);
  return amounts.flatMap(({ comparator, value }) =>
    value === undefined
      ? []
      : [{ measure, comparator, value, ...(target.dueDate === undefined ? {} : { dueDate: target.dueDate }) }]
  );
}

/** The single quantity target a Goal.target holds (a range or anything else gives undefined). */
export function targetFromFhir(target: fhir.GoalTarget, report?: Report, path = ''): MeasurableTarget | undefined {
  if (target.detailRange) return undefined;
  return targetsFromFhir(target, report, path)[0];
}

export function targetsToFhir(
  targets: readonly MeasurableTarget[],
  loaded: readonly fhir.GoalTarget[] | undefined
): fhir.GoalTarget[] {
  const unused = [...(loaded ?? [])];
  const result: fhir.GoalTarget[] = [];
  for (let i = 0; i < targets.length; i += 1) {
    // A loaded range whose targets come next, unchanged, stays the range it was.
    const range = unused.findIndex((l) => {
      const expanded = l.detailRange ? targetsFromFhir(l) : [];
      return expanded.length > 0 && expanded.every((t, k) => sameJson(t, targets[i + k]));
    });
    const found = range === -1 ? undefined : unused.splice(range, 1)[0];
    if (found) {
      result.push(found);
      i += targetsFromFhir(found).length - 1;
      continue;
    }
    const target = targets[i];
    if (!target) continue;
    const same = unused.findIndex((l) => !l.detailRange && sameJson(targetFromFhir(l), target));
    if (same !== -1) {
      result.push(unused.splice(same, 1)[0] ?? {});
      continue;
    }
    result.push({
      measure: conceptToFhir(target.measure),
      detailQuantity: amountToFhir(target.value, target.comparator),
      ...(target.dueDate === undefined ? {} : { dueDate: target.dueDate }),
    });
  }
  // Targets the reader could not place were never in the model: they stay.
  return [...result, ...unused.filter((l) => targetsFromFhir(l).length === 0)];
}
