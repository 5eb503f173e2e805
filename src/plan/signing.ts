/**
 * Questions about signing (issue 4 §4), answered from the plan: what stands in the way of signing, whether the
 * clinician recorded why the plan was signed incomplete, and who signed for the client's side.
 */
import { checkCompleteness, type CompletenessOptions } from './completeness/check-completeness.ts';
import type { CompletenessItem } from './completeness/completeness-item.ts';
import type { IsoDate, Signature, TreatmentPlan } from './treatment-plan.ts';

/**
 * The failing completeness items that stand in the way of signing on `today` (none: the plan may be signed). The
 * mutual-agreement question is left out, since signing is how the client and the clinician answer it.
 */
export function signingBlockers(
  plan: TreatmentPlan,
  today: IsoDate,
  options: CompletenessOptions = {}
): CompletenessItem[] {
  return checkCompleteness(plan, today, options).filter((item) => !item.passed && item.id !== 'mutual-agreement');
}

/** The reason a clinician's signature recorded for signing the plan incomplete, if any. */
export function recordedIncompleteReason(plan: TreatmentPlan): string | undefined {
  return plan.signatures.find((s) => s.role === 'clinician' && s.incompleteReason !== undefined)?.incompleteReason;
}

/** The latest signature of the client's side (the client, or a guardian for them). */
export function clientSideSignature(plan: TreatmentPlan): Signature | undefined {
  return plan.signatures.filter((s) => s.role === 'client' || s.role === 'guardian').at(-1);
}

/** True when the plan has somewhere to keep a signed copy: a consent, or a client's signature to make one from. */
export function takesSignedCopy(plan: TreatmentPlan): boolean {
  return plan.contract.consent !== undefined || clientSideSignature(plan) !== undefined;
}
