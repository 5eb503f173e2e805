/**
 * `GET [base]/metadata`: what this server really does, built from the same tables the request handling uses.
 * fhirclient's `client.patient.request()` reads the search parameters listed here to find the patient parameter
 * of a type, so every type lists its parameters; the SMART endpoints are announced in `rest.security`.
 * @see https://hl7.org/fhir/R4/capabilitystatement.html
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/conformance.html
 */
import type * as fhir from 'fhir/r4';
import { supportedSearchParameters } from './r4-definitions.ts';
import {
  SERVED_RESOURCE_TYPES,
  SERVED_SYSTEM_INTERACTIONS,
  SERVED_TYPE_INTERACTIONS,
  isServedResourceType,
} from './served-types.ts';
import type { ServedResourceType } from './served-types.ts';

const SMART_OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const SECURITY_SERVICE = 'http://terminology.hl7.org/CodeSystem/restful-security-service';

/** Fixed so the statement only changes when the server does. */
const STATEMENT_DATE = '2026-11-27';

export function capabilityStatement(base: string): fhir.CapabilityStatement {
  const origin = new URL(base).origin;
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: STATEMENT_DATE,
    publisher: 'Treatment plan sandbox EHR',
    kind: 'instance',
    software: { name: 'Treatment plan sandbox EHR (Medplum FHIR engine, in memory)' },
    implementation: { description: 'Sandbox EHR with synthetic clients', url: base },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    patchFormat: ['application/json-patch+json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: true,
          service: [
            {
              coding: [{ system: SECURITY_SERVICE, code: 'SMART-on-FHIR' }],
              text: 'OAuth2 using SMART-on-FHIR profile',
            },
          ],
          extension: [
            {
              url: SMART_OAUTH_URIS,
              extension: [
                { url: 'authorize', valueUri: `${origin}/auth/authorize` },
                { url: 'token', valueUri: `${origin}/auth/token` },
              ],
            },
          ],
        },
        resource: SERVED_RESOURCE_TYPES.map(resourceCapability),
        interaction: SERVED_SYSTEM_INTERACTIONS.map((code) => ({ code })),
      },
    ],
  };
}

function resourceCapability(type: ServedResourceType): fhir.CapabilityStatementRestResource {
  const params = [...supportedSearchParameters(type).values()];
  return {
    type,
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    interaction: SERVED_TYPE_INTERACTIONS.map((code) => ({ code })),
    versioning: 'versioned-update',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    conditionalRead: 'not-supported',
    conditionalUpdate: true,
    conditionalDelete: 'single',
    referencePolicy: ['literal', 'local'],
    searchInclude: params.filter((p) => p.type === 'reference').map((p) => `${type}:${p.code}`),
    searchRevInclude: revIncludesOf(type),
    searchParam: params.map(({ code, type: paramType, definition }) => ({ name: code, type: paramType, definition })),
  };
}

/** `Other:param` for every served type with a reference parameter that can point at `type`. */
function revIncludesOf(type: string): string[] {
  const out: string[] = [];
  for (const other of SERVED_RESOURCE_TYPES) {
    for (const param of supportedSearchParameters(other).values()) {
      if (param.type === 'reference' && param.target.includes(type) && isServedResourceType(other)) {
        out.push(`${other}:${param.code}`);
      }
    }
  }
  return out;
}
