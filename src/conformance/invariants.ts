/**
 * Invariants that `@medplum/core` cannot evaluate, written out by hand:
 * - txt-1 / txt-2 (Narrative.div): their FHIRPath is `htmlChecks()`, which Medplum treats as always true;
 * - dom-3 (a contained resource is referenced from its container): Medplum skips it (it needs `descendants()`);
 * - ppc-2 .. ppc-5 (Consent: a privacy, research, advance-directive or treatment consent names its patient):
 *   R4 publishes these with the placeholder `system='something'`, so their FHIRPath can never fail; the
 *   checks below use the real system, http://terminology.hl7.org/CodeSystem/consentscope.
 * https://hl7.org/fhir/R4/narrative.html, https://hl7.org/fhir/R4/domainresource.html#invs,
 * https://hl7.org/fhir/R4/consent.html#invs
 */
import type * as fhir from 'fhir/r4';
import type { ConformanceIssue } from './issue.ts';
import { checkNarrativeDiv } from './narrative.ts';
import { isObject, type Json } from '../plan/json-object.ts';

const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const SCOPES_NEEDING_PATIENT: Record<string, string> = {
  'patient-privacy': 'ppc-2',
  research: 'ppc-3',
  adr: 'ppc-4',
  treatment: 'ppc-5',
};

function narrativeIssues(resource: Json, location: string): ConformanceIssue[] {
  const text = resource.text;
  if (!isObject(text) || typeof text.div !== 'string') return [];
  return checkNarrativeDiv(text.div).map(({ rule, message }) => ({
    severity: 'error',
    location: `${location}.text.div`,
    message,
    rule,
  }));
}

/** Every string anywhere under `value` (references, canonicals and uris among them). */
function collectStrings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (isObject(value)) Object.values(value).forEach((v) => collectStrings(v, into));
  return into;
}

function dom3Issues(resource: Json, type: string): ConformanceIssue[] {
  const contained = Array.isArray(resource.contained) ? (resource.contained as unknown[]) : [];
  return contained.flatMap((inner, index): ConformanceIssue[] => {
    const id = isObject(inner) && typeof inner.id === 'string' ? inner.id : undefined;
    const elsewhere = collectStrings({ ...resource, contained: contained.filter((_, i) => i !== index) }, new Set());
    if (id !== undefined && elsewhere.has(`#${id}`)) return [];
    if (collectStrings(inner, new Set()).has('#')) return [];
    return [
      {
        severity: 'error',
        location: `${type}.contained[${index}]`,
        message: `Contained resource${id === undefined ? '' : ` #${id}`} is not referenced from the resource that contains it`,
        rule: 'dom-3',
      },
    ];
  });
}

function consentIssues(consent: fhir.Consent): ConformanceIssue[] {
  // Resources come from outside: scope is required by R4 but may be missing.
  const scope = consent.scope as fhir.CodeableConcept | undefined;
  if (consent.patient) return [];
  return (scope?.coding ?? []).flatMap((coding): ConformanceIssue[] => {
    const key = coding.system === CONSENT_SCOPE && coding.code ? SCOPES_NEEDING_PATIENT[coding.code] : undefined;
    if (key === undefined) return [];
    return [
      {
        severity: 'error',
        location: 'Consent',
        message: `A ${coding.code ?? ''} consent must name its patient`,
        rule: key,
      },
    ];
  });
}

/** The hand-coded invariants for one resource (not descending into Bundle entries). */
export function checkHandCodedInvariants(resource: fhir.FhirResource): ConformanceIssue[] {
  const json = resource as unknown as Json;
  const type = resource.resourceType;
  const contained = Array.isArray(json.contained) ? (json.contained as unknown[]) : [];
  return [
    ...narrativeIssues(json, type),
    ...contained.flatMap((inner, i) => (isObject(inner) ? narrativeIssues(inner, `${type}.contained[${i}]`) : [])),
    ...dom3Issues(json, type),
    ...(resource.resourceType === 'Consent' ? consentIssues(resource) : []),
  ];
}
