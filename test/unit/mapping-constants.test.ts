import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as fhir from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CANONICAL,
  CODING,
  EXTENSION,
  NOTE_KIND,
  OUTCOME_MEASURE_CODES,
  OWN_TERMINOLOGY,
  PROFILE,
  SYSTEM,
} from '../../src/mapping/codes.ts';
import { profilesProjectDir } from '../../tools/profiles/paths.ts';
import { readGenerated } from '../../tools/profiles/definitions.ts';

let generated: fhir.FhirResource[];
beforeAll(async () => {
  generated = await readGenerated();
});

const byUrl = (url: string): fhir.FhirResource | undefined =>
  generated.find((r) => 'url' in r && (r as { url?: string }).url === url);
const conceptCodes = (url: string): string[] =>
  ((byUrl(url) as fhir.CodeSystem | undefined)?.concept ?? []).map((c) => c.code);

describe('the constants module', () => {
  it('spells the same canonical as the SUSHI project', async () => {
    const config = await readFile(join(profilesProjectDir, 'sushi-config.yaml'), 'utf8');
    expect(config).toContain(`canonical: ${CANONICAL}\n`);
  });

  it.each(Object.entries(PROFILE))('names a profile (%s) that fhir-profiles/generated defines', (_, url) => {
    const definition = byUrl(url) as fhir.StructureDefinition | undefined;
    expect(definition?.resourceType).toBe('StructureDefinition');
    expect(definition?.derivation).toBe('constraint');
    expect(definition?.snapshot?.element.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(EXTENSION).filter(([, url]) => url.startsWith(CANONICAL)))(
    'names an extension of ours (%s) that fhir-profiles/generated defines',
    (_, url) => {
      expect((byUrl(url) as fhir.StructureDefinition | undefined)?.type).toBe('Extension');
    }
  );

  it.each([...OWN_TERMINOLOGY.codeSystems, ...OWN_TERMINOLOGY.valueSets])(
    'names a ValueSet or CodeSystem (%s) that exists',
    (url) => {
      expect(['ValueSet', 'CodeSystem']).toContain(byUrl(url)?.resourceType);
    }
  );

  it('uses only codes its own code systems define', () => {
    expect(conceptCodes(SYSTEM.planNoteKind).sort()).toEqual(Object.values(NOTE_KIND).sort());
    expect(conceptCodes(SYSTEM.planActivityKind).sort()).toEqual(
      [CODING.careSchedule.code, CODING.responsibility.code].sort()
    );
    expect(conceptCodes(SYSTEM.responsibilityRole)).toEqual(
      expect.arrayContaining(['client', 'clinician', 'family-guardian', 'other'])
    );
  });

  it('knows exactly the outcome measures of the assessment-score value set', () => {
    const valueSet = byUrl(`${CANONICAL}/ValueSet/outcome-measures`) as fhir.ValueSet;
    const codes = (valueSet.compose?.include ?? []).flatMap((i) => (i.concept ?? []).map((c) => c.code));
    expect(codes.sort()).toEqual([...OUTCOME_MEASURE_CODES].sort());
  });

  it('never uses a ValueSet URL as a code system', () => {
    for (const system of Object.values(SYSTEM)) expect(system).not.toMatch(/\/ValueSet\//);
  });
});
