import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { plansOnRecord, readPlansOnRecord } from '../../src/workspace/plans-on-record.ts';
import { exampleRecords } from './workspace-example-records.ts';

const carePlans = (resources: readonly fhir.FhirResource[]): fhir.CarePlan[] =>
  resources.filter((r): r is fhir.CarePlan => r.resourceType === 'CarePlan');

describe('choosing the current plan among several', () => {
  test('the revision is current and the plan it replaces is listed as an earlier, replaced plan', () => {
    const records = exampleRecords('george-smith');
    expect(carePlans(records).length).toBeGreaterThan(1);
    const plans = plansOnRecord(records);
    expect(plans.current?.plan.title).toBe('Treatment plan: George Smith (revised August 2026)');
    expect(plans.others.length).toBe(carePlans(records).length - 1);
    expect(plans.others.every((p) => p.address !== plans.currentAddress)).toBe(true);
    expect(plans.others.some((p) => p.replaced)).toBe(true);
  });

  test('a newer active mental-health plan wins over an older one that nothing replaces', () => {
    const records = exampleRecords('john-doe');
    const [plan] = carePlans(records);
    if (plan === undefined) throw new Error('the example has a care plan');
    const older: fhir.CarePlan = {
      ...plan,
      id: 'older-plan',
      identifier: [{ system: 'urn:test', value: 'older-plan' }],
      title: 'An older plan',
      created: '2020-01-01T09:00:00-05:00',
    };
    const plans = plansOnRecord([...records, older]);
    expect(plans.current?.plan.title).toBe(plan.title);
    expect(plans.others.map((p) => p.title)).toEqual(['An older plan']);
  });

  test('a client without care plans has no current plan and nothing earlier', () => {
    const records = exampleRecords('john-doe').filter((r) => r.resourceType !== 'CarePlan');
    const plans = plansOnRecord(records);
    expect(plans.current).toBeUndefined();
    expect(plans.others).toEqual([]);
  });

  test('earlier plans are listed newest first', () => {
    const records = exampleRecords('robert-johnson');
    const [plan] = carePlans(records);
    if (plan === undefined) throw new Error('the example has a care plan');
    const old = (id: string, created: string): fhir.CarePlan => ({
      ...plan,
      id,
      identifier: [{ value: id }],
      title: id,
      status: 'completed',
      created,
    });
    const plans = plansOnRecord([...records, old('plan-2019', '2019-05-01'), old('plan-2021', '2021-05-01')]);
    expect(plans.others.map((p) => p.title)).toEqual(['plan-2021', 'plan-2019']);
  });

  test('records the reader cannot read give a sentence instead of an exception', () => {
    const [plan] = carePlans(exampleRecords('john-doe'));
    if (plan === undefined) throw new Error('the example has a care plan');
    // A fault in the reader, however it comes about, stands in as an element that throws when read.
    const broken = Object.defineProperty({ ...plan }, 'status', {
      enumerable: true,
      get: () => {
        throw new TypeError('cannot read status');
      },
    });
    const reading = readPlansOnRecord([broken]);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toMatch(/could not read them \(cannot read status\)/);
  });
});
