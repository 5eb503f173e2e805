/**
 * After a conflict (409/412, issue 4 §5): what someone else changed on the server since the clinician opened the
 * plan, and what the clinician changed, section by section, so they can choose to re-apply or discard their
 * edits knowing what each choice keeps.
 * @see https://hl7.org/fhir/R4/http.html#concurrency
 */
import type * as fhir from 'fhir/r4';
import { readPlan } from '../mapping/plan-from-fhir.ts';
import type { TreatmentPlan } from '../plan/index.ts';
import { revisePlan } from '../plan/revise.ts';
import { diffPlans, type SectionChanges } from './plan-diff.ts';

export interface ConflictChanges {
  /** From the plan as loaded to the plan on the server now. */
  readonly theirs: readonly SectionChanges[];
  /** From the plan as loaded to the clinician's working plan. */
  readonly mine: readonly SectionChanges[];
}

/**
 * Compares the plan as loaded (`loaded`), as the server holds it now (`fresh`) and as the clinician has it
 * (`mine`). The plan is found by the working plan's id, or, for a revision not yet saved, by the id of the plan
 * it replaces (the clinician's changes are then counted from the revision as it started). `undefined` when the loaded records do not hold it (nothing to compare against) or the fresh ones
 * no longer do.
 */
export function conflictChanges(
  loaded: readonly fhir.FhirResource[],
  fresh: readonly fhir.FhirResource[],
  mine: TreatmentPlan
): ConflictChanges | undefined {
  for (const planId of [mine.id, mine.review.replaces]) {
    if (planId === undefined || planId === '') continue;
    const base = readPlan(loaded, { planId });
    if (base.source !== 'care-plan') continue;
    const now = readPlan(fresh, { planId });
    if (now.source !== 'care-plan') return undefined;
    // A revision started from the loaded plan: the clinician's changes are those made after starting it.
    const start =
      planId === mine.id
        ? base.plan
        : revisePlan(base.plan, mine.review.periodStart ?? base.plan.review.periodStart ?? '', mine.id);
    return { theirs: diffPlans(base.plan, now.plan), mine: diffPlans(start, mine) };
  }
  return undefined;
}
