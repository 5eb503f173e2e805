/**
 * Invariants of R4's data types, checked on every value of that type: per-1 (a Period ends after it starts),
 * rng-2, qty-3, ref-1, att-1, ext-1 and the others (https://hl7.org/fhir/R4/datatypes.html). `@medplum/core`'s
 * validator evaluates the constraints of each element and of the resource itself, but not those a data type
 * declares on its own root, so a plan period that ends before it starts would otherwise pass.
 *
 * Evaluated with `@medplum/core`'s FHIRPath and the variables its validator gives (%context, %resource,
 * %rootResource, %ucum). An expression that cannot be evaluated, or gives no answer, is left unchecked, never guessed.
 */
import { evalFhirPathTyped, toTypedValue, tryGetDataType, UCUM } from '@medplum/core';
import type { TypedValue, TypedValueWithPath } from '@medplum/core';
import type { ConformanceIssue } from './issue.ts';

/** ele-1 is Medplum's own structure check; txt-1 and txt-2 are written out in invariants.ts. */
const CHECKED_ELSEWHERE = new Set(['ele-1', 'txt-1', 'txt-2']);

export interface InvariantScope {
  /** The resource the value sits in (a contained resource, for a value inside one). */
  readonly resource: TypedValue;
  /** The resource the check started from. */
  readonly rootResource: TypedValue;
}

/** Issues for the invariants `value`'s data type declares that `value` breaks, located at `location`. */
export function datatypeInvariantIssues(
  value: TypedValueWithPath,
  location: string,
  scope: InvariantScope
): ConformanceIssue[] {
  const schema = tryGetDataType(value.type);
  // Data types only: a backbone element's constraints are its element's, which Medplum checks.
  if (schema?.kind !== 'complex-type') return [];
  const constraints = schema.constraints ?? [];
  const issues: ConformanceIssue[] = [];
  for (const constraint of constraints) {
    if (constraint.severity !== 'error' || CHECKED_ELSEWHERE.has(constraint.key)) continue;
    const variables: Record<string, TypedValue> = {
      '%context': value,
      '%resource': scope.resource,
      '%rootResource': scope.rootResource,
      '%ucum': toTypedValue(UCUM),
    };
    let broken: boolean;
    try {
      // Only a plain false breaks it: an empty result (dates of different precision compared) cannot be told.
      const result = evalFhirPathTyped(constraint.expression, [value], variables);
      broken = result.length === 1 && result[0]?.value === false;
    } catch {
      continue;
    }
    if (broken) {
      issues.push({
        severity: 'error',
        location,
        message: `Constraint ${constraint.key} not met: ${constraint.description}`,
        rule: constraint.key,
      });
    }
  }
  return issues;
}
