import fc from 'fast-check';
import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { CODING, PROFILE } from '../../src/mapping/codes.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import { writeSetToTransaction } from '../../src/mapping/write-set.ts';
import type { WriteSet } from '../../src/mapping/write-set.ts';
import { revisePlan } from '../../src/plan/revise.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { fullPlan } from '../support/full-plan.ts';
import { EHR_RECORDS } from '../support/mapping-world.ts';
import { planArbitrary } from '../support/plan-arbitrary.ts';
import { savePlan } from '../support/save-plan.ts';

let definitions: ConformanceDefinitions;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
});

/** Errors (rule, location, message) the transaction Bundle of a write set has against R4 and our profiles. */
const errorsOf = (writeSet: WriteSet): string[] =>
  checkConformance(writeSetToTransaction(writeSet), definitions)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => `${issue.rule} ${issue.location}: ${issue.message}`);

describe('every write set planToFhir produces', () => {
  it('validates with zero errors for a sample of 30 arbitrary plans', () => {
    const plans = fc.sample(planArbitrary, { numRuns: 30, seed: 20261127 });
    for (const plan of plans)
      expect({ plan: plan.id, errors: errorsOf(planToFhir(plan, EHR_RECORDS)) }).toEqual({ plan: plan.id, errors: [] });
  });

  it('validates with zero errors for a plan with every section filled', () => {
    const writeSet = planToFhir(fullPlan(), EHR_RECORDS);
    expect(writeSet.length).toBeGreaterThan(20);
    expect(errorsOf(writeSet)).toEqual([]);
  });

  it('validates with zero errors when it updates what was loaded', () => {
    const { store } = savePlan(fullPlan());
    const plan = planFromFhir(store).plan;
    const edited = {
      ...plan,
      title: 'Revised title',
      goals: plan.goals.map((g) => ({ ...g, notes: [...g.notes, 'Reviewed'] })),
    };
    const writeSet = planToFhir(edited, store);
    expect(writeSet.filter((e) => e.request.method === 'PUT').length).toBeGreaterThan(1);
    expect(errorsOf(writeSet)).toEqual([]);
  });

  it('validates with zero errors for a revision that completes the plan it replaces', () => {
    const old = fullPlan();
    const { store } = savePlan(old);
    const writeSet = planToFhir(revisePlan(old, '2026-04-05', 'plan-jordan-2026-04'), store, { supersedes: old });
    expect(errorsOf(writeSet)).toEqual([]);
  });

  it('labels every record with one of our profiles and, but for a shared place of service, PSY', () => {
    const profiles = new Set<string>(Object.values(PROFILE));
    for (const { resource } of planToFhir(fullPlan(), EHR_RECORDS)) {
      const meta: fhir.Meta | undefined = resource.meta;
      expect(meta?.profile?.every((p) => profiles.has(p))).toBe(true);
      const psy = (meta?.security ?? []).some((s) => s.system === CODING.psy.system && s.code === CODING.psy.code);
      expect({ type: resource.resourceType, psy }).toEqual({
        type: resource.resourceType,
        psy: resource.resourceType !== 'Location',
      });
    }
  });

  it('reports an error when a record breaks its profile (the validation can fail)', () => {
    const writeSet = planToFhir(fullPlan(), EHR_RECORDS).map((entry) =>
      entry.resource.resourceType === 'Goal'
        ? { ...entry, resource: { ...entry.resource, category: undefined } }
        : entry
    );
    expect(errorsOf(writeSet)).toContainEqual(
      expect.stringMatching(/^structure Bundle\.entry\[\d+\]\.resource\.category: /)
    );
  });
});
