/**
 * Signing after the completeness check (issue 4 §4): a plan is signed when the check passes (but for mutual
 * agreement, which signing answers), or when the clinician records why it is signed anyway.
 */
import type { CompletenessOptions } from '../completeness/check-completeness.ts';
import { PlanEditError } from '../edit-error.ts';
import { assertOpen } from '../lock.ts';
import { recordedIncompleteReason, signingBlockers } from '../signing.ts';
import type { IsoDate, Signature, TreatmentPlan } from '../treatment-plan.ts';
import { signPlan } from './signatures.ts';

/**
 * Adds a signature once the plan passes the completeness check. When it does not, the clinician's signature must
 * carry `incompleteReason` (or an earlier clinician's signature must have recorded one); other parties then sign
 * the plan the clinician signed. A reason on a complete plan is dropped: there is nothing to explain.
 */
export function signCheckedPlan(
  plan: TreatmentPlan,
  signature: Signature,
  today: IsoDate,
  options: CompletenessOptions = {}
): TreatmentPlan {
  assertOpen(plan);
  const { incompleteReason, ...rest } = signature;
  const reason = incompleteReason?.trim();
  if (reason !== undefined && signature.role !== 'clinician') {
    throw new PlanEditError('not-allowed', 'Only the clinician records why an incomplete plan is signed.', {
      path: 'signatures',
    });
  }
  const blockers = signingBlockers(plan, today, options);
  if (blockers.length === 0) return signPlan(plan, rest);
  if (reason !== undefined && reason !== '') return signPlan(plan, { ...rest, incompleteReason: reason });
  if (signature.role !== 'clinician' && recordedIncompleteReason(plan) !== undefined) return signPlan(plan, rest);
  const count = blockers.length === 1 ? '1 item of the completeness check fails' : `${blockers.length} items fail`;
  throw new PlanEditError(
    'not-allowed',
    signature.role === 'clinician'
      ? `The plan is not complete (${count}). Complete it, or record why it is signed as it is.`
      : `The plan is not complete (${count}). The clinician signs first and records why it is signed as it is.`,
    { path: 'signatures', related: blockers.flatMap((item) => item.paths) }
  );
}
