/**
 * The app checks an import with the validation pack (src/conformance/validation-pack.ts, as the build gives it to
 * the browser); the command-line tool with the full R4 and profiles Node reads. The pack may drop only what no
 * check reads: for every input below, both must report the same issues, at the same FHIRPath, with the same words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserConformanceDefinitions } from '../../src/conformance/browser-definitions.ts';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceIssue } from '../../src/conformance/issue.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import * as example from './profiles-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const jsonFiles = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name));
const read = (file: string): fhir.FhirResource => JSON.parse(readFileSync(file, 'utf8')) as fhir.FhirResource;

const EXAMPLES = jsonFiles(join(ROOT, 'fhir-profiles/examples')).map(read);
const FOREIGN = jsonFiles(join(ROOT, 'test/fixtures/foreign')).map(read);

/** Inputs that break one rule each: R4 cardinality, a profile's fixed value, a required binding, an invariant. */
const BREAKERS: Record<string, fhir.FhirResource> = {
  'R4 cardinality (Goal.lifecycleStatus 1..1)': {
    resourceType: 'Goal',
    description: { text: 'Sleep through the night' },
    subject: { reference: 'Patient/synthetic-1' },
  } as fhir.Goal,
  'the treatment-plan profile (intent fixed to "plan")': { ...example.carePlan(), intent: 'proposal' },
  'a required binding (CarePlan.status)': { ...example.carePlan(), status: 'paused' as fhir.CarePlan['status'] },
  'an R4 invariant (per-1: a period ends after it starts)': {
    ...example.carePlan(),
    period: { start: '2026-04-05', end: '2026-01-05' },
  },
  'a property R4 does not define': { ...example.goal(), mood: 'low' } as fhir.Goal,
  'a reference to a type the element does not allow': {
    ...example.goal(),
    subject: { reference: 'Observation/score-1' },
  },
};

/**
 * Example records changed at random: a property removed, or a value replaced by a string, a number, a code-like
 * token or an empty object, anywhere in the resource. Sampled with a fixed seed, so every run checks the same.
 */
function mutated(count: number): fhir.FhirResource[] {
  const records = EXAMPLES.flatMap((bundle) =>
    bundle.resourceType === 'Bundle' ? (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])) : []
  );
  const replacement = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.constantFrom('active', 'final', 'plan', 'proposal', 'urn:x', '2026-13-40'),
    fc.constant({})
  );
  const mutation = fc.record({
    record: fc.nat(records.length - 1),
    at: fc.nat(),
    value: replacement,
  });
  return fc.sample(mutation, { numRuns: count, seed: 20261127 }).map(({ record, at, value }) => {
    const copy = structuredClone(records[record]) as unknown as Record<string, unknown>;
    const paths: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => {
          paths.push([node, i]);
          walk(item);
        });
      } else if (node !== null && typeof node === 'object') {
        for (const [key, item] of Object.entries(node)) {
          if (key !== 'resourceType') paths.push([node as Record<string, unknown>, key]);
          walk(item);
        }
      }
    };
    walk(copy);
    const [parent, key] = paths[at % paths.length] ?? [copy, 'id'];
    // A property set to undefined is left out of the JSON, as if removed.
    if (Array.isArray(parent)) parent[key as number] = value;
    else parent[key] = value;
    return copy as unknown as fhir.FhirResource;
  });
}

const INPUTS: [string, fhir.FhirResource][] = [
  ...EXAMPLES.map((r, i): [string, fhir.FhirResource] => [`example plan ${String(i + 1)}`, r]),
  ...FOREIGN.map((r, i): [string, fhir.FhirResource] => [`foreign input ${String(i + 1)}`, r]),
  ...Object.entries(BREAKERS),
  ...mutated(150).map((r, i): [string, fhir.FhirResource] => [`changed example record ${String(i + 1)}`, r]),
];

const byLocation = (issues: readonly ConformanceIssue[]): ConformanceIssue[] =>
  [...issues].sort((a, b) => `${a.location} ${a.message}`.localeCompare(`${b.location} ${b.message}`));

let withPack: ConformanceIssue[][];
let withFull: ConformanceIssue[][];
beforeAll(async () => {
  // `@medplum/core` keeps indexed definitions in module state: every input is checked with the pack before the
  // full definitions replace it.
  const pack = browserConformanceDefinitions();
  withPack = INPUTS.map(([, input]) => byLocation(checkConformance(input, pack)));
  const full = await nodeConformanceDefinitions();
  withFull = INPUTS.map(([, input]) => byLocation(checkConformance(input, full)));
}, 120_000);

describe('the validation pack the app checks imports with', () => {
  it('finds the issues the command-line tool finds, for every input', () => {
    const differing = INPUTS.flatMap(([name], i) =>
      JSON.stringify(withPack[i]) === JSON.stringify(withFull[i])
        ? []
        : [{ name, pack: withPack[i], full: withFull[i] }]
    );
    expect(differing).toEqual([]);
  });

  it.each(Object.keys(BREAKERS))('reports an error for %s', (name) => {
    const i = INPUTS.findIndex(([input]) => input === name);
    expect(withPack[i]?.filter((issue) => issue.severity === 'error').length).toBeGreaterThan(0);
  });

  it('passes the example plans without errors, and the changed records raise issues the pack sees', () => {
    const examples = withPack.slice(0, EXAMPLES.length).flat();
    expect(examples.filter((issue) => issue.severity === 'error')).toEqual([]);
    const changed = withPack.slice(INPUTS.length - 150);
    // The mutations exercise the rules: most of them break one.
    expect(changed.filter((issues) => issues.some((issue) => issue.severity === 'error')).length).toBeGreaterThan(75);
  });
});
