/**
 * The validation pack: R4 and our conformance resources cut down to what `checkConformance` reads, so the app
 * can check an import in the browser with the same rules as the command-line tool (which reads the full
 * definitions in Node). Full R4 is about 53 MB of JSON; the pack keeps every StructureDefinition's snapshot
 * without its documentation, and only the ValueSets and CodeSystems behind required bindings.
 *
 * Kept, because the checks read them (src/conformance/check.ts, typed-checks.ts, terminology.ts and
 * `@medplum/core`'s validator): per StructureDefinition its identity, kind, type, base and derivation, context and
 * extensions; per element path, cardinality, base, types (with their extensions, which name primitive types),
 * content references, fixed and pattern values, slicing, bindings, and constraints with key, severity,
 * expression and `human` (the message an unmet constraint reports). Dropped: narrative, descriptions, mappings,
 * examples, summary and must-support flags, ele-1 (checked by neither) and the differential (the snapshot says it
 * all). test/unit/conformance-validation-pack.test.ts holds the pack to finding what the full definitions find.
 *
 * Pure; tools/build/validation-pack-plugin.ts builds it at build time from what Node reads.
 */
import type * as fhir from 'fhir/r4';
import type { DefinitionSources } from './definitions.ts';
import { byUrl, withoutVersion } from './terminology.ts';

/** What a StructureDefinition says for readers only. */
const DEFINITION_DOCUMENTATION = [
  'text',
  'description',
  'purpose',
  'copyright',
  'mapping',
  'contact',
  'publisher',
  'date',
  'jurisdiction',
  'keyword',
  'useContext',
  'differential',
  // Maturity, standards status and work group: for readers.
  'extension',
] as const satisfies readonly (keyof fhir.StructureDefinition)[];

/** What an element says for readers only. */
const ELEMENT_DOCUMENTATION = [
  'short',
  'definition',
  'comment',
  'requirements',
  'alias',
  'label',
  'mapping',
  'example',
  'meaningWhenMissing',
  'orderMeaning',
  'isModifierReason',
  // Flags for summaries and implementers, which no check reads.
  'isModifier',
  'isSummary',
  'mustSupport',
] as const satisfies readonly (keyof fhir.ElementDefinition)[];

function without<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const dropped = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.has(key))) as T;
}

function packElement(element: fhir.ElementDefinition): fhir.ElementDefinition {
  const packed = without(element, ELEMENT_DOCUMENTATION);
  if (element.binding) {
    // A binding's description and its name extensions are for readers; strength and ValueSet are the rule.
    packed.binding = without(element.binding, ['description', 'extension']);
  }
  if (element.constraint) {
    // ele-1 (every element has a value or children) sits on every element; the structure check covers it, and
    // both `@medplum/core`'s validator and datatype-invariants.ts skip it.
    packed.constraint = element.constraint
      .filter((constraint) => constraint.key !== 'ele-1')
      .map((constraint) => without(constraint, ['xpath', 'source', 'requirements', 'extension']));
  }
  return packed;
}

function packDefinition(definition: fhir.StructureDefinition): fhir.StructureDefinition {
  const packed = without(definition, DEFINITION_DOCUMENTATION);
  if (definition.snapshot) packed.snapshot = { element: definition.snapshot.element.map(packElement) };
  return packed;
}

function packConcepts(concepts: readonly fhir.CodeSystemConcept[]): fhir.CodeSystemConcept[] {
  return concepts.map((concept) => ({
    code: concept.code,
    ...(concept.concept ? { concept: packConcepts(concept.concept) } : {}),
  }));
}

/**
 * The ValueSets behind required bindings (with the ValueSets they import) and the CodeSystems they draw on whole
 * or by filter: what `createTerminology` needs to expand those bindings, each cut to its compose or its codes.
 */
function requiredTerminology(
  definitions: readonly fhir.StructureDefinition[],
  terminology: readonly (fhir.ValueSet | fhir.CodeSystem)[]
): (fhir.ValueSet | fhir.CodeSystem)[] {
  // Later resources win on a shared URL, as in createTerminology.
  const { valueSets, codeSystems } = byUrl(terminology);
  const keptValueSets = new Map<string, fhir.ValueSet>();
  const keptCodeSystems = new Map<string, fhir.CodeSystem>();
  const keep = (canonical: string): void => {
    const url = withoutVersion(canonical);
    const valueSet = valueSets.get(url);
    if (valueSet?.compose === undefined || keptValueSets.has(url)) return;
    keptValueSets.set(url, { resourceType: 'ValueSet', url, status: valueSet.status, compose: valueSet.compose });
    for (const part of [...valueSet.compose.include, ...(valueSet.compose.exclude ?? [])]) {
      part.valueSet?.forEach(keep);
      const codeSystem = part.system === undefined ? undefined : codeSystems.get(part.system);
      if (codeSystem?.url !== undefined && part.concept === undefined && !keptCodeSystems.has(codeSystem.url)) {
        keptCodeSystems.set(codeSystem.url, {
          resourceType: 'CodeSystem',
          url: codeSystem.url,
          status: codeSystem.status,
          content: codeSystem.content,
          ...(codeSystem.concept ? { concept: packConcepts(codeSystem.concept) } : {}),
        });
      }
    }
  };
  for (const definition of definitions) {
    for (const element of definition.snapshot?.element ?? []) {
      const binding = element.binding;
      if (binding?.strength === 'required' && binding.valueSet !== undefined) keep(binding.valueSet);
    }
  }
  return [...keptValueSets.values(), ...keptCodeSystems.values()];
}

/** The pack for the given definitions, in the same order (later definitions of a URL still win). */
export function validationPack(sources: DefinitionSources): DefinitionSources {
  return {
    structureDefinitions: sources.structureDefinitions.map(packDefinition),
    terminology: requiredTerminology(sources.structureDefinitions, sources.terminology),
  };
}
