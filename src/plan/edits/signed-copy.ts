/**
 * The signed copy of the plan, kept with the consent to treatment as its document (DESIGN.md §4: the signed PDF
 * is the legal copy). This is record keeping on a signed plan, so only a closed plan refuses it.
 */
import { datePart } from '../calendar.ts';
import { assertOpen } from '../lock.ts';
import { clientSideSignature } from '../signing.ts';
import type { AttachedDocument, ConsentToTreatment, TreatmentPlan } from '../treatment-plan.ts';

/**
 * Attaches `document` (the signed plan) to the consent to treatment. With no consent recorded, the client's (or
 * guardian's) signature is their consent: a new one is made, active, a permit, dated at that signature, given by
 * that signer, covering the plan's modality. A consent still in draft or offered becomes active the same way
 * once the client's side has signed; a consent given, refused or withdrawn keeps its status. Without a consent
 * and without a client's signature the plan is returned unchanged.
 */
export function fileSignedCopy(plan: TreatmentPlan, document: AttachedDocument, newConsentId: string): TreatmentPlan {
  assertOpen(plan);
  const signature = clientSideSignature(plan);
  const existing = plan.contract.consent;
  let consent: ConsentToTreatment | undefined;
  if (existing !== undefined) {
    const agreeing = signature !== undefined && (existing.status === 'draft' || existing.status === 'proposed');
    consent = {
      ...existing,
      ...(agreeing
        ? {
            status: 'active',
            dateTime: existing.dateTime ?? signature.signedAt,
            grantor: existing.grantor ?? signature.signer,
            start: existing.start ?? datePart(signature.signedAt),
          }
        : {}),
      document,
    };
  } else if (signature !== undefined) {
    const modality = plan.schedule.modality;
    consent = {
      id: newConsentId,
      status: 'active',
      dateTime: signature.signedAt,
      decision: 'permit',
      grantor: signature.signer,
      start: datePart(signature.signedAt),
      modalities: modality === undefined ? [] : [modality],
      document,
    };
  }
  return consent === undefined ? plan : { ...plan, contract: { ...plan.contract, consent } };
}
