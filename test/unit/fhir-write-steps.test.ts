/**
 * The order a sequential save sends a plan's records in (issue 5 §2), and the handling of the `urn:uuid:`
 * references between them: at no step does a record that is sent point at a new record not yet created.
 */
import fc from 'fast-check';
import type * as fhir from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { mentionedFullUrls, withoutLinks, withServerAddresses } from '../../src/fhir/local-references.ts';
import { writeSteps, type WriteStep } from '../../src/fhir/write-steps.ts';
import { planToFhir, writeSetToTransaction } from '../../src/mapping/index.ts';
import { fullPlan } from '../support/full-plan.ts';
import { EHR_RECORDS } from '../support/mapping-world.ts';

const urn = (name: string): string => `urn:uuid:00000000-0000-4000-8000-${name.padStart(12, '0')}`;

/** A transaction of the given entries; `refs` are the indexes of the new records each one lists in `extension`. */
function bundleOf(entries: readonly { method: 'POST' | 'PUT'; refs?: number[]; subject?: number }[]): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: entries.map(({ method, refs = [], subject }, index) => {
      const resource: fhir.Basic = {
        resourceType: 'Basic',
        ...(method === 'PUT' ? { id: `b${index}` } : {}),
        code: { text: `record ${index}` },
        ...(subject === undefined ? {} : { subject: { reference: urn(String(subject)) } }),
        ...(refs.length === 0
          ? {}
          : {
              extension: refs.map((r) => ({
                url: 'https://example.org/link',
                valueReference: { reference: urn(String(r)) },
              })),
            }),
      };
      return method === 'POST'
        ? { fullUrl: urn(String(index)), resource, request: { method, url: 'Basic' } }
        : { fullUrl: `Basic/b${index}`, resource, request: { method, url: `Basic/b${index}`, ifMatch: 'W/"1"' } };
    }),
  };
}

/**
 * Plays the steps: what each one would send, checked against the records that exist by then. Returns the
 * problems found (empty when the order is sound) and the resources as the server holds them at the end.
 */
function play(bundle: fhir.Bundle, steps: readonly WriteStep[]): { problems: string[]; held: Map<number, unknown> } {
  const entries = bundle.entry ?? [];
  const newRecords = new Set(entries.flatMap((e) => (e.request?.method === 'POST' && e.fullUrl ? [e.fullUrl] : [])));
  const exists = new Set<string>();
  const held = new Map<number, unknown>();
  const problems: string[] = [];
  for (const step of steps) {
    const entry = entries[step.entryIndex];
    const resource = entry?.resource as fhir.FhirResource;
    const withheld = new Set(step.kind === 'create' ? step.withheld : []);
    const body = withoutLinks(resource, withheld);
    for (const target of mentionedFullUrls(body, newRecords)) {
      if (!exists.has(target)) problems.push(`${step.kind} ${step.entryIndex} points at ${target} before it exists`);
    }
    if (step.kind === 'create') {
      if (held.has(step.entryIndex)) problems.push(`entry ${step.entryIndex} is created twice`);
      exists.add(entry?.fullUrl ?? '');
    }
    if (step.kind === 'link' && !held.has(step.entryIndex)) problems.push(`entry ${step.entryIndex} linked first`);
    if (step.kind === 'update' && held.has(step.entryIndex)) problems.push(`entry ${step.entryIndex} updated twice`);
    held.set(step.entryIndex, body);
  }
  entries.forEach((entry, index) => {
    if (JSON.stringify(held.get(index)) !== JSON.stringify(entry.resource)) problems.push(`entry ${index} ends short`);
  });
  return { problems, held };
}

describe('the order of a sequential save', () => {
  const bundle = writeSetToTransaction(planToFhir(fullPlan(), EHR_RECORDS));
  const steps = writeSteps(bundle);
  const typeAt = (step: WriteStep): string => bundle.entry?.[step.entryIndex]?.resource?.resourceType ?? '';

  it('never sends a record of the full plan that points at a new record not created yet, and ends with each whole', () => {
    expect(play(bundle, steps).problems).toEqual([]);
  });

  it('writes the CarePlan after every record it links to, and only the signatures after it', () => {
    const carePlanAt = steps.findIndex((step) => typeAt(step) === 'CarePlan');
    expect(steps.slice(carePlanAt + 1).map(typeAt)).toEqual(['Provenance', 'Provenance']);
  });

  it('creates the place of service before the session that names it, though the write set lists it after', () => {
    const order = steps.map(typeAt);
    expect(order.indexOf('Location')).toBeLessThan(order.indexOf('Encounter'));
    const listed = (bundle.entry ?? []).map((e) => e.resource?.resourceType);
    expect(listed.indexOf('Location')).toBeGreaterThan(listed.indexOf('Encounter'));
  });

  it('breaks each goal–score cycle at the goal: created without its scores and objectives, linked once they exist', () => {
    const withheld = steps.filter((step) => step.kind === 'create' && step.withheld.length > 0);
    expect(withheld.map(typeAt)).toEqual(['Goal', 'Goal']);
    const links = steps.filter((step) => step.kind === 'link');
    expect(links.map((step) => step.entryIndex).sort()).toEqual(withheld.map((step) => step.entryIndex).sort());
    const [first] = withheld;
    const goal = bundle.entry?.[first?.entryIndex ?? -1]?.resource as fhir.Goal;
    const sent = withoutLinks(goal, new Set(first?.kind === 'create' ? first.withheld : []));
    // Only list items are left out: the goal keeps its subject, description and the condition it addresses.
    expect(sent.subject).toEqual(goal.subject);
    expect(sent.description).toEqual(goal.description);
    expect(sent.addresses).toEqual(goal.addresses);
    expect(sent.outcomeReference).toBeUndefined();
  });

  it('withholds the link that sits in a list when the other record of a cycle names it in a single field', () => {
    // 0 names 1 in `subject`; 1 lists 0: 1 is created first without its list item, though 0 comes first.
    const cycle = bundleOf([
      { method: 'POST', subject: 1 },
      { method: 'POST', refs: [0] },
    ]);
    expect(writeSteps(cycle)).toEqual([
      { kind: 'create', entryIndex: 1, withheld: [urn('0')] },
      { kind: 'create', entryIndex: 0, withheld: [] },
      { kind: 'link', entryIndex: 1 },
    ]);
  });

  it('sends an update of a loaded record once the new records it links to exist', () => {
    const steps = writeSteps(bundleOf([{ method: 'PUT', refs: [1] }, { method: 'POST' }]));
    expect(steps).toEqual([
      { kind: 'create', entryIndex: 1, withheld: [] },
      { kind: 'update', entryIndex: 0 },
    ]);
  });

  it('keeps the write set’s order where nothing forces another', () => {
    const steps = writeSteps(bundleOf([{ method: 'POST' }, { method: 'PUT' }, { method: 'POST' }]));
    expect(steps.map((step) => step.entryIndex)).toEqual([0, 1, 2]);
  });

  it('is sound for any links between new and loaded records, cycles included', () => {
    const entries = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.array(
        fc.record({
          method: fc.constantFrom<'POST' | 'PUT'>('POST', 'POST', 'PUT'),
          refs: fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 3 }),
          subject: fc.option(fc.nat({ max: n - 1 }), { nil: undefined }),
        }),
        { minLength: n, maxLength: n }
      )
    );
    fc.assert(
      fc.property(entries, (drawn) => {
        // Links go only to new records (a loaded record is linked by its address, which already exists).
        const isNew = (i: number | undefined): boolean => i !== undefined && drawn[i]?.method === 'POST';
        const cleaned = drawn.map((e) => ({
          method: e.method,
          refs: e.refs.filter(isNew),
          ...(isNew(e.subject) ? { subject: e.subject } : {}),
        }));
        const sample = bundleOf(cleaned);
        expect(play(sample, writeSteps(sample)).problems).toEqual([]);
      }),
      { numRuns: 300 }
    );
  });

  it('refuses a Bundle entry that is neither a create nor an update', () => {
    const deletion: fhir.Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ request: { method: 'DELETE', url: 'Goal/1' } }],
    };
    expect(() => writeSteps(deletion)).toThrow(TypeError);
  });
});

describe('references between the records of a save', () => {
  const goal: fhir.Goal = {
    resourceType: 'Goal',
    lifecycleStatus: 'active',
    description: { text: `Mentions ${urn('7')} in words only` },
    subject: { reference: 'Patient/p1' },
    addresses: [{ reference: urn('1') }],
    outcomeReference: [{ reference: urn('2') }, { reference: 'Observation/loaded' }],
    extension: [{ url: 'https://example.org/milestone', valueReference: { reference: urn('3') } }],
  };

  it('rewrites each full URL the server has given an id to that id, wherever it sits, and nothing else', () => {
    const addresses = new Map([
      [urn('1'), 'Condition/c1'],
      [urn('3'), 'Goal/g3'],
    ]);
    const rewritten = withServerAddresses(goal, addresses);
    expect(rewritten.addresses).toEqual([{ reference: 'Condition/c1' }]);
    expect(rewritten.extension?.[0]?.valueReference).toEqual({ reference: 'Goal/g3' });
    expect(rewritten.outcomeReference?.[0]).toEqual({ reference: urn('2') });
    expect(rewritten.description.text).toBe(goal.description.text);
    expect(goal.addresses).toEqual([{ reference: urn('1') }]);
  });

  it('leaves out the innermost list item holding a withheld link, and a list left empty', () => {
    const sent = withoutLinks(goal, new Set([urn('2'), urn('3')]));
    expect(sent.outcomeReference).toEqual([{ reference: 'Observation/loaded' }]);
    expect(sent.extension).toBeUndefined();
    expect(sent.addresses).toEqual(goal.addresses);
    expect(sent.subject).toEqual(goal.subject);
  });

  it('leaves out a single element that holds a withheld link', () => {
    const observation: fhir.Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'PHQ-9' },
      derivedFrom: [{ reference: urn('9') }],
      hasMember: [{ reference: 'Observation/x' }],
      encounter: { reference: urn('5') },
    };
    const sent = withoutLinks(observation, new Set([urn('5'), urn('9')]));
    expect(sent).toEqual({
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'PHQ-9' },
      hasMember: [{ reference: 'Observation/x' }],
    });
  });
});
