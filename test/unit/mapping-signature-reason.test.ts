/**
 * The clinician's reason for signing a plan that failed the completeness check travels in our
 * `signed-incomplete-reason` extension on the signature's Provenance, validates against the plan-signature
 * profile, and reads back as the same reason.
 */
import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/conformance/check.ts';
import type { ConformanceDefinitions } from '../../src/conformance/definitions.ts';
import { EXTENSION } from '../../src/mapping/codes.ts';
import { planFromFhir } from '../../src/mapping/plan-from-fhir.ts';
import { writeSetToTransaction } from '../../src/mapping/write-set.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import { fullPlan } from '../support/full-plan.ts';
import { savePlan } from '../support/save-plan.ts';

let definitions: ConformanceDefinitions;
beforeAll(async () => {
  definitions = await nodeConformanceDefinitions();
});

const REASON = 'Crisis safety plan first; the measurable targets follow at the next session.';

function signedIncomplete(): TreatmentPlan {
  const plan = fullPlan();
  return {
    ...plan,
    signatures: plan.signatures.map((s) => (s.role === 'clinician' ? { ...s, incompleteReason: REASON } : s)),
  };
}

describe('the reason for signing an incomplete plan', () => {
  it('is written on the clinician’s Provenance only, as our extension', () => {
    const { writeSet } = savePlan(signedIncomplete());
    const provenances = writeSet.flatMap((e) => (e.resource.resourceType === 'Provenance' ? [e.resource] : []));
    const reasons = provenances.map(
      (p) => p.extension?.find((x) => x.url === EXTENSION.signedIncompleteReason)?.valueString
    );
    expect(provenances.length).toBeGreaterThan(1);
    expect(reasons.filter((r) => r !== undefined)).toEqual([REASON]);
  });

  it('validates against the plan-signature profile', () => {
    const { writeSet } = savePlan(signedIncomplete());
    const errors = checkConformance(writeSetToTransaction(writeSet), definitions).filter((i) => i.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('reads back as the same reason, with nothing left not understood', () => {
    const { store } = savePlan(signedIncomplete());
    const read = planFromFhir(store, { planId: signedIncomplete().id });
    expect(read.plan.signatures.find((s) => s.role === 'clinician')?.incompleteReason).toBe(REASON);
    expect(read.plan).toEqual(signedIncomplete());
    expect(read.notUnderstood).toEqual([]);
  });

  it('is removed from the record when the plan no longer carries it', () => {
    const { store } = savePlan(signedIncomplete());
    const after = savePlan(fullPlan(), store).store;
    const provenances = after.filter((r): r is fhir.Provenance => r.resourceType === 'Provenance');
    expect(provenances.flatMap((p) => p.extension ?? []).map((x) => x.url)).not.toContain(
      EXTENSION.signedIncompleteReason
    );
  });
});
