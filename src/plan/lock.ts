/**
 * When a plan may change. A signed plan is locked (issue 4 §4): what was signed is what stands, and changing it
 * starts a revision, a new plan that replaces it. Record keeping goes on while the signed plan is in force:
 * scores, progress notes, achievement, further signatures (the client signs after the clinician) and withdrawal
 * of consent. A closed plan (completed, revoked, entered in error) takes nothing at all.
 */
import { PlanEditError } from './edit-error.ts';
import type { PlanStatus, TreatmentPlan } from './treatment-plan.ts';

export type LockReason = 'signed' | 'closed';

const CLOSED: ReadonlySet<PlanStatus> = new Set(['completed', 'revoked', 'entered-in-error']);

/** Why the plan's content cannot change, or `undefined` when it can. A closed plan reports `closed` first. */
export function lockReason(plan: TreatmentPlan): LockReason | undefined {
  if (CLOSED.has(plan.status)) return 'closed';
  if (plan.signatures.length > 0) return 'signed';
  return undefined;
}

/** True when the plan has been signed or closed, so its content can only change through a revision. */
export function isLocked(plan: TreatmentPlan): boolean {
  return lockReason(plan) !== undefined;
}

/** True when the plan is closed, so not even progress or signatures can be recorded on it. */
export function isClosed(plan: TreatmentPlan): boolean {
  return CLOSED.has(plan.status);
}

/** Guard for edits of the plan's content: refuses on a signed or closed plan. */
export function assertEditable(plan: TreatmentPlan): void {
  assertOpen(plan);
  if (plan.signatures.length > 0) {
    throw new PlanEditError(
      'plan-locked',
      'This plan has been signed, so it can no longer be changed. Start a revision to change it.',
      { path: 'signatures' }
    );
  }
}

/** Guard for record keeping (progress, signatures, consent withdrawal): refuses only on a closed plan. */
export function assertOpen(plan: TreatmentPlan): void {
  if (CLOSED.has(plan.status)) {
    throw new PlanEditError(
      'plan-closed',
      `This plan is ${plan.status.replaceAll('-', ' ')}; nothing more can be recorded on it.`,
      {
        path: 'status',
      }
    );
  }
}
