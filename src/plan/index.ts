/**
 * The plan domain for the rest of the app: the model, constructors, edit functions, rules, the completeness check
 * and achievement suggestions. Pure, and free of FHIR and React (DESIGN.md §2).
 */
export type * from './treatment-plan.ts';
export { ACHIEVEMENTS } from './treatment-plan.ts';

export { ageOn } from './age.ts';
export { addMonths, datePart, isCalendarDate, isZonedDateTime } from './calendar.ts';
export type { Changes } from './changes.ts';
export { concept, hasContent, sameConcept } from './concepts.ts';
export { attemptEdit, PlanEditError, type EditOutcome, type PlanEditErrorCode } from './edit-error.ts';
export * from './ids.ts';
export { clientSideSignature, recordedIncompleteReason, signingBlockers, takesSignedCopy } from './signing.ts';
export { assertEditable, assertOpen, isClosed, isLocked, lockReason, type LockReason } from './lock.ts';

export * from './create/goals.ts';
export * from './create/plan.ts';
export * from './create/records.ts';

export * from './edits/concerns.ts';
export * from './edits/considerations.ts';
export * from './edits/contract.ts';
export * from './edits/diagnoses.ts';
export type { DraftCheck, Retirement } from './edits/goal-history.ts';
export * from './edits/goals.ts';
export * from './edits/header.ts';
export * from './edits/history.ts';
export * from './edits/interventions.ts';
export * from './edits/objectives.ts';
export * from './edits/progress.ts';
export * from './edits/review.ts';
export * from './edits/schedule.ts';
export * from './edits/session.ts';
export * from './edits/signatures.ts';
export * from './edits/signed-copy.ts';
export * from './edits/signing-check.ts';
export * from './edits/strengths.ts';
export * from './edits/targets.ts';

export { checkPlanRules, keepsRules } from './rules/check-plan-rules.ts';
export { REVIEW_WINDOW_MONTHS } from './rules/review-rules.ts';
export * from './rules/rule-violation.ts';

export { checkCompleteness, isComplete, type CompletenessOptions } from './completeness/check-completeness.ts';
export type { CompletenessItem, CompletenessItemId } from './completeness/completeness-item.ts';

export * from './achievement.ts';
