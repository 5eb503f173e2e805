/**
 * Validation of an import's input against base R4 and our profiles (src/conformance), located from the input's
 * root. The definitions come from the caller: Node reads them with tools/profiles/definitions.ts, the app loads
 * the validation pack lazily with src/conformance/browser-definitions.ts; where they are not given the report says that only the
 * structure the reader needs was checked.
 */
import type * as fhir from 'fhir/r4';
import { checkConformance } from '../conformance/check.ts';
import type { ConformanceDefinitions } from '../conformance/definitions.ts';
import type { ImportIssue } from './import-report.ts';

function checked(resource: fhir.FhirResource, definitions: ConformanceDefinitions, at: string): ImportIssue[] {
  try {
    return checkConformance(resource, definitions).map((issue) => ({
      severity: issue.severity,
      location: at === '' ? issue.location : `${at}${issue.location.replace(/^[A-Za-z]+/, '')}`,
      message: issue.message,
      rule: issue.rule,
    }));
  } catch (error) {
    // The validator gives up on what it has no definition for (an unknown resource type, say).
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        severity: 'error',
        location: at === '' ? resource.resourceType : at,
        message: `Could not be validated: ${message}`,
        rule: 'structure',
      },
    ];
  }
}

export function validateInput(json: unknown, definitions: ConformanceDefinitions | undefined): ImportIssue[] {
  if (definitions === undefined) {
    return [
      {
        severity: 'information',
        location: Array.isArray(json) ? '[0]' : 'Bundle',
        message:
          'Not validated against R4 and the treatment-plan profiles here: only what the plan reader needs was checked.',
        rule: 'validation-skipped',
      },
    ];
  }
  if (Array.isArray(json)) {
    return json.flatMap((item, i) => checked(item as fhir.FhirResource, definitions, `[${String(i)}]`));
  }
  return checked(json as fhir.FhirResource, definitions, '');
}
