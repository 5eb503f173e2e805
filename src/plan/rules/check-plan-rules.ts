/**
 * All the rules a plan must keep, as a list of violations (empty when it keeps them all). The edit functions keep
 * the structural rules true; the others describe content the clinician is still writing, so the UI shows them
 * beside the fields rather than refusing the edit.
 */
import type { TreatmentPlan } from '../treatment-plan.ts';
import { checkAmounts } from './amount-rules.ts';
import { checkDates } from './date-rules.ts';
import { checkGoals } from './goal-rules.ts';
import { checkReferences } from './reference-rules.ts';
import { checkReview } from './review-rules.ts';
import type { RuleOptions, RuleViolation } from './rule-violation.ts';
import { checkSession } from './session-rules.ts';
import { checkSignatures } from './signature-rules.ts';
import { checkTexts } from './text-rules.ts';

export function checkPlanRules(plan: TreatmentPlan, options: RuleOptions = {}): RuleViolation[] {
  return [
    ...checkReferences(plan),
    ...checkGoals(plan),
    ...checkAmounts(plan),
    ...checkSession(plan),
    ...checkReview(plan),
    ...checkSignatures(plan, options),
    ...checkDates(plan),
    ...checkTexts(plan),
  ];
}

/** True when no violation is an error (warnings allowed). */
export function keepsRules(violations: readonly RuleViolation[]): boolean {
  return violations.every((violation) => violation.severity !== 'error');
}
