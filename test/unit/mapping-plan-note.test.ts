// @vitest-environment jsdom
/**
 * The plan filed as a note, without a server: the XHTML (well-formed, the print outline's sections, only the
 * tags Oracle Health keeps, hostile text left as text), the DocumentReference for a first save, an update and
 * a superseding save, which note on record is the current one, and which records go beside the note.
 */
import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { noteRecordsToFhir, planForNote } from '../../src/mapping/plan-note-records.ts';
import {
  currentPlanNote,
  planNoteKey,
  planNotePdfOf,
  planNoteToFhir,
  planNoteXhtmlOf,
} from '../../src/mapping/plan-note.ts';
import type { TreatmentPlan } from '../../src/plan/index.ts';
import { planNoteXhtml } from '../../src/workspace/plan-note-xhtml.ts';
import { planOutline } from '../../src/workspace/plan-outline.ts';
import { samplePlan } from './plan-fixtures.ts';

const RECORD_ID = 'https://treatment-plan.example.org/fhir/sid/record-id';
const KEPT_TAGS = [
  'html',
  'head',
  'title',
  'body',
  'h1',
  'h2',
  'h3',
  'p',
  'ul',
  'li',
  'table',
  'tbody',
  'tr',
  'th',
  'td',
];
const PDF = new TextEncoder().encode('%PDF-1.7 test');
const DATE = '2026-03-02T16:00:00.000Z';

function parse(xhtml: string): Document {
  return new DOMParser().parseFromString(xhtml, 'application/xhtml+xml');
}

function hostilePlan(): TreatmentPlan {
  const plan = samplePlan();
  const [first, ...rest] = plan.diagnoses;
  if (first === undefined) throw new Error('the sample plan has diagnoses');
  return {
    ...plan,
    title: 'Plan <script>alert("title")</script> & more',
    diagnoses: [{ ...first, condition: { ...first.condition, text: '<img src=x onerror=alert(1)>\u0007' } }, ...rest],
  };
}

describe('the plan as the XHTML of a note', () => {
  test('is well-formed XHTML with only the tags a sanitising EHR keeps, and hostile text stays text', () => {
    const doc = parse(planNoteXhtml(hostilePlan()));
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    const tags = new Set([...doc.getElementsByTagName('*')].map((element) => element.localName));
    expect([...tags].filter((tag) => !KEPT_TAGS.includes(tag))).toEqual([]);
    expect([...doc.getElementsByTagName('*')].flatMap((element) => element.getAttributeNames())).toEqual(['xmlns']);
    expect(doc.getElementsByTagName('h1')[0]?.textContent).toBe('Plan <script>alert("title")</script> & more');
    expect(doc.body.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  test('has the print outline: the title, then every section heading in order, then the signatures', () => {
    const plan = samplePlan();
    const outline = planOutline(plan);
    const doc = parse(planNoteXhtml(plan));
    expect(doc.getElementsByTagName('h1')[0]?.textContent).toBe(plan.title);
    expect([...doc.getElementsByTagName('h2')].map((h) => h.textContent)).toEqual([
      ...outline.sections.map((section) => section.heading),
      outline.signaturesHeading,
    ]);
    expect(doc.body.textContent).toContain('Supportive sister');
    expect(doc.body.textContent).toContain('Not signed.');
  });
});

describe('the note as a DocumentReference', () => {
  const plan: TreatmentPlan = { ...samplePlan(), session: { ...samplePlan().session, id: 'Encounter/visit-1' } };
  const xhtml = planNoteXhtml(plan);

  test('a first save creates a plan of care note with both attachments, the identifier and the visit', () => {
    const { request, resource } = planNoteToFhir(plan, { xhtml, pdf: PDF, date: DATE });
    const note = resource as fhir.DocumentReference;
    expect(request).toEqual({ method: 'POST', url: 'DocumentReference' });
    expect(note.id).toBeUndefined();
    expect(note.type?.coding).toEqual([{ system: 'http://loinc.org', code: '18776-5', display: 'Plan of care note' }]);
    expect(note.category?.[0]?.coding?.[0]?.code).toBe('clinical-note');
    expect(note.identifier).toEqual([{ system: RECORD_ID, value: planNoteKey(plan) }]);
    expect(note.subject).toEqual({ reference: 'Patient/george', display: plan.client.name });
    expect(note.author).toEqual([{ reference: 'Practitioner/dana', display: 'Dana Rivera' }]);
    expect(note.context?.encounter).toEqual([{ reference: 'Encounter/visit-1' }]);
    expect(note.meta?.security?.map((s) => s.code)).toEqual(['PSY']);
    expect(note.docStatus).toBe('preliminary');
    expect(note.date).toBe(DATE);
    expect(planNoteXhtmlOf(note)).toBe(xhtml);
    expect(atob(planNotePdfOf(note) ?? '')).toBe('%PDF-1.7 test');
    expect(note.relatesTo).toBeUndefined();
  });

  const onRecord: fhir.DocumentReference = {
    ...(planNoteToFhir(plan, { xhtml: '<html/>', pdf: PDF, date: '2026-03-01T10:00:00Z' })
      .resource as fhir.DocumentReference),
    id: 'note-1',
    meta: { versionId: '3' },
    custodian: { reference: 'Organization/clinic' },
  };

  test('an update writes over the note on record with If-Match and keeps what the app does not own', () => {
    const { request, resource } = planNoteToFhir(
      plan,
      { xhtml, pdf: PDF, date: DATE },
      { note: onRecord, how: 'update' }
    );
    const note = resource as fhir.DocumentReference;
    expect(request).toEqual({ method: 'PUT', url: 'DocumentReference/note-1', ifMatch: 'W/"3"' });
    expect(note.id).toBe('note-1');
    expect(note.custodian).toEqual({ reference: 'Organization/clinic' });
    expect(planNoteXhtmlOf(note)).toBe(xhtml);
    expect(note.relatesTo).toBeUndefined();
  });

  test('a superseding save creates a new note that says which one it replaces', () => {
    const { request, resource } = planNoteToFhir(
      plan,
      { xhtml, pdf: PDF, date: DATE },
      { note: onRecord, how: 'supersede' }
    );
    const note = resource as fhir.DocumentReference;
    expect(request).toEqual({ method: 'POST', url: 'DocumentReference' });
    expect(note.id).toBeUndefined();
    expect(note.custodian).toBeUndefined();
    expect(note.relatesTo).toEqual([{ code: 'replaces', target: { reference: 'DocumentReference/note-1' } }]);
  });

  test('the current note is the newest that no other note of the plan replaces', () => {
    const replacing = {
      ...onRecord,
      id: 'note-2',
      date: '2026-03-01T09:00:00Z',
      relatesTo: [{ code: 'replaces' as const, target: { reference: 'DocumentReference/note-1' } }],
    };
    const otherPlan = {
      ...onRecord,
      id: 'note-3',
      date: '2026-03-05T09:00:00Z',
      identifier: [{ system: RECORD_ID, value: 'other/plan-note' }],
    };
    const withdrawn = { ...onRecord, id: 'note-4', date: '2026-03-06T09:00:00Z', status: 'entered-in-error' as const };
    expect(currentPlanNote([onRecord, replacing, otherPlan, withdrawn], plan)?.id).toBe('note-2');
    expect(currentPlanNote([otherPlan], plan)).toBeUndefined();
  });
});

describe('the records filed beside the note', () => {
  const plan: TreatmentPlan = { ...samplePlan(), session: { ...samplePlan().session, id: 'Encounter/visit-1' } };
  const everything = {
    conditionCategories: ['problem-list-item', 'encounter-diagnosis'],
    observationCategories: ['survey'],
  };

  test('new diagnoses become Conditions and new scores Observations, with no link to records never written', () => {
    const { writes, noteOnly } = noteRecordsToFhir(plan, [], everything);
    expect(writes.map((w) => `${w.request.method} ${w.resource.resourceType}`)).toEqual([
      'POST Condition',
      'POST Condition',
      'POST Observation',
      'POST Observation',
    ]);
    expect(noteOnly).toEqual([]);
    expect(JSON.stringify(writes.map((w) => w.resource))).not.toContain('urn:uuid:');
  });

  test('a diagnosis the server already holds is not written again, and an encounter diagnosis names the visit', () => {
    const [first, second] = plan.diagnoses;
    if (first === undefined || second === undefined) throw new Error('the sample plan has two diagnoses');
    const held: fhir.Condition = {
      resourceType: 'Condition',
      id: 'c-1',
      identifier: [{ system: RECORD_ID, value: first.id }],
      subject: { reference: 'Patient/george' },
    };
    const visitPlan = { ...plan, diagnoses: [first, { ...second, category: 'encounter-diagnosis' as const }] };
    const { writes } = noteRecordsToFhir(visitPlan, [held], { ...everything, observationCategories: [] });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.resource).toMatchObject({
      resourceType: 'Condition',
      encounter: { reference: 'Encounter/visit-1' },
    });
  });

  test('what the server does not take stays in the note only, and says so', () => {
    const { writes, noteOnly } = noteRecordsToFhir(plan, [], { conditionCategories: [], observationCategories: [] });
    expect(writes).toEqual([]);
    expect(noteOnly.map((n) => n.kind)).toEqual(['diagnosis', 'diagnosis', 'score', 'score']);
  });
});

describe('the plan a note files', () => {
  const plan = samplePlan();
  const recorded: fhir.Condition = {
    resourceType: 'Condition',
    id: 'c-9',
    identifier: [{ system: RECORD_ID, value: 'dx-recorded' }],
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] },
    ],
    code: { text: 'Panic disorder' },
    subject: { reference: 'Patient/george' },
  };
  const earlier: fhir.DocumentReference = {
    resourceType: 'DocumentReference',
    status: 'current',
    content: [],
    context: { related: [{ reference: 'CarePlan/x' }, { reference: 'Condition/c-9' }] },
  };

  test("adds the diagnoses an earlier note put on the chart after the plan's own, and before new ones", () => {
    const [own, added] = plan.diagnoses;
    if (own === undefined || added === undefined) throw new Error('the sample plan has two diagnoses');
    const ownOnServer: fhir.Condition = { ...recorded, id: 'c-1', identifier: [{ system: RECORD_ID, value: own.id }] };
    const withNew = { ...plan, diagnoses: [added, own] };
    const filed = planForNote(withNew, [ownOnServer, recorded], earlier);
    expect(filed.diagnoses.map((d) => d.id)).toEqual([own.id, 'dx-recorded', added.id]);
    expect(filed.diagnoses[1]?.condition.text).toBe('Panic disorder');
    expect(planForNote(plan, [recorded], undefined)).toBe(plan);
    expect(planForNote(plan, [], earlier)).toBe(plan);
  });
});
