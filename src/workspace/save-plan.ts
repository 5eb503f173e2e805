/**
 * One save (issue 4 §5): the write set from `planToFhir`, as one transaction, sent once. A revision also closes the
 * plan it replaces, in the same transaction.
 */
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../fhir/gateway.ts';
import { savePlanTransaction } from '../fhir/save-plan-transaction.ts';
import type { SaveResult } from '../fhir/save-result.ts';
import { planFromFhir, planToFhir, writeSetToTransaction, type WriteSet } from '../mapping/index.ts';
import type { TreatmentPlan } from '../plan/index.ts';

export type SaveAttempt =
  | { readonly kind: 'nothing-to-save' }
  | { readonly kind: 'sent'; readonly request: fhir.Bundle; readonly result: SaveResult };

/** The plan this one revises, when it is among the loaded records. */
function supersededPlan(plan: TreatmentPlan, loaded: readonly fhir.FhirResource[]): TreatmentPlan | undefined {
  if (plan.review.replaces === undefined) return undefined;
  const old = planFromFhir(loaded, { planId: plan.review.replaces }).plan;
  return old.id === plan.review.replaces ? old : undefined;
}

/** What saving `plan` writes, whichever way it is sent: a revision also closes the plan it replaces. */
export function planWriteSet(plan: TreatmentPlan, loaded: readonly fhir.FhirResource[]): WriteSet {
  const supersedes = supersededPlan(plan, loaded);
  return planToFhir(plan, loaded, supersedes ? { supersedes } : {});
}

export async function savePlan(
  gateway: FhirGateway,
  plan: TreatmentPlan,
  loaded: readonly fhir.FhirResource[]
): Promise<SaveAttempt> {
  const writeSet = planWriteSet(plan, loaded);
  if (writeSet.length === 0) return { kind: 'nothing-to-save' };
  const request = writeSetToTransaction(writeSet);
  return { kind: 'sent', request, result: await savePlanTransaction(gateway, request) };
}
