import { describe, expect, test } from 'vitest';
import type { MeasurableTarget } from '../../src/plan/index.ts';
import {
  chartLayout,
  dateOfDay,
  dateTicks,
  dayNumber,
  linearScale,
  MARGIN,
  niceTicks,
  orderedScores,
  valueLabel,
} from '../../src/ui/progress/chart-geometry.ts';
import { chartSummary } from '../../src/ui/progress/progress-words.ts';
import { recordedAt, scoreMeasurement, scoreProblems } from '../../src/ui/progress/score-entry.ts';
import { aimWords, amountWords, dateWords, targetWords } from '../../src/workspace/outline-words.ts';
import { fieldCandidates, sectionOfPath } from '../../src/workspace/sections.ts';

const SIZE = { width: 640, height: 240 };
const PHQ9: MeasurableTarget = {
  measure: { text: 'PHQ-9 total score', codes: [{ system: 'http://loinc.org', code: '44261-6' }] },
  comparator: '<',
  value: { value: 10, unit: '{score}' },
  dueDate: '2026-12-21',
};

describe('chart scales', () => {
  test('a linear scale maps the ends of its domain onto the ends of its range, also reversed', () => {
    const y = linearScale([0, 20], [200, 0]);
    expect([y(0), y(10), y(20)]).toEqual([200, 100, 0]);
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });

  test('value ticks are round numbers that cover the values', () => {
    expect(niceTicks(0, 20)).toEqual({ min: 0, max: 20, step: 5, values: [0, 5, 10, 15, 20] });
    expect(niceTicks(2, 2.6).values).toEqual([2, 2.2, 2.4, 2.6]);
    expect(niceTicks(0.15, 0.35, 2).values).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(3, 3)).toMatchObject({ min: 2, max: 4 });
    expect(valueLabel(2.2, 0.2)).toBe('2.2');
    expect(valueLabel(15, 5)).toBe('15');
  });

  test('dates become day numbers and back, and read the same in every zone', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dateOfDay(dayNumber('2026-02-28') + 1)).toBe('2026-03-01');
    expect(dateWords('2026-06-01')).toBe('1 Jun 2026');
    expect(dateWords('2026-11-16T23:05:00-06:00')).toBe('16 Nov 2026');
  });

  test('date ticks include both ends and never repeat a day', () => {
    expect(dateTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(dateTicks(10, 12)).toEqual([10, 11, 12]);
    expect(dateTicks(7, 7)).toEqual([7]);
  });

  test('scores are ordered by when they were taken, and unusable ones left out', () => {
    const ordered = orderedScores([
      { id: 'b', date: '2026-06-15T10:00:00-05:00', value: 19 },
      { id: 'bad', date: 'not a date', value: 1 },
      { id: 'a', date: '2026-06-01T10:00:00-05:00', value: 20 },
      { id: 'nan', date: '2026-06-02T10:00:00-05:00', value: Number.NaN },
    ]);
    expect(ordered.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('the chart layout', () => {
  const scores = [
    { id: 'later', date: '2026-07-01T10:00:00-05:00', value: 14 },
    { id: 'first', date: '2026-06-01T10:00:00-05:00', value: 20 },
    { id: 'last', date: '2026-08-01T10:00:00-05:00', value: 8 },
  ];

  test('puts one point per score, oldest at the left, higher values higher up', () => {
    const layout = chartLayout({ scores, targetValue: 10, dueDate: undefined, size: SIZE });
    expect(layout.points.map((p) => p.id)).toEqual(['first', 'later', 'last']);
    expect(layout.points[0]?.x).toBe(MARGIN.left);
    expect(layout.points[2]?.x).toBe(SIZE.width - MARGIN.right);
    const [first, later, last] = layout.points.map((p) => p.y);
    expect(first).toBeLessThan(later ?? 0);
    expect(later).toBeLessThan(last ?? 0);
    expect(layout.line.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
  });

  test('keeps the target and the due date inside the axes, the due date at the right end when last', () => {
    const layout = chartLayout({ scores, targetValue: 10, dueDate: '2026-12-21', size: SIZE });
    expect(layout.dueX).toBe(SIZE.width - MARGIN.right);
    const y = layout.yTicks.find((t) => t.label === '10');
    expect(layout.targetY).toBe(y?.position);
    expect(layout.yTicks.map((t) => t.label)).toEqual(['5', '10', '15', '20']);
    expect(layout.xTicks[0]?.label).toBe('1 Jun 2026');
    expect(layout.xTicks.at(-1)?.label).toBe('21 Dec 2026');
  });

  test('puts the due date label where the target line is not', () => {
    const high = chartLayout({ scores, targetValue: 20, dueDate: '2026-12-21', size: SIZE });
    const low = chartLayout({ scores, targetValue: 5, dueDate: '2026-12-21', size: SIZE });
    expect(high.dueLabelY).toBeGreaterThan(SIZE.height / 2);
    expect(low.dueLabelY).toBeLessThan(SIZE.height / 2);
  });

  test('widens the value axis to a target beyond every score', () => {
    const layout = chartLayout({
      scores: [{ id: 'a', date: '2026-06-01T10:00:00Z', value: 2 }],
      targetValue: 7,
      size: SIZE,
    });
    expect(layout.targetY).toBeGreaterThanOrEqual(MARGIN.top);
    expect(Number(layout.yTicks.at(-1)?.label)).toBeGreaterThanOrEqual(7);
  });

  test('centres a single score in a fortnight and draws no line', () => {
    const layout = chartLayout({
      scores: [{ id: 'a', date: '2026-06-01T10:00:00Z', value: 12 }],
      targetValue: 10,
      size: SIZE,
    });
    expect(layout.points[0]?.x).toBe((MARGIN.left + SIZE.width - MARGIN.right) / 2);
    expect(layout.line).toBe('');
    expect(layout.xTicks[0]?.label).toBe('25 May 2026');
  });
});

describe('chart words', () => {
  test('the summary names the measure, the count, the first and latest scores and the target', () => {
    expect(
      chartSummary(PHQ9, [
        { id: 'b', date: '2026-11-16T10:05:00-06:00', value: 7 },
        { id: 'a', date: '2026-06-01T10:05:00-05:00', value: 20 },
      ])
    ).toBe('PHQ-9 total score: 2 scores, from 20 on 1 Jun 2026 to 7 on 16 Nov 2026. Target: below 10 by 21 Dec 2026.');
    expect(chartSummary(PHQ9, [])).toBe('PHQ-9 total score: no scores yet. Target: below 10 by 21 Dec 2026.');
  });

  test('targets read in words with their unit', () => {
    expect(
      aimWords(
        { measure: { text: 'Sleep', codes: [] }, comparator: '>=', value: { value: 7, unit: 'h' } },
        { due: true }
      )
    ).toBe('at least 7 hours');
  });

  test('read the same on screen as on paper: without the measure name beside it, with it in the printed plan', () => {
    expect(aimWords(PHQ9)).toBe('below 10');
    expect(aimWords(PHQ9, { due: true })).toBe('below 10 by 21 Dec 2026');
    expect(targetWords(PHQ9)).toBe('PHQ-9 total score below 10 by 21 Dec 2026');
    const nights: MeasurableTarget = {
      measure: { text: 'Nights with 6 hours of sleep', codes: [] },
      comparator: '=',
      value: { value: 80, unit: '%' },
    };
    expect(aimWords(nights)).toBe('exactly 80%');
    expect(targetWords(nights)).toBe('Nights with 6 hours of sleep exactly 80%');
    expect([amountWords(10, '{score}'), amountWords(3, '1'), amountWords(3, ''), amountWords(2, '/wk')]).toEqual([
      '10',
      '3',
      '3',
      '2 times per week',
    ]);
  });
});

describe('a new score', () => {
  const today = '2026-11-27';

  test('needs a date no later than today and a number in range, each problem at its own field', () => {
    expect(scoreProblems({ date: '2026-11-27', value: '9' }, '{score}', today)).toEqual({});
    expect(scoreProblems({ date: '', value: '' }, '{score}', today)).toEqual({
      date: 'Enter the date the score was taken.',
      value: 'Enter the score.',
    });
    expect(scoreProblems({ date: '2026-11-28', value: '-1' }, '{score}', today)).toEqual({
      date: 'A score cannot be dated after today.',
      value: 'A score cannot be negative.',
    });
    expect(scoreProblems({ date: '2026-02-30', value: 'x' }, '{score}', today)).toEqual({
      date: 'Enter a real date (year, month and day).',
      value: 'The score must be a number.',
    });
    expect(scoreProblems({ date: '2026-11-01', value: '101' }, '%', today).value).toBe(
      'A percentage is between 0 and 100.'
    );
  });

  test('is dated now when taken today and at midday otherwise, always with a zone offset', () => {
    const now = new Date(2026, 10, 27, 9, 41);
    expect(recordedAt('2026-11-27', now)).toMatch(/^2026-11-27T09:41:00[+-]\d\d:\d\d$/);
    expect(recordedAt('2026-11-20', now)).toMatch(/^2026-11-20T12:00:00[+-]\d\d:\d\d$/);
  });

  test('records the target measure with its codes and unit, linked to the goal', () => {
    const measurement = scoreMeasurement(
      { date: '2026-11-20', value: ' 6 ' },
      PHQ9,
      'goal-mood',
      new Date(2026, 10, 27, 9, 41),
      () => 'score-1'
    );
    expect(measurement).toEqual({
      id: 'score-1',
      measure: PHQ9.measure,
      value: { value: 6, unit: '{score}' },
      date: recordedAt('2026-11-20', new Date(2026, 10, 27)),
      goalId: 'goal-mood',
    });
  });
});

describe('the Progress section in the workspace', () => {
  test('owns the progress paths, so a problem with a score or note is shown there', () => {
    expect(sectionOfPath('progress.measurements[3].value.value')).toBe('progress');
    expect(sectionOfPath('progress.notes[0].text')).toBe('progress');
    expect(fieldCandidates('progress.measurements').at(-1)).toBe('plan-section-progress-heading');
  });
});
