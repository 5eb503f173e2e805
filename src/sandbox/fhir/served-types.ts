/**
 * The resource types the sandbox EHR serves, and what it serves for each. The router gate, the access checks
 * and the CapabilityStatement all read this one table, so /metadata cannot drift from behaviour.
 * @see https://hl7.org/fhir/R4/capabilitystatement.html
 */

/** Resource types a treatment plan touches, plus the people and places around them. */
export const SERVED_RESOURCE_TYPES = [
  'Patient',
  'RelatedPerson',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
  'Encounter',
  'EpisodeOfCare',
  'Condition',
  'CarePlan',
  'CareTeam',
  'Goal',
  'ServiceRequest',
  'Procedure',
  'Observation',
  'Questionnaire',
  'QuestionnaireResponse',
  'Consent',
  'Provenance',
  'DocumentReference',
  'Composition',
] as const;

export type ServedResourceType = (typeof SERVED_RESOURCE_TYPES)[number];

const served: ReadonlySet<string> = new Set(SERVED_RESOURCE_TYPES);

export function isServedResourceType(resourceType: string | undefined): resourceType is ServedResourceType {
  return resourceType !== undefined && served.has(resourceType);
}

/** Type-level interactions served for every type above (R4 `TypeRestfulInteraction`). */
export const SERVED_TYPE_INTERACTIONS = [
  'read',
  'vread',
  'update',
  'patch',
  'delete',
  'history-instance',
  'create',
  'search-type',
] as const;

/** Page size when a search has no `_count`, and the largest page served. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
