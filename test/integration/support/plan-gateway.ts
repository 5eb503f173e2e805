/**
 * A FhirGateway on the sandbox with a real token from an EHR launch through fhirclient, whose every request is
 * counted at the `fetch` level, so a test measures round trips from outside the code under test.
 */
import type * as fhir from 'fhir/r4';
import { createFetchGateway } from '../../../src/fhir/fetch-gateway.ts';
import type { FhirGateway } from '../../../src/fhir/gateway.ts';
import { countingFetch, RoundTripCounter } from '../../../src/fhir/round-trip-counter.ts';
import { serverTraits, type ServerTraits } from '../../../src/fhir/server-traits.ts';
import { ehrLaunchUrl, launch, PLAN_SCOPES } from './fhirclient-launch.ts';
import type { TestSandbox } from './sandbox-fixture.ts';

export { storeInSandbox } from '../../../tools/bench/store-records.ts';

export interface CountedGateway {
  readonly gateway: FhirGateway;
  readonly counter: RoundTripCounter;
  readonly traits: ServerTraits;
  readonly accessToken: string;
}

/** Launches the app for `patientId`, reads /metadata, then resets the counter: only later requests count. */
export async function launchCountedGateway(
  sandbox: TestSandbox,
  patientId: string,
  scope = PLAN_SCOPES
): Promise<CountedGateway> {
  const launchId = sandbox.createLaunch({ patient: patientId, fhirUser: 'Practitioner/sandbox-practitioner' });
  const client = await launch({ launchUrl: ehrLaunchUrl(sandbox.fhirBaseUrl, launchId), scope });
  const accessToken = client.state.tokenResponse?.access_token;
  if (accessToken === undefined) {
    throw new Error('The launch gave no access token.');
  }
  const counter = new RoundTripCounter();
  const gateway = createFetchGateway({
    baseUrl: sandbox.fhirBaseUrl,
    authorization: () => Promise.resolve(`Bearer ${accessToken}`),
    fetch: countingFetch(counter),
  });
  const { body } = await gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' });
  counter.reset();
  return { gateway, counter, traits: serverTraits(body), accessToken };
}

/** How many resources of a type the server holds for the patient, asked with `_summary=count`. */
export async function serverCount(gateway: FhirGateway, resourceType: string, patientId: string): Promise<number> {
  const { body } = await gateway.request<fhir.Bundle>({
    method: 'GET',
    url: `${resourceType}?patient=${patientId}&_summary=count`,
  });
  return body?.total ?? -1;
}
