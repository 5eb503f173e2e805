/**
 * `GET [base]/metadata`: what this server really does, built from the same tables the request handling uses.
 * fhirclient's `client.patient.request()` reads the search parameters listed here to find the patient parameter
 * of a type, so every type lists its parameters; the SMART endpoints are announced in `rest.security`.
 * @see https://hl7.org/fhir/R4/capabilitystatement.html
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/conformance.html
 */
import type * as fhir from 'fhir/r4';
import type { BehaviourRules } from '../behaviour/behaviour-rules.ts';
import { followsInclude, typeRules } from '../behaviour/behaviour-rules.ts';
import { OPEN_RULES } from '../behaviour/open-rules.ts';
import { supportedSearchParameters } from './r4-definitions.ts';
import { SERVED_RESOURCE_TYPES, isServedResourceType } from './served-types.ts';
import type { ServedResourceType } from './served-types.ts';

const SMART_OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const SECURITY_SERVICE = 'http://terminology.hl7.org/CodeSystem/restful-security-service';

/** Fixed so the statement only changes when the server does. */
const STATEMENT_DATE = '2026-11-27';

/** The statement of a server that behaves by `rules` (default: the sandbox's own, open behaviour). */
export function capabilityStatement(base: string, rules: BehaviourRules = OPEN_RULES): fhir.CapabilityStatement {
  const origin = new URL(base).origin;
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: STATEMENT_DATE,
    publisher: 'Treatment plan sandbox EHR',
    kind: 'instance',
    software: { name: 'Treatment plan sandbox EHR (Medplum FHIR engine, in memory)' },
    implementation: { description: `Sandbox EHR with synthetic clients, behaving as: ${rules.title}`, url: base },
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
        resource: SERVED_RESOURCE_TYPES.map((type) => resourceCapability(type, rules)),
        interaction: systemInteractions(rules),
      },
    ],
  };
}

/** batch and transaction as offered; a transaction that runs as a batch says so. */
function systemInteractions(rules: BehaviourRules): fhir.CapabilityStatementRestInteraction[] {
  const out: fhir.CapabilityStatementRestInteraction[] = [];
  if (rules.transaction !== 'none') {
    const asBatch = 'Accepted, but run like a batch: each entry stands alone and earlier entries stay when one fails.';
    out.push({ code: 'transaction', ...(rules.transaction === 'as-batch' ? { documentation: asBatch } : {}) });
  }
  if (rules.batch) {
    out.push({ code: 'batch' });
  }
  return out;
}

function resourceCapability(type: ServedResourceType, rules: BehaviourRules): fhir.CapabilityStatementRestResource {
  const params = [...supportedSearchParameters(type).values()];
  const { interactions, search, omits } = typeRules(rules, type);
  const updates = interactions.includes('update');
  const required = search?.requireOneOf.map((names) => names.join(' and ')).join(', or ');
  const documentation = [
    required ? `Searches need ${required}.` : '',
    omits ? `Not returned: ${omits.map((element) => `${type}.${element}`).join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    type,
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    ...(documentation ? { documentation } : {}),
    interaction: interactions.map((code) => ({ code })),
    versioning: updates ? 'versioned-update' : 'versioned',
    readHistory: interactions.includes('vread'),
    updateCreate: updates && rules.updateCreate,
    conditionalCreate: interactions.includes('create') && rules.conditional,
    conditionalRead: 'not-supported',
    conditionalUpdate: updates && rules.conditional,
    conditionalDelete: interactions.includes('delete') && rules.conditional ? 'single' : 'not-supported',
    referencePolicy: ['literal', 'local'],
    searchInclude: params
      .filter((p) => p.type === 'reference')
      .map((p) => `${type}:${p.code}`)
      .filter((value) => followsInclude(rules.includes, value)),
    searchRevInclude: revIncludesOf(type).filter((value) => followsInclude(rules.revIncludes, value)),
    searchParam: params.map(({ code, type: paramType, definition }) => ({
      name: code,
      type: paramType,
      definition,
      ...searchParamDocumentation(rules, type, code),
    })),
  };
}

function searchParamDocumentation(
  rules: BehaviourRules,
  type: ServedResourceType,
  code: string
): { documentation?: string } {
  const search = typeRules(rules, type).search;
  const needed = search?.requireOneOf.some((names) => names.includes(code)) ?? false;
  const accepted = search?.acceptedValues?.[code];
  const said = [
    needed ? 'Required (see the resource documentation).' : '',
    accepted ? `Only ${accepted.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return said ? { documentation: said } : {};
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
