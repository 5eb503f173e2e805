/**
 * OperationOutcomes with the HTTP status they travel with. Every error the FHIR service answers is one of these,
 * so a client can always read `issue[].diagnostics` and, for invalid content, `issue[].expression` (FHIRPath).
 * @see https://hl7.org/fhir/R4/operationoutcome.html
 */
import { getStatus, normalizeOperationOutcome } from '@medplum/core';
import type * as medplum from '@medplum/fhirtypes';
import type * as fhir from 'fhir/r4';
import { outcomeFromMedplum } from './medplum-boundary.ts';

export interface Problem {
  readonly status: number;
  readonly outcome: fhir.OperationOutcome;
  /** Extra response headers, e.g. `Allow` on a 405. */
  readonly headers?: Readonly<Record<string, string>>;
}

type IssueCode = fhir.OperationOutcomeIssue['code'];

export function problem(status: number, code: IssueCode, diagnostics: string, expression?: string): Problem {
  return {
    status,
    outcome: {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) }],
    },
  };
}

export function isProblem(value: unknown): value is Problem {
  // A resource can carry `status` and `outcome` too (Procedure does): a problem is never a resource.
  return (
    typeof value === 'object' && value !== null && !('resourceType' in value) && 'status' in value && 'outcome' in value
  );
}

/** The engine's outcomes carry their status in `id` (e.g. `not-found`); ours carry it beside the resource. */
export function problemFromEngine(outcome: medplum.OperationOutcome): Problem {
  return { status: getStatus(outcome), outcome: cleanOutcome(outcome) };
}

export function problemFromError(error: unknown): Problem {
  return problemFromEngine(normalizeOperationOutcome(error));
}

/** Drops the engine's status marker and makes sure every issue says in words what went wrong. */
export function cleanOutcome(outcome: medplum.OperationOutcome): fhir.OperationOutcome {
  const rest = { ...outcomeFromMedplum(outcome) };
  delete rest.id;
  return {
    ...rest,
    issue: rest.issue.map((issue) => {
      if (issue.diagnostics || !issue.details?.text) {
        return issue;
      }
      const where = issue.expression?.length ? ` (at ${issue.expression.join(', ')})` : '';
      return { ...issue, diagnostics: `${issue.details.text}${where}` };
    }),
  };
}

export function informational(diagnostics: string): fhir.OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics }] };
}
