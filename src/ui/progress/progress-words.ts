/** Progress in words: achievement values, targets and a chart's summary, for labels and screen readers. */
import { ACHIEVEMENTS, type Achievement, type Comparator, type MeasurableTarget } from '../../plan/index.ts';
import { TARGET_UNITS } from '../../workspace/pick-lists.ts';
import { orderedScores, shortDate, type ChartScore } from './chart-geometry.ts';

/** Every achievement value, in the order the override list offers them. */

/** `no-change` → `No change`. */
export function achievementWords(achievement: Achievement): string {
  return achievement.charAt(0).toUpperCase() + achievement.slice(1).replaceAll('-', ' ');
}

export function isAchievement(value: string): value is Achievement {
  return (ACHIEVEMENTS as readonly string[]).includes(value);
}

const COMPARATOR_WORDS: Readonly<Record<Comparator, string>> = {
  '<': 'below',
  '<=': 'at most',
  '=': 'exactly',
  '>=': 'at least',
  '>': 'above',
};

/** A UCUM unit as the target editor names it (`{score}` is left out: "below 10" reads better than "10 score"). */
export function unitWords(unit: string): string {
  if (unit === '{score}' || unit === '1' || unit === '') return '';
  return TARGET_UNITS.find((u) => u.unit === unit)?.label ?? unit;
}

/** A value with its unit: `10`, `7 hours`, `50 %`. */
export function amountWords(value: number, unit: string): string {
  const words = unitWords(unit);
  return words === '' ? String(value) : `${String(value)} ${words}`;
}

/** `below 10`: the comparison and value, without the due date. */
export function aimWords(target: MeasurableTarget): string {
  return `${COMPARATOR_WORDS[target.comparator]} ${amountWords(target.value.value, target.value.unit)}`;
}

/** `below 10 by 21 Dec 2026`. */
export function targetWords(target: MeasurableTarget): string {
  const aim = aimWords(target);
  return target.dueDate === undefined ? aim : `${aim} by ${shortDate(target.dueDate)}`;
}

/** The chart's text alternative: how many scores, the first and the latest, and the target. */
export function chartSummary(target: MeasurableTarget, scores: readonly ChartScore[]): string {
  const ordered = orderedScores(scores);
  const first = ordered[0];
  const last = ordered.at(-1);
  const measure = target.measure.text;
  const aim = `Target: ${targetWords(target)}.`;
  if (first === undefined || last === undefined) return `${measure}: no scores yet. ${aim}`;
  const at = (s: ChartScore): string => `${String(s.value)} on ${shortDate(s.date.slice(0, 10))}`;
  if (ordered.length === 1) return `${measure}: 1 score, ${at(first)}. ${aim}`;
  return `${measure}: ${String(ordered.length)} scores, from ${at(first)} to ${at(last)}. ${aim}`;
}
