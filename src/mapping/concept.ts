/** Concepts and codes: the model's `Concept` (words and codes) and `Code` as CodeableConcept and Coding. */
import type * as fhir from 'fhir/r4';
import type { Code, Concept } from '../plan/treatment-plan.ts';
import { keepIfSame, sameJson } from './json.ts';
import type { Report } from './read-context.ts';

export function codeFromFhir(coding: fhir.Coding | undefined): Code | undefined {
  if (coding?.system === undefined || coding.code === undefined) return undefined;
  return coding.display === undefined
    ? { system: coding.system, code: coding.code }
    : { system: coding.system, code: coding.code, display: coding.display };
}

export function codeToFhir(code: Code, loaded?: fhir.Coding): fhir.Coding {
  if (loaded && sameJson(codeFromFhir(loaded), code)) return loaded;
  return code.display === undefined
    ? { system: code.system, code: code.code }
    : { system: code.system, code: code.code, display: code.display };
}

/**
 * The concept a CodeableConcept holds: its text (else the first coding's display or code) and its codings.
 * Codings without a system or code cannot be placed and are reported.
 */
export function conceptFromFhir(concept: fhir.CodeableConcept | undefined, report?: Report, path = ''): Concept {
  const codings = concept?.coding ?? [];
  const codes = codings.flatMap((coding, i) => {
    const code = codeFromFhir(coding);
    if (!code) report?.(`${path}.coding[${i}]`, 'a coding without a system or a code has no place in the plan');
    return code ? [code] : [];
  });
  const first = codings.find((c) => c.display !== undefined || c.code !== undefined);
  return { text: concept?.text ?? first?.display ?? first?.code ?? '', codes };
}

export function conceptToFhir(concept: Concept, loaded?: fhir.CodeableConcept): fhir.CodeableConcept | undefined {
  return keepIfSame(loaded, concept, (l) => conceptFromFhir(l), write);
}

function write(concept: Concept, loaded: fhir.CodeableConcept | undefined): fhir.CodeableConcept {
  const coding = concept.codes.map((code) =>
    codeToFhir(
      code,
      loaded?.coding?.find((c) => c.system === code.system && c.code === code.code)
    )
  );
  return {
    ...(coding.length > 0 ? { coding } : {}),
    ...(concept.text.trim() !== '' ? { text: concept.text } : {}),
  };
}

/** The first coding of `concept` in `system`. */
export function codingIn(concept: fhir.CodeableConcept | undefined, system: string): fhir.Coding | undefined {
  return concept?.coding?.find((c) => c.system === system);
}

export function hasCoding(concept: fhir.CodeableConcept | undefined, coding: fhir.Coding): boolean {
  return (concept?.coding ?? []).some((c) => c.system === coding.system && c.code === coding.code);
}

/** A concept with only `coding` (a constant of codes.ts), copied so resources never share objects. */
export function codedAs(coding: fhir.Coding): fhir.CodeableConcept {
  return { coding: [{ ...coding }] };
}

/**
 * Our categories (codings of `managed` systems) replace those in `loaded`; categories of other systems stay.
 */
export function mergeCategories(
  loaded: readonly fhir.CodeableConcept[] | undefined,
  ours: readonly fhir.CodeableConcept[],
  managed: readonly string[]
): fhir.CodeableConcept[] {
  const reused = ours.map((category) => (loaded ?? []).find((l) => sameJson(l, category)) ?? category);
  const kept = (loaded ?? []).filter(
    (c) => !reused.includes(c) && !(c.coding ?? []).some((x) => managed.includes(x.system ?? ''))
  );
  return [...reused, ...kept];
}
