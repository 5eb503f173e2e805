/**
 * The companion store named for the launched server in smart-config.json (app-config.ts `companion`), reached with
 * the access the entry gives: none (`open`) or its fixed bearer token (`bearer`, sandbox and development only).
 * Its CapabilityStatement is read here, once, before React renders, like the EHR's.
 */
import type * as fhir from 'fhir/r4';
import { createFetchGateway } from '../fhir/fetch-gateway.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import { DEFAULT_COMPANION_LABEL, findServer, type AppConfig, type CompanionEntry } from './app-config.ts';
import { describeError } from './describe-error.ts';
import type { Loaded } from './session.ts';

export interface CompanionConnection {
  readonly gateway: FhirGateway;
  /** Shown to the clinician: "the practice's companion store" unless the config names it. */
  readonly label: string;
  readonly capabilityStatement: Loaded<fhir.CapabilityStatement>;
}

export function companionGateway(entry: CompanionEntry, fetchImpl?: typeof fetch): FhirGateway {
  const token = entry.access === 'bearer' ? entry.bearerToken : undefined;
  return createFetchGateway({
    baseUrl: entry.fhirBaseUrl,
    ...(token === undefined ? {} : { authorization: () => Promise.resolve(`Bearer ${token}`) }),
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
}

/**
 * The companion store for the server at `serverUrl`, or undefined when the config names none. A companion that
 * cannot be read is still returned (with the failure): its profile then allows nothing, so the app saves as a
 * note and says why, rather than failing the launch.
 */
export async function connectCompanion(
  config: AppConfig,
  serverUrl: string,
  fetchImpl?: typeof fetch
): Promise<CompanionConnection | undefined> {
  const entry = findServer(config, serverUrl)?.companion;
  if (entry === undefined) return undefined;
  const gateway = companionGateway(entry, fetchImpl);
  let capabilityStatement: Loaded<fhir.CapabilityStatement>;
  try {
    capabilityStatement = { status: 'loaded', value: await gateway.read<fhir.CapabilityStatement>('metadata') };
  } catch (error) {
    capabilityStatement = { status: 'failed', problem: describeError(error).sentence };
  }
  return { gateway, label: entry.label ?? DEFAULT_COMPANION_LABEL, capabilityStatement };
}
