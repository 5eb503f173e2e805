/**
 * A FhirGateway on the sandbox with a real token from an EHR launch through fhirclient, whose every request is
 * counted at the `fetch` level, so a test measures round trips from outside the code under test. `npm run bench`
 * measures its requests and round trips through it too (tools/bench/plan-transport.ts).
 */
import type * as fhir from 'fhir/r4';
import { createFetchGateway } from '../../../src/fhir/fetch-gateway.ts';
import type { FhirGateway } from '../../../src/fhir/gateway.ts';
import { countingFetch, RoundTripCounter } from '../../../src/fhir/round-trip-counter.ts';
import { serverTraits, type ServerTraits } from '../../../src/fhir/server-traits.ts';
import { SIGNED_IN_USER } from '../../../src/sandbox/auth/state.ts';
import type { RunningSandbox } from '../../../src/sandbox/server.ts';
import { APP_URL, ehrLaunchUrl, launch, PLAN_SCOPES } from './fhirclient-launch.ts';

export { storeInSandbox } from '../../../tools/bench/store-records.ts';

export interface CountedGateway {
  readonly gateway: FhirGateway;
  readonly counter: RoundTripCounter;
  readonly traits: ServerTraits;
  readonly accessToken: string;
}

/**
 * Launches the app for `patientId` as the sandbox's signed-in practitioner, reads /metadata, then resets the
 * counter: only later requests count. `appUrl` is the app the sandbox was started for (its client redirects there).
 */
export async function launchCountedGateway(
  sandbox: Pick<RunningSandbox, 'createLaunch' | 'fhirBaseUrl'>,
  patientId: string,
  scope = PLAN_SCOPES,
  appUrl = APP_URL
): Promise<CountedGateway> {
  const launchId = sandbox.createLaunch({ patient: patientId, fhirUser: SIGNED_IN_USER });
  const client = await launch({ launchUrl: ehrLaunchUrl(sandbox.fhirBaseUrl, launchId, appUrl), scope });
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
