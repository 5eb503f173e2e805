/**
 * The session details of one Encounter among loaded records: what a new plan takes from the encounter the app
 * was launched in (SMART launch context `encounter`). Its place of service comes from its Location's type when
 * that Location was loaded too.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.2/scopes-and-launch-context.html#launch-context-arrives-with-your-access_token
 */
import type * as fhir from 'fhir/r4';
import type { SessionDetails } from '../plan/treatment-plan.ts';
import { sessionFromFhir } from './encounter-from-fhir.ts';
import { createReadContext } from './read-context.ts';
import { indexResources, type Located } from './resource-index.ts';

const isEncounter = (located: Located | undefined): located is Located<fhir.Encounter> =>
  located?.resource.resourceType === 'Encounter';

/**
 * The session of the Encounter at `reference` (`Encounter/123`), with `Encounter/123` as its id so a plan saved
 * with it links to that record; `undefined` when the records do not hold it.
 */
export function sessionOfEncounter(
  resources: readonly fhir.FhirResource[],
  reference: string
): SessionDetails | undefined {
  const index = indexResources(resources);
  const at = index.resolve(reference);
  if (!isEncounter(at)) return undefined;
  return sessionFromFhir(at, createReadContext(index, at.resource.subject?.reference));
}
