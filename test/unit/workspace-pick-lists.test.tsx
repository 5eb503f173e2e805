// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as fhir from 'fhir/r4';
import { afterEach, describe, expect, test } from 'vitest';
import { SYSTEM } from '../../src/mapping/codes.ts';
import { fieldAnchor } from '../../src/workspace/sections.ts';
import {
  codeOf,
  CREDENTIALS,
  optionNamed,
  OUTCOME_MEASURES,
  PLACES_OF_SERVICE,
  PROVIDER_SPECIALTIES,
  RESPONSIBILITY_ROLES,
  SERVICE_TYPES,
  THERAPY_MODALITIES,
  type PickOption,
} from '../../src/workspace/pick-lists.ts';
import { VALUE_SETS } from '../../src/workspace/value-sets.generated.ts';
import { expandPickLists, PICK_LIST_VALUE_SETS } from '../../tools/pick-lists/expand.ts';
import { moduleFile, renderModule } from '../../tools/pick-lists/render.ts';
import { buttonNamed, click, renderWorkspace, setupFor, type Rendered } from './ui-workspace-harness.tsx';
import { exampleRecords } from './workspace-example-records.ts';

const generated = resolve(import.meta.dirname, '../../fhir-profiles/generated');
const valueSet = (id: string): fhir.ValueSet =>
  JSON.parse(readFileSync(resolve(generated, `ValueSet-${id}.json`), 'utf8')) as fhir.ValueSet;
const codeSystems: readonly fhir.CodeSystem[] = readdirSync(generated)
  .filter((name) => name.startsWith('CodeSystem-'))
  .map((name) => JSON.parse(readFileSync(resolve(generated, name), 'utf8')) as fhir.CodeSystem);

/** `system|code` of every code a ValueSet file holds: listed concepts, or every concept of our CodeSystem file. */
function valueSetCodes(id: string): string[] {
  return (valueSet(id).compose?.include ?? []).flatMap((include) => {
    const system = include.system ?? '';
    const concepts = include.concept ?? codeSystems.find((c) => c.url === system)?.concept;
    if (concepts === undefined) throw new Error(`no CodeSystem file for ${system}`);
    return concepts.map((c) => `${system}|${c.code}`);
  });
}

const keys = (options: readonly PickOption[]): string[] => options.map((o) => `${o.system}|${o.code}`);

describe('the generated pick-list module', () => {
  test('holds every code of each pick-list ValueSet, with its system, and nothing else', () => {
    expect(Object.keys(VALUE_SETS)).toEqual([...PICK_LIST_VALUE_SETS]);
    for (const id of PICK_LIST_VALUE_SETS) {
      const module = VALUE_SETS[id];
      expect(module.url).toBe(valueSet(id).url);
      const held = module.systems.flatMap((s) => s.codes.map(([code]) => `${s.system}|${code}`));
      expect(held, id).toEqual(valueSetCodes(id));
    }
  });

  test('is what `npm run pick-lists` writes today (the CI check would pass)', async () => {
    const fresh = await renderModule(await expandPickLists(generated, readdirSync(generated).sort()));
    expect(fresh).toBe(readFileSync(moduleFile, 'utf8'));
  });
});

describe('the forms’ pick lists are the ValueSets’ codes', () => {
  test('places of service, kinds of session, modalities, credentials, specialties, roles and measures', () => {
    expect(keys(PLACES_OF_SERVICE)).toEqual(valueSetCodes('places-of-service'));
    expect(keys(SERVICE_TYPES)).toEqual(valueSetCodes('session-types'));
    expect(keys(THERAPY_MODALITIES)).toEqual(valueSetCodes('therapy-modalities'));
    expect(keys(CREDENTIALS)).toEqual(valueSetCodes('credentials'));
    expect(keys(PROVIDER_SPECIALTIES)).toEqual(valueSetCodes('provider-taxonomy'));
    expect(keys(RESPONSIBILITY_ROLES)).toEqual(valueSetCodes('responsibility-roles'));
    expect(keys(OUTCOME_MEASURES)).toEqual(valueSetCodes('outcome-measures'));
  });

  test('their systems are the ones the mapping writes', () => {
    expect(new Set(PLACES_OF_SERVICE.map((o) => o.system))).toEqual(new Set([SYSTEM.placeOfService]));
    expect(new Set(SERVICE_TYPES.map((o) => o.system))).toEqual(new Set([SYSTEM.cpt]));
    expect(new Set(THERAPY_MODALITIES.map((o) => o.system))).toEqual(new Set([SYSTEM.snomed, SYSTEM.therapyModality]));
    expect(new Set(PROVIDER_SPECIALTIES.map((o) => o.system))).toEqual(new Set([SYSTEM.nucc]));
    expect(new Set(OUTCOME_MEASURES.map((o) => o.system))).toEqual(new Set([SYSTEM.loinc]));
  });

  test('every option has words a clinician reads, never a bare code, and each role names a party once', () => {
    for (const option of [...PLACES_OF_SERVICE, ...SERVICE_TYPES, ...THERAPY_MODALITIES, ...OUTCOME_MEASURES]) {
      expect(option.label, option.code).not.toBe(option.code);
    }
    for (const option of PROVIDER_SPECIALTIES) expect(option.label).toMatch(/^[A-Z][a-z]/);
    expect(RESPONSIBILITY_ROLES.map((r) => r.party)).toEqual(['client', 'clinician', 'family', 'other']);
    expect(PLACES_OF_SERVICE.find((p) => p.code === '10')?.mode).toBe('telehealth');
    expect(PLACES_OF_SERVICE.find((p) => p.code === '11')?.mode).toBe('in-person');
  });

  test('a code keeps the ValueSet’s display for the record, and typed words find their option', () => {
    const home = PLACES_OF_SERVICE.find((p) => p.code === '10');
    expect(home && codeOf(home)).toEqual({
      system: SYSTEM.placeOfService,
      code: '10',
      display: "Telehealth Provided in Patient's Home",
    });
    expect(optionNamed(THERAPY_MODALITIES, '  motivational   INTERVIEWING ')?.code).toBe('motivational-interviewing');
    expect(optionNamed(OUTCOME_MEASURES, 'PHQ-9 total score')?.code).toBe('44261-6');
    expect(optionNamed(THERAPY_MODALITIES, 'Walking therapy')).toBeUndefined();
  });
});

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

describe('the workspace forms offer the ValueSets’ codes', () => {
  test('session selects, the modality and measure suggestions, and one responsibility group per role', () => {
    const records = exampleRecords('george-smith');
    rendered = renderWorkspace(setupFor(records), records);
    const page = rendered.page;
    click(buttonNamed(page, 'Start a revision'));
    const optionValues = (path: string): string[] =>
      [...(page.querySelector(`#${fieldAnchor(path)}`)?.querySelectorAll('option') ?? [])]
        .map((o) => o.value)
        .filter((v) => v !== '');
    expect(optionValues('session.placeOfService')).toEqual(PLACES_OF_SERVICE.map((p) => p.code));
    expect(optionValues('session.serviceType')).toEqual(SERVICE_TYPES.map((p) => p.code));
    const datalist = (path: string): string[] =>
      [...(page.querySelector(`#${fieldAnchor(path)}-options`)?.querySelectorAll('option') ?? [])].map((o) => o.value);
    expect(datalist('schedule.modality')).toEqual(THERAPY_MODALITIES.map((m) => m.label));
    expect(datalist('goals[0].targets[0].measure')).toEqual(OUTCOME_MEASURES.map((m) => m.label));
    const legends = [...page.querySelectorAll('.responsibilities legend')].map((l) => l.textContent);
    expect(legends).toEqual(RESPONSIBILITY_ROLES.map((r) => r.label));
  });
});
