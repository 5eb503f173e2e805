/**
 * The plan filed as a clinical note (issue 5 §2 "Note", DESIGN.md §3): on servers where CarePlan and Goal cannot
 * be written (Epic, Oracle Health) the plan goes to the chart as a DocumentReference typed LOINC 18776-5 "Plan of
 * care note", category clinical-note, with the plan as XHTML and as PDF. The note carries the plan's record
 * identifier, so a later save finds it and either updates it (a server that updates notes) or files a new note
 * that says, in `relatesTo`, which one it replaces (a server that only creates them). Pure: the XHTML and the PDF
 * are made by the caller.
 * @see https://hl7.org/fhir/R4/documentreference.html
 * @see https://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-documentreference.html
 */
import type * as fhir from 'fhir/r4';
import type { IsoDateTime, TreatmentPlan } from '../plan/treatment-plan.ts';
import { base64ToText, bytesToBase64, textToBase64 } from './base64.ts';
import { CODING, RECORD_ID_SYSTEM } from './codes.ts';
import { codedAs, hasCoding } from './concept.ts';
import { withCategory } from './consent-to-fhir.ts';
import { businessKeyOf, nameBasedUuid, recordIdentifier } from './identifiers.ts';
import { planLabels } from './materialise.ts';
import { isSubstanceUsePlan } from './plan-to-fhir.ts';
import type { WriteEntry } from './write-set.ts';

export const NOTE_XHTML_TYPE = 'application/xhtml+xml';
export const NOTE_PDF_TYPE = 'application/pdf';

/** The business id every version of a plan's note carries: the plan's id and `/plan-note`. */
export function planNoteKey(plan: Pick<TreatmentPlan, 'id'>): string {
  return `${plan.id}/plan-note`;
}

export interface PlanNoteContent {
  /** The plan as an XHTML document (src/workspace/plan-note-xhtml.ts). */
  readonly xhtml: string;
  /** The plan as a PDF (src/workspace/plan-pdf.ts). */
  readonly pdf: Uint8Array;
  /** When the note is filed: a zoned date-time (DocumentReference.date is an instant). */
  readonly date: IsoDateTime;
}

/**
 * How this save relates to the note on record: `update` writes over it (PUT with If-Match), `supersede` files a
 * new note whose `relatesTo` replaces it; without a previous note a first note is created.
 */
export interface PreviousNote {
  readonly note: fhir.DocumentReference;
  readonly how: 'update' | 'supersede';
}

/** The session's Encounter when it is the EHR's own (the launch encounter): `Encounter/<id>`. */
export function launchEncounterOf(plan: TreatmentPlan): string | undefined {
  const id = plan.session.id;
  return id !== undefined && /^Encounter\/[A-Za-z0-9\-.]{1,64}$/.test(id) ? id : undefined;
}

function authorOf(plan: TreatmentPlan): fhir.Reference[] {
  const person = plan.author ?? plan.session.provider;
  if (person === undefined) return [];
  const reference = {
    ...(person.reference !== undefined ? { reference: person.reference } : {}),
    ...(person.name.trim() !== '' ? { display: person.name } : {}),
  };
  return Object.keys(reference).length === 0 ? [] : [reference];
}

function attachment(contentType: string, data: string, title: string, date: IsoDateTime): fhir.Attachment {
  return { contentType, data, title, creation: date };
}

/**
 * The note's context: the launch encounter; related, the EHR's CarePlan when the plan shown is one and the
 * diagnoses the app put on the chart for this plan (planForNote reads them back for the next note).
 */
function contextOf(
  plan: TreatmentPlan,
  loaded: fhir.DocumentReferenceContext | undefined,
  recorded: readonly string[]
): { context?: fhir.DocumentReferenceContext } {
  const encounter = launchEncounterOf(plan);
  const carePlan = /^CarePlan\/[A-Za-z0-9\-.]{1,64}$/.test(plan.id) ? [plan.id] : [];
  const related = [...new Set([...carePlan, ...recorded])].map((reference) => ({ reference }));
  const context: fhir.DocumentReferenceContext = {
    ...loaded,
    ...(encounter !== undefined ? { encounter: [{ reference: encounter }] } : {}),
    ...(related.length > 0 ? { related } : {}),
  };
  return Object.keys(context).length === 0 ? {} : { context };
}

/**
 * The DocumentReference that files `plan`, and how to send it. `recorded`: the Conditions (`Condition/<id>`) the
 * app put on the chart for this plan, listed in the note's context.
 */
export function planNoteToFhir(
  plan: TreatmentPlan,
  content: PlanNoteContent,
  previous?: PreviousNote,
  recorded: readonly string[] = []
): WriteEntry {
  const key = planNoteKey(plan);
  const base = previous?.how === 'update' ? previous.note : undefined;
  const title = plan.title.trim() === '' ? 'Treatment plan' : plan.title;
  const signed = plan.signatures.some((signature) => signature.role === 'clinician');
  const { security } = planLabels(isSubstanceUsePlan(plan));
  const replaced = previous?.how === 'supersede' ? previous.note.id : undefined;
  const note: fhir.DocumentReference = {
    ...base,
    resourceType: 'DocumentReference',
    meta: { ...base?.meta, security: security.map((label) => ({ ...label })) },
    identifier: [recordIdentifier(key), ...(base?.identifier ?? []).filter((i) => i.system !== RECORD_ID_SYSTEM)],
    status: 'current',
    docStatus: signed ? 'final' : 'preliminary',
    type: base?.type && hasCoding(base.type, CODING.planOfCareNote) ? base.type : codedAs(CODING.planOfCareNote),
    category: withCategory(base?.category, CODING.clinicalNote),
    subject: { reference: plan.client.reference, ...(plan.client.name ? { display: plan.client.name } : {}) },
    date: content.date,
    author: authorOf(plan),
    description: title,
    content: [
      { attachment: attachment(NOTE_XHTML_TYPE, textToBase64(content.xhtml), title, content.date) },
      { attachment: attachment(NOTE_PDF_TYPE, bytesToBase64(content.pdf), `${title}.pdf`, content.date) },
    ],
    ...contextOf(plan, base?.context, recorded),
    ...(replaced !== undefined
      ? { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${replaced}` } }] }
      : {}),
  };
  if (base?.id !== undefined) {
    const version = base.meta?.versionId;
    return {
      fullUrl: `DocumentReference/${base.id}`,
      resource: note,
      request: {
        method: 'PUT',
        url: `DocumentReference/${base.id}`,
        ...(version !== undefined ? { ifMatch: `W/"${version}"` } : {}),
      },
    };
  }
  return {
    fullUrl: `urn:uuid:${nameBasedUuid(`DocumentReference|${key}|${content.date}`)}`,
    resource: note,
    request: { method: 'POST', url: 'DocumentReference' },
  };
}

/** Whether `note` is a plan note of the plan with business id `key` (any version). */
function isNoteOf(note: fhir.DocumentReference, key: string): boolean {
  return businessKeyOf(note) === key && hasCoding(note.type, CODING.planOfCareNote);
}

function filedAt(note: fhir.DocumentReference): string {
  return note.date ?? note.meta?.lastUpdated ?? '';
}

/**
 * The plan's note on record among `notes`: a current note with the plan's identifier that no other note
 * replaces; the most recently filed when several qualify (two sessions that each filed a first note).
 */
export function currentPlanNote(
  notes: readonly fhir.DocumentReference[],
  plan: Pick<TreatmentPlan, 'id'>
): fhir.DocumentReference | undefined {
  const key = planNoteKey(plan);
  const ours = notes.filter((note) => isNoteOf(note, key));
  const replaced = new Set(
    ours.flatMap((note) =>
      (note.relatesTo ?? []).flatMap((r) => (r.code === 'replaces' && r.target.reference ? [r.target.reference] : []))
    )
  );
  return ours
    .filter((note) => note.status === 'current' && !replaced.has(`DocumentReference/${note.id ?? ''}`))
    .sort((a, b) => filedAt(b).localeCompare(filedAt(a)))[0];
}

function attachmentData(note: fhir.DocumentReference, contentType: string): string | undefined {
  const content = note.content as readonly fhir.DocumentReferenceContent[] | undefined;
  const found = content?.find((c) => (c.attachment.contentType ?? '').split(';')[0]?.trim() === contentType);
  return found?.attachment.data;
}

/** The XHTML a plan note carries, decoded; undefined when it has none. */
export function planNoteXhtmlOf(note: fhir.DocumentReference): string | undefined {
  const data = attachmentData(note, NOTE_XHTML_TYPE);
  return data === undefined ? undefined : base64ToText(data);
}

/** The PDF a plan note carries, as base64; undefined when it has none. */
export function planNotePdfOf(note: fhir.DocumentReference): string | undefined {
  return attachmentData(note, NOTE_PDF_TYPE);
}
