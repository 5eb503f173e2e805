/**
 * Narratives written by other systems: the `text.div` of a care plan this app did not write (it carries no
 * identifier of ours), or of one of ours whose narrative someone else changed (status other than `generated`).
 * The app's own narrative only repeats the structured plan; another system's may say things the reader could not
 * place, so the workspace shows it, after sanitising (src/ui/narrative-sanitiser.ts).
 * @see https://hl7.org/fhir/R4/narrative.html
 */
import type * as fhir from 'fhir/r4';
import { businessKeyOf } from '../mapping/identifiers.ts';

export interface ForeignNarrative {
  /** `CarePlan/<id>` */
  readonly address: string;
  readonly title: string;
  /** The XHTML as stored: untrusted markup, never to be shown before sanitising. */
  readonly div: string;
}

/** The foreign narrative of one care plan, or undefined when it has none or the app wrote it. */
export function foreignNarrativeOf(plan: fhir.CarePlan): ForeignNarrative | undefined {
  const div = plan.text?.div ?? '';
  if (div.trim() === '') return undefined;
  const ours = businessKeyOf(plan) !== undefined && plan.text?.status === 'generated';
  if (ours) return undefined;
  return { address: `CarePlan/${plan.id ?? ''}`, title: plan.title ?? 'Untitled care plan', div };
}

/** Every care plan's foreign narrative, in the order of the records. */
export function foreignNarratives(resources: readonly fhir.FhirResource[]): ForeignNarrative[] {
  return resources.flatMap((resource) => {
    if (resource.resourceType !== 'CarePlan') return [];
    const narrative = foreignNarrativeOf(resource);
    return narrative ? [narrative] : [];
  });
}
