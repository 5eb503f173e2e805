/** Assertions the plan-* tests share: deep freezing, expected refusals, the violations of one rule. */
import { expect } from 'vitest';
import { PlanEditError, type PlanEditErrorCode } from '../../src/plan/edit-error.ts';
import { checkPlanRules } from '../../src/plan/rules/check-plan-rules.ts';
import type { RuleId, RuleViolation } from '../../src/plan/rules/rule-violation.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';

/** Freezes every object and array in `value`, so an edit that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
}

/** Asserts that `edit` refuses with a `PlanEditError` of `code`, and returns it for further checks. */
export function refusal(edit: () => unknown, code: PlanEditErrorCode): PlanEditError {
  try {
    edit();
  } catch (error) {
    expect(error).toBeInstanceOf(PlanEditError);
    expect((error as PlanEditError).code).toBe(code);
    return error as PlanEditError;
  }
  throw new Error(`expected the edit to be refused with ${code}, but it was applied`);
}

/** The violations of one rule, without the rule id, for short assertions. */
export function violations(plan: TreatmentPlan, rule: RuleId): Omit<RuleViolation, 'rule'>[] {
  return checkPlanRules(plan)
    .filter((v) => v.rule === rule)
    .map(({ path, severity, message }) => ({ path, severity, message }));
}
