/** Two sandbox FHIR servers for exchange tests, and what a client's plan looks like on each. */
import type * as fhir from 'fhir/r4';
import { createFetchGateway } from '../../../src/fhir/fetch-gateway.ts';
import type { FhirGateway } from '../../../src/fhir/gateway.ts';
import { loadPlanRecords } from '../../../src/fhir/load-plan-records.ts';
import { serverTraits } from '../../../src/fhir/server-traits.ts';
import type { TreatmentPlan } from '../../../src/plan/treatment-plan.ts';
import { startFhirOnlyServer, type FhirOnlyServer } from './fhir-only-server.ts';
import type { FhirServiceOptions } from '../../../src/sandbox/fhir/fhir-service.ts';
import { SERVED_RESOURCE_TYPES } from '../../../src/sandbox/fhir/served-types.ts';

export interface ExchangeServer {
  readonly server: FhirOnlyServer;
  readonly gateway: FhirGateway;
  close(): Promise<void>;
}

export async function startExchangeServer(seed: FhirServiceOptions['seed']): Promise<ExchangeServer> {
  const server = await startFhirOnlyServer(seed === undefined ? {} : { seed });
  const gateway = createFetchGateway({ baseUrl: server.baseUrl });
  return { server, gateway, close: () => server.close() };
}

/** A client's records as the app loads them, plus the Patient. */
export async function clientRecords(gateway: FhirGateway, patientId: string): Promise<fhir.FhirResource[]> {
  const { body } = await gateway.request<fhir.CapabilityStatement>({ method: 'GET', url: 'metadata' });
  const loaded = await loadPlanRecords(gateway, patientId, serverTraits(body));
  const patient = await gateway.read<fhir.Patient>(`Patient/${patientId}`);
  return [patient, ...loaded.resources.filter((r) => r.resourceType !== 'Patient')];
}

/**
 * The types a census counts: every type the sandbox serves, so that a write of any type shows in it. The example
 * bundle test (examples-sandbox.test.ts) counts and reads the same types.
 */
export const COUNTED_TYPES = SERVED_RESOURCE_TYPES;

/** How many records of each type the server holds. */
export async function census(gateway: FhirGateway): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of COUNTED_TYPES) {
    const { body } = await gateway.request<fhir.Bundle>({ method: 'GET', url: `${type}?_summary=count` });
    counts[type] = body?.total ?? -1;
  }
  return counts;
}

/** The plan without what differs from server to server: record references and the version a signature pinned. */
export function portablePlan(plan: TreatmentPlan | undefined): unknown {
  return JSON.parse(JSON.stringify(plan ?? null), (key, value: unknown) =>
    key === 'reference' || key === 'planVersion' ? undefined : value
  ) as unknown;
}
