/** Progress in words that only the progress views need: achievement values as typed, and a chart's summary. */
import { ACHIEVEMENTS, type Achievement, type MeasurableTarget } from '../../plan/index.ts';
import { aimWords, dateWords } from '../../workspace/outline-words.ts';
import { orderedScores, type ChartScore } from './chart-geometry.ts';

export function isAchievement(value: string): value is Achievement {
  return (ACHIEVEMENTS as readonly string[]).includes(value);
}

/** The chart's text alternative: how many scores, the first and the latest, and the target. */
export function chartSummary(target: MeasurableTarget, scores: readonly ChartScore[]): string {
  const ordered = orderedScores(scores);
  const first = ordered[0];
  const last = ordered.at(-1);
  const measure = target.measure.text;
  const aim = `Target: ${aimWords(target, { due: true })}.`;
  if (first === undefined || last === undefined) return `${measure}: no scores yet. ${aim}`;
  const at = (s: ChartScore): string => `${String(s.value)} on ${dateWords(s.date) ?? s.date}`;
  if (ordered.length === 1) return `${measure}: 1 score, ${at(first)}. ${aim}`;
  return `${measure}: ${String(ordered.length)} scores, from ${at(first)} to ${at(last)}. ${aim}`;
}
