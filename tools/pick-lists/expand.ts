/**
 * Expands the ValueSets behind the forms' pick lists from the conformance resources `npm run profiles` writes
 * (fhir-profiles/generated): listed concepts as they are, a whole code system from our CodeSystem file for it.
 * Only what a pick list needs is kept: system, code and display.
 * @see https://hl7.org/fhir/R4/valueset.html#compose
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';

/** The ValueSets (by id) whose codes the forms offer. */
export const PICK_LIST_VALUE_SETS = [
  'places-of-service',
  'session-types',
  'session-classes',
  'therapy-modalities',
  'credentials',
  'provider-taxonomy',
  'responsibility-roles',
  'outcome-measures',
] as const;

export interface ExpandedSystem {
  readonly system: string;
  /** `[code, display]`; the display is empty when neither the ValueSet nor our CodeSystem gives one. */
  readonly codes: readonly (readonly [string, string])[];
}

export interface ExpandedValueSet {
  readonly id: string;
  readonly url: string;
  readonly systems: readonly ExpandedSystem[];
}

async function readJson<T>(dir: string, name: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
}

/** Our CodeSystem files by canonical URL. */
async function codeSystems(dir: string, names: readonly string[]): Promise<Map<string, fhir.CodeSystem>> {
  const systems = new Map<string, fhir.CodeSystem>();
  for (const name of names.filter((n) => n.startsWith('CodeSystem-') && n.endsWith('.json'))) {
    const system = await readJson<fhir.CodeSystem>(dir, name);
    if (system.url !== undefined) systems.set(system.url, system);
  }
  return systems;
}

function expandInclude(
  valueSet: string,
  include: fhir.ValueSetComposeInclude,
  systems: ReadonlyMap<string, fhir.CodeSystem>
): ExpandedSystem {
  const system = include.system;
  if (system === undefined || include.valueSet !== undefined || include.filter !== undefined) {
    throw new Error(`ValueSet ${valueSet}: only includes of a system, whole or by concept, make a pick list.`);
  }
  const known = systems.get(system);
  const displayOf = (code: string): string => known?.concept?.find((c) => c.code === code)?.display ?? '';
  if (include.concept !== undefined) {
    return { system, codes: include.concept.map((c) => [c.code, c.display ?? displayOf(c.code)] as const) };
  }
  if (known?.concept === undefined) {
    throw new Error(`ValueSet ${valueSet} includes all of ${system}, but no CodeSystem file lists its codes.`);
  }
  return { system, codes: known.concept.map((c) => [c.code, c.display ?? ''] as const) };
}

/** The pick-list ValueSets of `dir`, expanded, in the order of PICK_LIST_VALUE_SETS. */
export async function expandPickLists(dir: string, names: readonly string[]): Promise<ExpandedValueSet[]> {
  const systems = await codeSystems(dir, names);
  const expanded: ExpandedValueSet[] = [];
  for (const id of PICK_LIST_VALUE_SETS) {
    const valueSet = await readJson<fhir.ValueSet>(dir, `ValueSet-${id}.json`);
    const includes = valueSet.compose?.include ?? [];
    if ((valueSet.compose?.exclude ?? []).length > 0) throw new Error(`ValueSet ${id}: excludes are not supported.`);
    expanded.push({ id, url: valueSet.url ?? '', systems: includes.map((i) => expandInclude(id, i, systems)) });
  }
  return expanded;
}
