/**
 * The one place where our FHIR vocabulary (`fhir/r4`) meets Medplum's (`@medplum/fhirtypes`). Both describe the
 * same R4 JSON; they differ only in details such as `Reference.type`, so the conversion is a type-level cast.
 */
import type * as medplum from '@medplum/fhirtypes';
import type * as fhir from 'fhir/r4';

export function toMedplum(resource: fhir.Resource): medplum.Resource {
  return resource as unknown as medplum.Resource;
}

/** The caller names the resource type it knows the engine returned (e.g. from the type it searched). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the cast is the point of this boundary
export function fromMedplum<T extends fhir.Resource = fhir.Resource>(resource: medplum.Resource): T {
  return resource as unknown as T;
}

export function bundleFromMedplum(bundle: medplum.Bundle): fhir.Bundle {
  return bundle as unknown as fhir.Bundle;
}

export function bundleToMedplum(bundle: fhir.Bundle): medplum.Bundle {
  return bundle as unknown as medplum.Bundle;
}

export function outcomeFromMedplum(outcome: medplum.OperationOutcome): fhir.OperationOutcome {
  return outcome as unknown as fhir.OperationOutcome;
}
