import { describe, expect, test } from 'vitest';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import { violations } from './plan-assertions.ts';
import { samplePlan } from './plan-fixtures.ts';

describe('dates are real calendar dates', () => {
  test('a review date that is not on the calendar is reported', () => {
    const broken: TreatmentPlan = {
      ...samplePlan(),
      review: { periodStart: '2026-03-02', nextReviewDate: '2026-02-30' },
    };
    expect(violations(broken, 'calendar-date')).toEqual([
      expect.objectContaining({ path: 'review.nextReviewDate', severity: 'error' }),
    ]);
  });

  test('due dates, birth dates and onset dates are checked wherever they are', () => {
    const p = samplePlan();
    const broken: TreatmentPlan = {
      ...p,
      client: { ...p.client, birthDate: '1984-5-12' },
      presentingConcerns: p.presentingConcerns.map((c) => ({ ...c, onset: { date: '2025-13-01' } })),
      goals: p.goals.map((g, i) =>
        i === 1
          ? {
              ...g,
              objectives: g.objectives.map((o) => ({
                ...o,
                targets: o.targets.map((t) => ({ ...t, dueDate: '2026-04-31' })),
              })),
            }
          : g
      ),
    };
    expect(violations(broken, 'calendar-date').map((v) => v.path)).toEqual([
      'client.birthDate',
      'presentingConcerns[0].onset.date',
      'goals[1].objectives[0].targets[0].dueDate',
    ]);
  });

  test('29 February is a date in leap years only', () => {
    const on = (periodStart: string): TreatmentPlan => ({ ...samplePlan(), review: { periodStart } });
    expect(violations(on('2028-02-29'), 'calendar-date')).toEqual([]);
    expect(violations(on('2026-02-29'), 'calendar-date')).toHaveLength(1);
  });
});

describe('date-times carry a time zone', () => {
  test('a score time without a zone, or without seconds, is reported', () => {
    const p = samplePlan();
    const measurements = p.progress.measurements.map((m, i) => ({
      ...m,
      date: i === 0 ? '2026-03-02T10:10:00' : '2026-03-02T10:12-05:00',
    }));
    expect(
      violations({ ...p, progress: { ...p.progress, measurements } }, 'zoned-datetime').map((v) => v.path)
    ).toEqual(['progress.measurements[0].date', 'progress.measurements[1].date']);
  });

  test('UTC (Z), fractions of a second and positive offsets are accepted', () => {
    const p = samplePlan();
    const notes = [
      { id: 'n-2', date: '2026-03-02T15:10:00Z', text: 'UTC' },
      { id: 'n-3', date: '2026-03-02T20:40:00.125+05:30', text: 'India' },
    ];
    expect(violations({ ...p, progress: { ...p.progress, notes } }, 'zoned-datetime')).toEqual([]);
  });

  test('a signature time with an impossible hour is reported', () => {
    const p = samplePlan();
    const signatures = [
      {
        id: 'sig-x',
        role: 'clinician' as const,
        signer: { name: 'Dana Rivera' },
        typedName: 'Dana Rivera',
        signedAt: '2026-03-02T24:00:00-05:00',
      },
    ];
    expect(violations({ ...p, signatures }, 'zoned-datetime').map((v) => v.path)).toEqual(['signatures[0].signedAt']);
  });
});

describe('periods end after they start', () => {
  test('an intervention, a consent and a past treatment ending before they start are reported', () => {
    const p = samplePlan();
    const consent = p.contract.consent && { ...p.contract.consent, end: '2026-03-01' };
    const broken: TreatmentPlan = {
      ...p,
      contract: { ...p.contract, ...(consent ? { consent } : {}) },
      interventions: p.interventions.map((i, n) => (n === 0 ? { ...i, end: '2026-02-01' } : i)),
      history: { ...p.history, treatmentHistory: p.history.treatmentHistory.map((t) => ({ ...t, end: '2019-01-01' })) },
    };
    expect(violations(broken, 'period-order').map((v) => v.path)).toEqual([
      'history.treatmentHistory[0].end',
      'contract.consent.end',
      'interventions[0].end',
    ]);
  });

  test('a period that ends the day it starts is fine', () => {
    const p = samplePlan();
    const oneDay = {
      ...p,
      interventions: p.interventions.map((i) => ({ ...i, start: '2026-03-02', end: '2026-03-02' })),
    };
    expect(violations(oneDay, 'period-order')).toEqual([]);
  });
});

describe('the words that make a part are not blank', () => {
  test('a blank goal, goal for change and participant relationship are reported', () => {
    const p = samplePlan();
    const broken: TreatmentPlan = {
      ...p,
      goals: p.goals.map((g, i) => (i === 1 ? { ...g, description: { text: '  ', codes: [] } } : g)),
      contract: { ...p.contract, goalsForChange: [''] },
      considerations: {
        ...p.considerations,
        participants: [{ id: 'p-1', person: { name: 'Anne' }, relationship: '' }],
      },
    };
    expect(violations(broken, 'blank-text').map((v) => [v.path, v.message])).toEqual([
      ['contract.goalsForChange[0]', 'A goal for change is blank.'],
      ['goals[1].description.text', 'A goal is blank.'],
      ['considerations.participants[0].relationship', 'A participant’s relationship to the client is blank.'],
    ]);
    expect(violations(samplePlan(), 'blank-text')).toEqual([]);
  });
});
