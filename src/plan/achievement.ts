/**
 * A suggested achievement status from the scores over time (issue 4 §3); the clinician confirms or overrides it
 * with `setAchievement`. The rule, in order:
 *
 * 1. Only scores dated on or before `today` with the target's unit (or no unit) count, oldest first.
 * 2. `achieved`: the last two scores both meet the target (one good score may be a good week).
 * 3. `in-progress`: fewer than two scores, too little to see a trend.
 * 4. Otherwise the latest score is compared with the first (the baseline). The change toward the target is the
 *    drop for `<` and `<=` targets, the rise for `>` and `>=`, and the shrinking distance for `=`.
 *    `improving` when it moved toward the target by at least the minimum change, `worsening` when it moved away by
 *    at least that much, `no-change` otherwise.
 *
 * The minimum change defaults to a fifth of the baseline's distance from the target value, and at least 1 unit;
 * callers that know a scale's reliable change (e.g. 5 points on the PHQ-9) pass it as `minimumChange`.
 */
import { datePart, instantOf } from './calendar.ts';
import { locateGoalLike } from './ids.ts';
import { seriesFor } from './tracking.ts';
import type {
  Achievement,
  Comparator,
  IsoDate,
  MeasurableTarget,
  Measurement,
  TreatmentPlan,
} from './treatment-plan.ts';

export type SuggestedAchievement = Extract<
  Achievement,
  'in-progress' | 'improving' | 'worsening' | 'no-change' | 'achieved'
>;

export interface AchievementSuggestion {
  readonly achievement: SuggestedAchievement;
  /** The reason in a sentence, for the clinician deciding whether to confirm. */
  readonly reason: string;
  /** The scores the suggestion rests on, oldest first. */
  readonly basis: readonly Measurement[];
}

export interface SuggestionOptions {
  /** The smallest change that counts as movement, in the target's unit. */
  readonly minimumChange?: number;
}

/** How many of the latest scores must meet the target to call it achieved. */
export const CONFIRMING_SCORES = 2;

export function meetsTarget(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case '<':
      return value < target;
    case '<=':
      return value <= target;
    case '=':
      return value === target;
    case '>=':
      return value >= target;
    case '>':
      return value > target;
  }
}

/** How much closer to the target `latest` is than `baseline` (negative: further away). */
function movementToward(target: MeasurableTarget, baseline: number, latest: number): number {
  switch (target.comparator) {
    case '<':
    case '<=':
      return baseline - latest;
    case '>':
    case '>=':
      return latest - baseline;
    case '=':
      return Math.abs(baseline - target.value.value) - Math.abs(latest - target.value.value);
  }
}

function sameUnit(a: string, b: string): boolean {
  return a === '' || b === '' || a.toLowerCase() === b.toLowerCase();
}

function describe(target: MeasurableTarget): string {
  return `${target.comparator} ${target.value.value} ${target.value.unit}`.trim();
}

/** Suggests an achievement for one target from its series of scores (see the rule above). */
export function suggestAchievement(
  target: MeasurableTarget,
  measurements: readonly Measurement[],
  today: IsoDate,
  options: SuggestionOptions = {}
): AchievementSuggestion {
  const basis = measurements
    .filter((m) => sameUnit(m.value.unit, target.value.unit) && Number.isFinite(m.value.value))
    .flatMap((m) => {
      const at = instantOf(m.date);
      return at !== undefined && datePart(m.date) <= today ? [{ m, at }] : [];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ m }) => m);
  const goal = describe(target);
  const first = basis[0];
  const last = basis.at(-1);
  if (!first || !last) return { achievement: 'in-progress', reason: 'No scores recorded yet.', basis };

  const recent = basis.slice(-CONFIRMING_SCORES);
  if (
    recent.length === CONFIRMING_SCORES &&
    recent.every((m) => meetsTarget(m.value.value, target.comparator, target.value.value))
  ) {
    const values = recent.map((m) => m.value.value).join(' and ');
    return {
      achievement: 'achieved',
      reason: `The last ${CONFIRMING_SCORES} scores (${values}) meet the target (${goal}).`,
      basis,
    };
  }
  if (basis.length < CONFIRMING_SCORES) {
    return { achievement: 'in-progress', reason: 'Only one score so far: too early to see a trend.', basis };
  }

  const [from, to] = [first.value.value, last.value.value];
  const minimum = options.minimumChange ?? Math.max(Math.abs(from - target.value.value) / 5, 1);
  const moved = movementToward(target, from, to);
  const since = `from ${from} on ${datePart(first.date)} to ${to} on ${datePart(last.date)}`;
  if (moved >= minimum)
    return { achievement: 'improving', reason: `Moved toward the target (${goal}): ${since}.`, basis };
  if (-moved >= minimum)
    return { achievement: 'worsening', reason: `Moved away from the target (${goal}): ${since}.`, basis };
  return { achievement: 'no-change', reason: `Less than ${minimum} ${target.value.unit} of change: ${since}.`, basis };
}

/**
 * Suggests an achievement for a goal or objective from the plan's scores for its first target; `undefined` when
 * it has no target to measure against.
 */
export function suggestGoalAchievement(
  plan: TreatmentPlan,
  goalOrObjectiveId: string,
  today: IsoDate,
  options: SuggestionOptions = {}
): AchievementSuggestion | undefined {
  const item = locateGoalLike(plan, goalOrObjectiveId)?.item;
  const target = item?.targets[0];
  if (!item || !target) return undefined;
  return suggestAchievement(target, seriesFor(plan, item, target), today, options);
}
