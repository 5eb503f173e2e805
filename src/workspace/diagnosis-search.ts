/**
 * The diagnosis search the workspace uses until the catalog's list ships (issue 4 §2): the diagnoses already on
 * the client's record and in the plan. Any `search(query) => Concept[]` can replace it.
 */
import type * as fhir from 'fhir/r4';
import type { Concept } from '../plan/index.ts';
import { conceptOf } from './start-plan.ts';

export type DiagnosisSearch = (query: string) => readonly Concept[];

function words(concept: Concept): string {
  return [concept.text, ...concept.codes.flatMap((c) => [c.code, c.display ?? ''])].join(' ').toLowerCase();
}

/** A search over known concepts: every word of the query must appear in the text, a code or a display. */
export function searchAmong(concepts: readonly Concept[]): DiagnosisSearch {
  const unique = concepts.filter((c, i) => concepts.findIndex((d) => words(d) === words(c)) === i);
  return (query) => {
    const terms = query
      .toLowerCase()
      .split(/\s+/)
      .filter((t) => t !== '');
    if (terms.length === 0) return [];
    return unique.filter((concept) => terms.every((term) => words(concept).includes(term)));
  };
}

const isHealthConcern = (condition: fhir.Condition): boolean =>
  (condition.category ?? []).some((c) => (c.coding ?? []).some((coding) => coding.code === 'health-concern'));

/** The conditions on the record (not health concerns) as concepts to pick from. */
export function recordedDiagnoses(resources: readonly fhir.FhirResource[]): Concept[] {
  return resources.flatMap((r) => {
    if (r.resourceType !== 'Condition' || isHealthConcern(r)) return [];
    const concept = conceptOf(r.code);
    return concept === undefined ? [] : [concept];
  });
}
