/**
 * Expands ValueSets into the codes they allow, where that can be done from the definitions we hold, so that
 * required bindings can be checked without a terminology server (`@medplum/core`'s validator does not check
 * them). A ValueSet that draws on a code system we do not hold in full (SNOMED CT, LOINC, UCUM ...) by
 * filter or as a whole cannot be enumerated; such bindings are reported as unchecked, never guessed.
 *
 * ValueSet.compose: https://hl7.org/fhir/R4/valueset.html#compose
 */
import type * as fhir from 'fhir/r4';

/** The codes a ValueSet allows: `system|code` keys, and the bare codes for `code`-typed elements. */
export interface CodeSet {
  readonly codings: ReadonlySet<string>;
  readonly codes: ReadonlySet<string>;
}

export interface Terminology {
  /** The ValueSet's codes, or undefined when they cannot be enumerated offline. */
  expand(valueSetUrl: string): CodeSet | undefined;
}

const codingKey = (system: string, code: string): string => `${system}|${code}`;

/** A canonical without its `|version` suffix. */
export const withoutVersion = (canonical: string): string => canonical.split('|')[0] ?? canonical;

type ConceptTree = fhir.CodeSystemConcept[];

function allCodes(concepts: ConceptTree | undefined, into: string[] = []): string[] {
  for (const concept of concepts ?? []) {
    into.push(concept.code);
    allCodes(concept.concept, into);
  }
  return into;
}

function findConcept(concepts: ConceptTree | undefined, code: string): fhir.CodeSystemConcept | undefined {
  for (const concept of concepts ?? []) {
    if (concept.code === code) return concept;
    const nested = findConcept(concept.concept, code);
    if (nested) return nested;
  }
  return undefined;
}

/** Codes selected by one filter, from the concept hierarchy (nested concepts); undefined if unsupported. */
function filterCodes(system: fhir.CodeSystem, filter: fhir.ValueSetComposeIncludeFilter): string[] | undefined {
  if (filter.property !== 'concept') return undefined;
  const root = findConcept(system.concept, filter.value);
  if (filter.op === 'is-a') return root ? allCodes([root]) : [];
  if (filter.op === 'descendent-of') return root ? allCodes(root.concept) : [];
  if (filter.op === 'is-not-a') {
    const excluded = new Set(root ? allCodes([root]) : []);
    return allCodes(system.concept).filter((code) => !excluded.has(code));
  }
  return undefined;
}

/** ValueSets and CodeSystems by URL; later ones win on a shared URL. */
export function byUrl(resources: readonly (fhir.ValueSet | fhir.CodeSystem)[]): {
  readonly valueSets: ReadonlyMap<string, fhir.ValueSet>;
  readonly codeSystems: ReadonlyMap<string, fhir.CodeSystem>;
} {
  const valueSets = new Map<string, fhir.ValueSet>();
  const codeSystems = new Map<string, fhir.CodeSystem>();
  for (const resource of resources) {
    if (!resource.url) continue;
    if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource);
    else codeSystems.set(resource.url, resource);
  }
  return { valueSets, codeSystems };
}

/** Builds a Terminology over the given ValueSets and CodeSystems (later ones win on duplicate URLs). */
export function createTerminology(resources: readonly (fhir.ValueSet | fhir.CodeSystem)[]): Terminology {
  const { valueSets, codeSystems } = byUrl(resources);
  const expansions = new Map<string, CodeSet | undefined>();

  /** The `system|code` keys one include (or exclude) selects; undefined when it cannot be enumerated. */
  function select(include: fhir.ValueSetComposeInclude, seen: Set<string>): string[] | undefined {
    const keys: string[] = [];
    for (const url of include.valueSet ?? []) {
      const imported = expandOnce(withoutVersion(url), seen);
      if (!imported) return undefined;
      keys.push(...imported.codings);
    }
    if (include.system === undefined) return keys;
    const system = include.system;
    if (include.concept) return [...keys, ...include.concept.map((c) => codingKey(system, c.code))];
    const codeSystem = codeSystems.get(system);
    if (codeSystem?.content !== 'complete') return undefined;
    let codes = allCodes(codeSystem.concept);
    for (const filter of include.filter ?? []) {
      const selected = filterCodes(codeSystem, filter);
      if (!selected) return undefined;
      const allowed = new Set(selected);
      codes = codes.filter((code) => allowed.has(code));
    }
    return [...keys, ...codes.map((code) => codingKey(system, code))];
  }

  function expandOnce(url: string, seen: Set<string>): CodeSet | undefined {
    if (expansions.has(url)) return expansions.get(url);
    const valueSet = valueSets.get(url);
    if (!valueSet?.compose || seen.has(url)) return undefined;
    seen.add(url);
    const included = new Set<string>();
    let enumerable = true;
    for (const include of valueSet.compose.include) {
      const keys = select(include, seen);
      if (keys) keys.forEach((key) => included.add(key));
      else enumerable = false;
    }
    for (const exclude of valueSet.compose.exclude ?? []) {
      const keys = select(exclude, seen);
      if (keys) keys.forEach((key) => included.delete(key));
      else enumerable = false;
    }
    const codeSet = enumerable
      ? { codings: included, codes: new Set([...included].map((key) => key.slice(key.indexOf('|') + 1))) }
      : undefined;
    expansions.set(url, codeSet);
    return codeSet;
  }

  return { expand: (url) => expandOnce(withoutVersion(url), new Set()) };
}

export const hasCoding = (set: CodeSet, system: string | undefined, code: string | undefined): boolean =>
  system !== undefined && code !== undefined && set.codings.has(codingKey(system, code));
