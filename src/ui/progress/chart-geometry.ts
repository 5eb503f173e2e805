/**
 * The geometry of a progress chart (issue 4 §3): where each score, the target line and the due date fall in an SVG
 * of a given size, and which dates and values label the axes. Pure, so the numbers are tested without a DOM; the
 * chart component only draws what this returns.
 *
 * Time runs along x by calendar day (the date a score was written on, in its own offset), so a score and a due
 * date on the same day line up; values run up the y axis.
 */
import { datePart, instantOf } from '../../plan/calendar.ts';
import type { IsoDate, IsoDateTime } from '../../plan/index.ts';
import { dateWords } from '../../workspace/outline-words.ts';

export interface ChartScore {
  readonly id: string;
  readonly date: IsoDateTime;
  readonly value: number;
}

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** Room around the plot for the axis labels, in SVG units. */
export const MARGIN = { top: 16, right: 24, bottom: 36, left: 48 } as const;

export interface PlottedScore extends ChartScore {
  readonly x: number;
  readonly y: number;
}

export interface Tick {
  readonly position: number;
  readonly label: string;
}

export interface ChartLayout {
  readonly size: ChartSize;
  /** The plot area inside the margins. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** Oldest first. */
  readonly points: readonly PlottedScore[];
  /** SVG path data joining the points; empty with fewer than two. */
  readonly line: string;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** The y of the target value (always inside the value axis). */
  readonly targetY: number;
  /** The x of the due date, when the target has one (always inside the time axis). */
  readonly dueX: number | undefined;
  /** The baseline of the due date's label: at the top of the plot, or at the bottom when the target line is high. */
  readonly dueLabelY: number;
}

/** A function from `domain` onto `range`; a domain of one value maps to the middle of the range. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number]
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

export interface NiceAxis {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly values: readonly number[];
}

/** A step of 1, 2 or 5 times a power of ten that splits `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Rounds away the binary noise of repeated decimal steps (0.1 + 0.2). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Axis bounds widened to round numbers, and the round values between them, about `count` intervals. A domain of
 * one value is widened by one unit either side.
 */
export function niceTicks(min: number, max: number, count = 5): NiceAxis {
  const [low, high] = min === max ? [min - 1, max + 1] : [Math.min(min, max), Math.max(min, max)];
  const step = niceStep(high - low, count);
  const start = clean(Math.floor(low / step) * step);
  const end = clean(Math.ceil(high / step) * step);
  const values: number[] = [];
  for (let i = 0; clean(start + i * step) <= end; i += 1) values.push(clean(start + i * step));
  return { min: start, max: end, step, values };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (`YYYY-MM-DD`). */
export function dayNumber(date: IsoDate): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The calendar date of a day number. */
export function dateOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A value as an axis shows it: no more decimals than the step has. */
export function valueLabel(value: number, step: number): string {
  const decimals = Math.min(Math.max(0, -Math.floor(Math.log10(step) + 1e-9)), 4);
  return value.toFixed(decimals);
}

/**
 * Up to `count` date labels spread evenly over `[first, last]` (day numbers), both ends included; fewer when the
 * span has fewer days.
 */
export function dateTicks(first: number, last: number, count = 5): number[] {
  const span = last - first;
  const n = Math.min(count, span + 1);
  if (n <= 1) return [first];
  const days = Array.from({ length: n }, (_, i) => first + Math.round((i * span) / (n - 1)));
  return [...new Set(days)];
}

/** The scores with a usable date and value, oldest first (same-day scores by their time). */
export function orderedScores(scores: readonly ChartScore[]): ChartScore[] {
  return scores
    .flatMap((score) => {
      const at = instantOf(score.date) ?? Date.parse(`${datePart(score.date)}T00:00:00Z`);
      return Number.isFinite(at) && Number.isFinite(score.value) ? [{ score, at }] : [];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ score }) => score);
}

export interface ChartInput {
  readonly scores: readonly ChartScore[];
  readonly targetValue: number;
  readonly dueDate?: IsoDate | undefined;
  readonly size: ChartSize;
}

/**
 * Lays out a chart of `scores` with the target value and due date. The value axis spans the scores and the
 * target (from 0 when every value is at least 0 and 0 is near); the time axis spans the scores and the due date,
 * a week either side of a single day.
 */
export function chartLayout({ scores, targetValue, dueDate, size }: ChartInput): ChartLayout {
  const ordered = orderedScores(scores);
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: size.width - MARGIN.right,
    bottom: size.height - MARGIN.bottom,
  };

  const values = [...ordered.map((s) => s.value), targetValue];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const fromZero = low >= 0 && low <= (high - low) / 2;
  const axis = niceTicks(fromZero ? 0 : low, high);
  const y = linearScale([axis.min, axis.max], [plot.bottom, plot.top]);

  const days = [
    ...ordered.map((s) => dayNumber(datePart(s.date))),
    ...(dueDate === undefined ? [] : [dayNumber(dueDate)]),
  ];
  const firstDay = days.length === 0 ? 0 : Math.min(...days);
  const lastDay = days.length === 0 ? 0 : Math.max(...days);
  const [start, end] = firstDay === lastDay ? [firstDay - 7, lastDay + 7] : [firstDay, lastDay];
  const x = linearScale([start, end], [plot.left, plot.right]);

  const points = ordered.map((s) => ({ ...s, x: x(dayNumber(datePart(s.date))), y: y(s.value) }));
  const line =
    points.length < 2
      ? ''
      : points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
  return {
    size,
    plot,
    points,
    line,
    xTicks: dateTicks(start, end).map((day) => ({
      position: x(day),
      label: dateWords(dateOfDay(day)) ?? dateOfDay(day),
    })),
    yTicks: axis.values.map((value) => ({ position: y(value), label: valueLabel(value, axis.step) })),
    targetY: y(targetValue),
    dueLabelY: y(targetValue) < (plot.top + plot.bottom) / 2 ? plot.bottom - 6 : plot.top + 10,
    dueX: dueDate === undefined ? undefined : x(dayNumber(dueDate)),
  };
}
