/**
 * Who signs: a client who is a minor on the day they sign needs a guardian's signature as well (a guardian may
 * also sign instead of the client); the client's signature is the client's; a supervisor co-signs a clinician;
 * only the clinician records why an incomplete plan was signed.
 */
import { ageOn } from '../age.ts';
import { datePart, isCalendarDate, isZonedDateTime } from '../calendar.ts';
import type { Signature, TreatmentPlan } from '../treatment-plan.ts';
import { DEFAULT_AGE_OF_MAJORITY, type RuleOptions, type RuleViolation } from './rule-violation.ts';

/** The client's age on the day of a signature, when both the birth date and the signing time are known. */
function clientAgeAt(plan: TreatmentPlan, signature: Signature): number | undefined {
  const birthDate = plan.client.birthDate;
  if (birthDate === undefined || !isCalendarDate(birthDate) || !isZonedDateTime(signature.signedAt)) return undefined;
  return ageOn(birthDate, datePart(signature.signedAt));
}

export function checkSignatures(plan: TreatmentPlan, options: RuleOptions = {}): RuleViolation[] {
  const majority = options.ageOfMajority ?? DEFAULT_AGE_OF_MAJORITY;
  const violations: RuleViolation[] = [];
  const has = (role: Signature['role']): boolean => plan.signatures.some((s) => s.role === role);

  plan.signatures.forEach((signature, s) => {
    const path = `signatures[${s}]`;
    const age = clientAgeAt(plan, signature);
    const day = datePart(signature.signedAt);
    if (signature.role === 'client') {
      const reference = signature.signer.reference;
      if (reference !== undefined && reference !== plan.client.reference) {
        violations.push({
          rule: 'client-signature-signer',
          severity: 'error',
          message: `${signature.signer.name} signed as the client but is not the client of this plan.`,
          path: `${path}.signer`,
        });
      }
      if (age !== undefined && age < majority && !has('guardian')) {
        violations.push({
          rule: 'guardian-signature-for-minor',
          severity: 'error',
          message: `The client was ${age} when signing on ${day}, so a parent or guardian must sign as well.`,
          path,
        });
      }
    }
    if (signature.role === 'guardian' && age !== undefined && age >= majority) {
      violations.push({
        rule: 'guardian-signature-for-adult',
        severity: 'warning',
        message: `The client was ${age} when the guardian signed on ${day}; a guardian signs for an adult only when legally appointed.`,
        path,
      });
    }
    if (signature.incompleteReason !== undefined && signature.role !== 'clinician') {
      violations.push({
        rule: 'incomplete-reason-signer',
        severity: 'error',
        message: 'Only the clinician records why an incomplete plan is signed.',
        path: `${path}.incompleteReason`,
      });
    }
    if (signature.role === 'supervisor' && !has('clinician')) {
      violations.push({
        rule: 'supervisor-cosigns',
        severity: 'warning',
        message: 'The supervisor co-signs the clinician’s signature, but the clinician has not signed.',
        path,
      });
    }
  });
  return violations;
}
