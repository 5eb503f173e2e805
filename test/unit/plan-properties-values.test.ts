import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { Measurement } from '../../src/plan/index.ts';
import { PHQ9, phq9Below10, TODAY } from './plan-fixtures.ts';

describe('properties of the achievement suggestion', () => {
  const series = fc
    .uniqueArray(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 27 })), {
      selector: ([day]) => day,
      maxLength: 12,
    })
    .map((points) =>
      points.map(([day, value]): Measurement => ({
        id: `s-${day}`,
        measure: PHQ9,
        value: { value, unit: '{score}' },
        date: `2026-02-${String(day).padStart(2, '0')}T09:00:00-05:00`,
      }))
    );

  test('the order of the list does not matter, only the order in time', () => {
    fc.assert(
      fc.property(series, (measurements) => {
        const reversed = [...measurements].reverse();
        expect(plan.suggestAchievement(phq9Below10, reversed, TODAY).achievement).toBe(
          plan.suggestAchievement(phq9Below10, measurements, TODAY).achievement
        );
      })
    );
  });

  test('achieved exactly when the two latest scores both meet the target', () => {
    fc.assert(
      fc.property(series, (measurements) => {
        const latest = [...measurements].sort((a, b) => a.date.localeCompare(b.date)).slice(-2);
        const bothMeet = latest.length === 2 && latest.every((m) => m.value.value < 10);
        expect(plan.suggestAchievement(phq9Below10, measurements, TODAY).achievement === 'achieved').toBe(bothMeet);
      })
    );
  });
});

describe('properties of dates', () => {
  const day = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  test('adding months gives a calendar date that never goes back in time', () => {
    fc.assert(
      fc.property(day, fc.nat(60), (date, months) => {
        const later = plan.addMonths(date, months);
        expect(plan.isCalendarDate(later)).toBe(true);
        expect(later >= date).toBe(true);
      })
    );
  });

  test('age never decreases as time passes', () => {
    fc.assert(
      fc.property(day, day, day, (birth, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(plan.ageOn(birth, earlier)).toBeLessThanOrEqual(plan.ageOn(birth, later));
      })
    );
  });
});
