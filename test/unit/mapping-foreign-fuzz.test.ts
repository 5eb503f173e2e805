import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';
import * as shape from '../support/foreign-shapes.ts';
import { fullPlan } from '../support/full-plan.ts';
import { savePlan } from '../support/save-plan.ts';

// Valid inputs to start from: our foreign-shaped fixtures, the tolerance shapes, and a full plan as saved.
const FOLDER = fileURLToPath(new URL('../fixtures/foreign/', import.meta.url));
const fixtures = readdirSync(FOLDER)
  .filter((f) => f.endsWith('.fhir.json'))
  .map((f): unknown => JSON.parse(readFileSync(`${FOLDER}${f}`, 'utf8')));
const saved = {
  resourceType: 'Bundle',
  type: 'searchset',
  entry: savePlan(fullPlan()).store.map((resource) => ({ resource })),
};
const BASES: unknown[] = [
  ...fixtures,
  saved,
  [...shape.context, shape.containedGoalPlan],
  [...shape.context, shape.inlineActivityPlan],
  shape.partOfPlan,
  shape.codedConditionsPlan,
];

type Json = Record<string, unknown> | unknown[];
type Slot = { readonly parent: Json; readonly key: string | number };

function slotsOf(value: unknown, into: Slot[] = []): Slot[] {
  if (Array.isArray(value))
    value.forEach((item, i) => {
      into.push({ parent: value, key: i });
      slotsOf(item, into);
    });
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.push({ parent: value as Record<string, unknown>, key });
      slotsOf(item, into);
    }
  }
  return into;
}

const HUGE = 'x'.repeat(200_000);
const oddValue = fc.oneof(
  fc.constant(null),
  fc.constant(HUGE),
  fc.constant({}),
  fc.constant([]),
  fc.constant([null]),
  fc.constant({ reference: '#' }),
  fc.constant({ reference: 'CarePlan/synthetic-anxiety' }),
  fc.constant({ resourceType: 'Goal' }),
  fc.constant({ resourceType: 'Bundle', entry: [{}] }),
  fc.constant(Number.NaN),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string(),
  fc.jsonValue({ maxDepth: 2 })
);
type Op = 'delete' | 'replace' | 'wrap' | 'unwrap' | 'duplicate' | 'stringify';
const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Op>('delete', 'replace', 'wrap', 'unwrap', 'duplicate', 'stringify'),
  value: oddValue,
});

function mutate(base: unknown, mutations: readonly { at: number; op: Op; value: unknown }[]): unknown {
  const json: unknown = structuredClone(base);
  for (const { at, op, value } of mutations) {
    const slots = slotsOf(json);
    const slot = slots[at % Math.max(slots.length, 1)];
    if (!slot) break;
    const parent = slot.parent as Record<string | number, unknown>;
    const current = parent[slot.key];
    if (op === 'delete') {
      if (Array.isArray(slot.parent) && typeof slot.key === 'number') slot.parent.splice(slot.key, 1);
      else Reflect.deleteProperty(parent, slot.key);
    } else if (op === 'replace') parent[slot.key] = structuredClone(value);
    else if (op === 'wrap') parent[slot.key] = [current];
    else if (op === 'unwrap') parent[slot.key] = Array.isArray(current) ? current[0] : current;
    else if (op === 'duplicate')
      parent[slot.key] = Array.isArray(current)
        ? [...(current as unknown[]), ...(current as unknown[])]
        : [current, current];
    else parent[slot.key] = typeof current === 'number' ? String(current) : JSON.stringify(current);
  }
  return json;
}

describe('reading mangled foreign data', () => {
  it('never throws, whatever fields are deleted, duplicated, retyped, nulled or made huge', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 8 }), (base, mutations) => {
        const reading = readPlanInput(mutate(base, mutations));
        expect(Array.isArray(reading.notUnderstood)).toBe(true);
        expect(typeof reading.plan.id).toBe('string');
      }),
      { numRuns: 600 }
    );
  });

  it('takes a record identifier only when its value is a string (found by the property above, seed 570399303)', () => {
    const input = structuredClone(saved);
    const plan = input.entry.find((e) => e.resource.resourceType === 'CarePlan')?.resource as
      { identifier?: { value?: unknown }[] } | undefined;
    const identifier = plan?.identifier?.[0];
    if (identifier === undefined) throw new Error('the saved plan has a record identifier');
    identifier.value = ['plan-a', 'plan-a'];

    const reading = readPlanInput(input);

    expect(typeof reading.plan.id).toBe('string');
    expect(reading.plan.id).not.toContain('plan-a');
  });

  it('reads them with the reader itself, not by setting records aside after a failure', () => {
    const failures: string[] = [];
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        const reading = readPlanInput(mutate(base, mutations));
        failures.push(
          ...reading.notUnderstood.filter((n) => n.reason.includes('could not be read')).map((n) => n.reason)
        );
      }),
      // A fixed seed: the same 1000 inputs on every run, so a failure here is a reproducible reader bug.
      { numRuns: 1000, seed: 20260301 }
    );
    expect(failures).toEqual([]);
  });

  it('takes JSON that is no FHIR at all and says so', () => {
    for (const input of [null, 42, 'CarePlan', [], [null, 1, 'x'], {}, { resourceType: 7 }, { entry: 'none' }]) {
      const reading = readPlanInput(input);
      expect(reading.source).toBe('none');
      expect(reading.plan.goals).toEqual([]);
    }
    expect(readPlanInput({ resourceType: 7 }).notUnderstood).toEqual([
      { resource: '(input)', path: '(input)', reason: 'a JSON object without a resourceType is not a FHIR resource' },
    ]);
  });
});
