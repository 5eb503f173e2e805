import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccdaImportInput, CcdaInputError } from '../../src/exchange/ccda/index.ts';
import { looksLikeXml } from '../../src/exchange/index.ts';
import { readPlanInput } from '../../src/mapping/read-plan-input.ts';

const fixture = (name: string): string => readFileSync(resolve(import.meta.dirname, '../fixtures/ccda', name), 'utf8');

/** A minimal ClinicalDocument around one section's XML. */
const documentWith = (section: string): string => `<?xml version="1.0"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <id root="2.16.840.1.113883.19.5.99999.77" extension="DOC-2"/>
  <title>Care plan</title>
  <recordTarget><patientRole><id root="2.16.840.1.113883.19.5.99999.1" extension="TEST-MRN-1"/>
    <patient><name><given>Sam</given><family>Sample</family></name></patient></patientRole></recordTarget>
  <component><structuredBody><component>${section}</component></structuredBody></component>
</ClinicalDocument>`;

async function rejection(text: string, options?: { maxBytes: number }): Promise<CcdaInputError> {
  const error: unknown = await ccdaImportInput(text, options).then(
    () => undefined,
    (e: unknown) => e
  );
  if (!(error instanceof CcdaInputError)) throw new Error(`expected a CcdaInputError, got ${String(error)}`);
  return error;
}

describe('importing a CCD written by another EHR', () => {
  const text = fixture('ccd-plan-of-treatment.xml');

  it('reads problems, health concerns, goals, planned activities, interventions and outcomes into the plan', async () => {
    const imported = await ccdaImportInput(text);
    const { plan } = imported;

    expect(plan.client).toMatchObject({ name: 'Avery Testperson', birthDate: '1990-03-12', gender: 'female' });
    expect(plan.author).toEqual({ name: 'Morgan Example' });
    expect(plan.diagnoses).toEqual([
      expect.objectContaining({
        condition: {
          text: 'Generalized anxiety disorder',
          codes: [
            { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F41.1', display: 'Generalized anxiety disorder' },
            { system: 'http://snomed.info/sct', code: '21897009', display: 'Generalized anxiety disorder' },
          ],
        },
        clinicalStatus: 'active',
        onset: { date: '2025-06-01' },
        role: 'focus',
      }),
    ]);
    expect(plan.presentingConcerns.map((c) => c.concern.text)).toEqual(['Worry keeps her awake most nights']);
    const [sleep, anxiety] = plan.goals;
    expect(sleep?.description.text).toBe('Sleep at least six hours a night');
    expect(sleep?.addresses).toEqual([plan.presentingConcerns[0]?.id]);
    expect(anxiety?.description.text).toBe('GAD-7 total below 5');
    expect(plan.interventions.map((i) => i.technique.text)).toEqual([
      'Cognitive behavioral therapy',
      'Sleep hygiene teaching',
    ]);
    expect(plan.interventions[1]?.goalIds).toEqual([sleep?.id]);
    expect(plan.progress.measurements).toEqual([
      expect.objectContaining({ value: { value: 12, unit: '{score}' }, goalId: anxiety?.id }),
    ]);
  });

  it('lists the sections the plan has no place for, and hands the import records it reads in full', async () => {
    const imported = await ccdaImportInput(text);

    expect(imported.notUnderstood.map((n) => n.reason)).toEqual([
      'Medications: 1 entry in a section the treatment plan has no place for.',
      'Social History: a narrative section the treatment plan has no place for.',
    ]);
    expect(imported.notUnderstood[0]?.path).toBe('ClinicalDocument.component.structuredBody.component[6].section');
    const reading = readPlanInput(imported.input.json);
    expect(reading.source).toBe('care-plan');
    expect(reading.notUnderstood).toEqual([]);
    expect(reading.plan.goals.map((g) => g.id)).toEqual(imported.plan.goals.map((g) => g.id));
  });

  it('gives the same business ids on a second import, so the records match instead of doubling', async () => {
    const first = await ccdaImportInput(text);
    const second = await ccdaImportInput(text);
    expect(second.plan.id).toBe(first.plan.id);
    expect(second.plan.goals.map((g) => g.id)).toEqual(first.plan.goals.map((g) => g.id));
  });
});

describe('a goal that is itself a measure', () => {
  it('becomes a goal with that measure as its target', async () => {
    const text = documentWith(`<section>
      <templateId root="2.16.840.1.113883.10.20.22.2.60"/><code code="61146-7" codeSystem="2.16.840.1.113883.6.1"/>
      <title>Goals</title><text>PHQ-9 below 10</text>
      <entry><observation classCode="OBS" moodCode="GOL">
        <templateId root="2.16.840.1.113883.10.20.22.4.121"/><id root="2.16.840.1.113883.19.5.99999.40" extension="G-9"/>
        <code code="44261-6" codeSystem="2.16.840.1.113883.6.1" displayName="PHQ-9 total score"/>
        <statusCode code="active"/>
        <value xsi:type="IVL_PQ"><high value="10" unit="{score}" inclusive="false"/></value>
      </observation></entry></section>`);

    const { plan } = await ccdaImportInput(text);

    expect(plan.goals).toEqual([
      expect.objectContaining({
        description: { text: 'PHQ-9 total score', codes: [expect.objectContaining({ code: '44261-6' })] },
        targets: [
          {
            measure: { text: 'PHQ-9 total score', codes: [expect.objectContaining({ code: '44261-6' })] },
            comparator: '<',
            value: { value: 10, unit: '{score}' },
          },
        ],
      }),
    ]);
  });
});

describe('input that is no C-CDA document', () => {
  it('refuses malformed XML with the line and column of the problem', async () => {
    const error = await rejection(
      '<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n  <title>Plan</titel>\n</ClinicalDocument>'
    );
    expect(error.code).toBe('invalid-xml');
    expect(error.message).toBe(
      'The file is not well-formed XML at line 3, column 14: </titel> where </title> was expected (opened at line 3).'
    );
    expect([error.line, error.column]).toEqual([3, 14]);
  });

  it('refuses a document cut off before its end', async () => {
    const whole = fixture('ccd-plan-of-treatment.xml');
    const error = await rejection(whole.slice(0, whole.length / 2));
    expect(error.code).toBe('invalid-xml');
    expect(error.message).toMatch(/is never closed|never ends/);
  });

  it('refuses an unescaped ampersand in text', async () => {
    const error = await rejection(documentWith('<section><title>Drugs & alcohol</title></section>'));
    expect(error).toMatchObject({ code: 'invalid-xml', line: 7 });
    expect(error.message).toMatch(/"&" that starts no entity/);
  });

  it('refuses well-formed XML that is not a ClinicalDocument', async () => {
    const error = await rejection('<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/></Bundle>');
    expect(error.code).toBe('not-ccda');
    expect(error.message).toMatch(/root element is <Bundle>/);
  });

  it('refuses a document that names no patient', async () => {
    const text = documentWith('<section><title>Goals</title></section>').replace(
      /<recordTarget>[\s\S]*<\/recordTarget>/,
      ''
    );
    const error = await rejection(text);
    expect(error.code).toBe('not-ccda');
    expect(error.message).toBe('The C-CDA document names no patient (it has no recordTarget/patientRole).');
  });

  it('refuses an empty file and one over the size limit before parsing it', async () => {
    expect((await rejection('  \n')).code).toBe('empty');
    const large = await rejection(fixture('ccd-plan-of-treatment.xml'), { maxBytes: 1024 });
    expect(large.code).toBe('too-large');
    expect(large.message).toMatch(/an import takes at most 0\.0 MB/);
  });

  it('gives the size of the document in UTF-8 bytes, as the file has it', async () => {
    const text = fixture('ccd-plan-of-treatment.xml').replace('<title>', '<title>Zoë’s plan 😀 ');
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(text.length);
    const imported = await ccdaImportInput(text);
    expect(imported.input.bytes).toBe(new TextEncoder().encode(text).length);
  });

  it('tells XML from JSON by its first character', () => {
    expect(looksLikeXml('\uFEFF  <?xml version="1.0"?><ClinicalDocument/>')).toBe(true);
    expect(looksLikeXml('{"resourceType":"Bundle"}')).toBe(false);
  });
});
