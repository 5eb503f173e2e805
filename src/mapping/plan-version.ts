/**
 * The server's version id of a plan's CarePlan as loaded: what a signature pins (`CarePlan/{id}/_history/{vid}`,
 * DESIGN.md §4). The server assigns it on every write, so it is known only after the plan is saved.
 */
import type * as fhir from 'fhir/r4';
import { indexResources } from './resource-index.ts';

/** `meta.versionId` of the CarePlan of the plan with business id `planId`, when loaded and versioned. */
export function planVersionOnRecord(resources: readonly fhir.FhirResource[], planId: string): string | undefined {
  return indexResources(resources).byKey('CarePlan', planId)?.resource.meta?.versionId;
}
