/**
 * What a FHIR server says about its SMART authorization: from `/.well-known/smart-configuration` or, for older
 * servers, from the CapabilityStatement's `rest.security` extensions.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/conformance.html
 */
import { isObject as isRecord } from '../plan/json-object.ts';

export interface SmartConfiguration {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  /** e.g. `launch-ehr`, `permission-v2`, `permission-offline`, `context-banner`. */
  readonly capabilities: readonly string[];
  readonly code_challenge_methods_supported: readonly string[];
  readonly scopes_supported?: readonly string[];
}

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const CAPABILITIES = 'http://fhir-registry.smarthealthit.org/StructureDefinition/capabilities';

/** Reads a smart-configuration document; undefined when it lacks the two endpoints a launch needs. */
export function smartConfigurationFromJson(json: unknown): SmartConfiguration | undefined {
  if (!isRecord(json)) {
    return undefined;
  }
  const authorize = json['authorization_endpoint'];
  const token = json['token_endpoint'];
  if (typeof authorize !== 'string' || typeof token !== 'string' || !authorize || !token) {
    return undefined;
  }
  const scopes = stringList(json['scopes_supported']);
  return {
    authorization_endpoint: authorize,
    token_endpoint: token,
    capabilities: stringList(json['capabilities']) ?? [],
    code_challenge_methods_supported: stringList(json['code_challenge_methods_supported']) ?? [],
    ...(scopes === undefined ? {} : { scopes_supported: scopes }),
  };
}

/**
 * Reads the SMART endpoints from a CapabilityStatement (`rest[0].security.extension` oauth-uris, and the
 * deprecated `capabilities` extension); undefined when the server advertises no OAuth endpoints (an open server).
 * @see https://hl7.org/fhir/smart-app-launch/STU1/conformance/index.html#declaring-support-for-oauth2-endpoints
 */
export function smartConfigurationFromCapabilityStatement(json: unknown): SmartConfiguration | undefined {
  if (!isRecord(json) || json['resourceType'] !== 'CapabilityStatement' || !Array.isArray(json['rest'])) {
    return undefined;
  }
  const rest: unknown = json['rest'][0];
  const security = isRecord(rest) ? rest['security'] : undefined;
  const extensions = isRecord(security) && Array.isArray(security['extension']) ? security['extension'] : [];
  const uris = new Map<string, string>();
  const capabilities: string[] = [];
  for (const extension of extensions as unknown[]) {
    if (!isRecord(extension)) {
      continue;
    }
    if (extension['url'] === OAUTH_URIS && Array.isArray(extension['extension'])) {
      for (const inner of extension['extension'] as unknown[]) {
        if (isRecord(inner) && typeof inner['url'] === 'string' && typeof inner['valueUri'] === 'string') {
          uris.set(inner['url'], inner['valueUri']);
        }
      }
    }
    if (extension['url'] === CAPABILITIES && typeof extension['valueCode'] === 'string') {
      capabilities.push(extension['valueCode']);
    }
  }
  const authorize = uris.get('authorize');
  const token = uris.get('token');
  if (!authorize || !token) {
    return undefined;
  }
  return {
    authorization_endpoint: authorize,
    token_endpoint: token,
    capabilities,
    code_challenge_methods_supported: [],
  };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}
