/**
 * Write validation: every resource the sandbox stores must be valid R4, checked with `@medplum/core`'s validator
 * against the base definitions, plus the required terminology bindings it skips. An invalid resource is refused with 400 and an OperationOutcome whose issues
 * carry the FHIRPath `expression` of the offending element, which the app uses to point at the field.
 * @see https://hl7.org/fhir/R4/validation.html
 */
import type { TypedValueWithPath } from '@medplum/core';
import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import type { Problem } from './outcomes.ts';
import { problemFromError } from './outcomes.ts';
import { loadR4Definitions } from './r4-definitions.ts';
import { requiredBindingIssues } from './required-bindings.ts';

/** Throws an OperationOutcomeError (status 400) when the resource is not valid R4. */
export function validateForWrite(resource: Resource): void {
  loadR4Definitions();
  const tokens: Record<string, TypedValueWithPath[]> = {};
  try {
    validateResource(resource, { collect: { tokens } });
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      throw new OperationOutcomeError(invalidResource(resource, error.outcome.issue));
    }
    throw error;
  }
  const bindingIssues = requiredBindingIssues(tokens);
  if (bindingIssues.length > 0) {
    throw new OperationOutcomeError(invalidResource(resource, bindingIssues));
  }
}

/**
 * The same check before a request reaches the engine, so the 400 of a bundle entry can say which entry it was
 * (the engine only reports the first failure, without its place in the bundle).
 */
export function validationProblem(resource: Resource): Problem | undefined {
  try {
    validateForWrite(resource);
    return undefined;
  } catch (error) {
    return problemFromError(error);
  }
}

function invalidResource(resource: Resource, issues: OperationOutcomeIssue[]): OperationOutcome {
  const subject = resource.id ? `${resource.resourceType}/${resource.id}` : `the new ${resource.resourceType}`;
  return {
    resourceType: 'OperationOutcome',
    issue: issues
      .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
      .map((issue) => ({
        ...issue,
        diagnostics: `${subject} is not valid R4: ${issue.details?.text ?? issue.diagnostics ?? 'invalid'}${
          issue.expression?.length ? ` at ${issue.expression.join(', ')}` : ''
        }`,
      })),
  };
}
