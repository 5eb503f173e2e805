/**
 * Signatures. The first signature locks the plan's content (see `lock.ts`); the other parties can still sign,
 * since the client usually signs after the clinician.
 */
import { PlanEditError } from '../edit-error.ts';
import { assertOpen } from '../lock.ts';
import type { PersonRef, Signature, TreatmentPlan } from '../treatment-plan.ts';
import { assertNewIds, locateById, removeAt } from './internal.ts';

function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.reference !== undefined && b.reference !== undefined) return a.reference === b.reference;
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

const ROLE_WORDS: Record<Signature['role'], string> = {
  client: 'the client',
  guardian: 'a guardian',
  clinician: 'the clinician',
  supervisor: 'the supervisor',
};

/** Adds a signature. Refused when the same person has already signed in the same role. */
export function signPlan(plan: TreatmentPlan, signature: Signature): TreatmentPlan {
  assertOpen(plan);
  assertNewIds(plan, [signature.id], 'signatures');
  const earlier = plan.signatures.findIndex((s) => s.role === signature.role && samePerson(s.signer, signature.signer));
  if (earlier >= 0) {
    throw new PlanEditError(
      'not-allowed',
      `${signature.signer.name} has already signed as ${ROLE_WORDS[signature.role]}.`,
      {
        path: `signatures[${earlier}]`,
      }
    );
  }
  return { ...plan, signatures: [...plan.signatures, signature] };
}

/**
 * Takes back a signature given by mistake before the plan was saved. A signature pinned to a saved version of the
 * plan (`planVersion`) is part of the record and is refused (`has-history`): revise the plan instead. Withdrawing
 * the last signature unlocks the plan.
 */
export function withdrawSignature(plan: TreatmentPlan, signatureId: string): TreatmentPlan {
  assertOpen(plan);
  const { index, item } = locateById(plan.signatures, signatureId, 'signature', 'signatures');
  if (item.planVersion !== undefined) {
    throw new PlanEditError(
      'has-history',
      `${item.signer.name}’s signature is on a saved version of the plan, so it cannot be withdrawn. Start a revision instead.`,
      { path: `signatures[${index}]` }
    );
  }
  return { ...plan, signatures: removeAt(plan.signatures, index) };
}
