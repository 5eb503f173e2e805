/** Saving a plan the way the app does, against an in-memory server (apply-write-set.ts). */
import type * as fhir from 'fhir/r4';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import type { PlanToFhirOptions } from '../../src/mapping/plan-to-fhir.ts';
import type { WriteSet } from '../../src/mapping/write-set.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { applyWriteSet } from './apply-write-set.ts';
import { EHR_RECORDS } from './mapping-world.ts';

export interface Saved {
  readonly writeSet: WriteSet;
  /** What the server holds after the save. */
  readonly store: fhir.FhirResource[];
}

export function savePlan(
  plan: TreatmentPlan,
  store: readonly fhir.FhirResource[] = EHR_RECORDS,
  options?: PlanToFhirOptions
): Saved {
  const writeSet = planToFhir(plan, store, options);
  return { writeSet, store: applyWriteSet(store, writeSet).store };
}

/** The stored record with business id `key` (or at address `key`). */
export function stored<T extends fhir.FhirResource['resourceType']>(
  store: readonly fhir.FhirResource[],
  type: T,
  key: string
): Extract<fhir.FhirResource, { resourceType: T }> {
  const found = store.find(
    (r) =>
      r.resourceType === type &&
      (`${r.resourceType}/${r.id ?? ''}` === key ||
        ('identifier' in r &&
          Array.isArray(r.identifier) &&
          r.identifier.some((i: fhir.Identifier) => i.value === key)) ||
        (r.resourceType === 'Provenance' && r.extension?.some((e) => e.valueIdentifier?.value === key)))
  );
  if (!found) throw new Error(`No ${type} ${key} in the store`);
  return found as Extract<fhir.FhirResource, { resourceType: T }>;
}
