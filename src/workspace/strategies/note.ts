/**
 * The note strategy (issue 5 §2, DESIGN.md §3): on a server where the plan's own resources cannot be written
 * (Epic, Oracle Health) the plan is shown read-only as the EHR holds it, and Save files it as a clinical note
 * (plan-note.ts: LOINC 18776-5, the plan as XHTML and PDF) after writing the new diagnoses as Conditions and the
 * new scores as Observations where the server takes them (plan-note-records.ts). A second save updates the note
 * where the server lets notes be updated (Oracle Health, with If-Match), and otherwise files a new note that
 * replaces the previous one (Epic). No Bundles: one request per record, looked up first by record identifier so
 * that a retry after a failure part-way never writes a record twice on servers that ignore `If-None-Exist`.
 */
import type * as fhir from 'fhir/r4';
import { FhirError } from '../../fhir/fhir-error.ts';
import type { SavedEntry } from '../../fhir/save-result.ts';
import type { FhirGateway, SearchParams } from '../../fhir/gateway.ts';
import type { ServerProfile } from '../../fhir/server-profile.ts';
import { CODING, RECORD_ID_SYSTEM } from '../../mapping/codes.ts';
import { businessKeyOf, tokenParameter } from '../../mapping/identifiers.ts';
import { noteRecordsToFhir, planForNote, type NoteRecordRules } from '../../mapping/plan-note-records.ts';
import {
  currentPlanNote,
  planNoteKey,
  planNoteToFhir,
  planNoteXhtmlOf,
  type PreviousNote,
} from '../../mapping/plan-note.ts';
import type { WriteEntry } from '../../mapping/write-set.ts';
import type { TreatmentPlan } from '../../plan/index.ts';
import { zonedNow } from '../clock.ts';
import { planNoteXhtml } from '../plan-note-xhtml.ts';
import { failedWrite, recordAddress, sendInOrder, writesBundle, type AlreadyWritten } from './note-writes.ts';
import type { StrategyInput, StrategyOutcome, WriteStrategy } from './write-strategy.ts';

/** What the note strategy reads from the server profile. */
export type NoteProfile = Pick<ServerProfile, 'access' | 'vendor'>;

/** The categories our diagnoses and scores are written with, and so what a search for them may ask. */
const DIAGNOSIS_CATEGORIES = ['problem-list-item', 'encounter-diagnosis'];
const SCORE_CATEGORIES = ['survey'];
const TYPES_LOOKED_UP = ['Condition', 'Observation'] as const;
const PLAN_NOTE_TYPE = CODING.planOfCareNote;

const allows = (allowed: 'yes' | 'no' | 'partly'): boolean => allowed !== 'no';

/** Which records the server takes beside the note, from the profile's create access. */
export function noteRecordRules(profile: NoteProfile): NoteRecordRules {
  return {
    conditionCategories: allows(profile.access.Condition.create.allowed) ? DIAGNOSIS_CATEGORIES : [],
    observationCategories: allows(profile.access.Observation.create.allowed) ? SCORE_CATEGORIES : [],
  };
}

/** Whether a second save updates the note (else it files a new one that replaces it). */
export function updatesNote(profile: NoteProfile): boolean {
  return profile.access.DocumentReference.update.allowed === 'yes';
}

/** What Save does here and why, for the clinician (the facts behind it are listed beside it by the workspace). */
export function noteExplanation(profile: NoteProfile): string {
  const server = profile.vendor ?? 'This server';
  const rules = noteRecordRules(profile);
  const records = [
    ...(rules.conditionCategories.length > 0 ? ['new diagnoses go to the problem list'] : []),
    ...(rules.observationCategories.length > 0 ? ['new scores are recorded as observations'] : []),
  ];
  const again = updatesNote(profile)
    ? 'Saving again updates the same note.'
    : 'Saving again files a new version of the note that replaces the previous one.';
  return (
    `${server} does not let this app write care plans or goals, so the ` +
    `plan is shown as the EHR holds it and Save files it in the chart as a plan of care note (PDF and text)` +
    `${records.length > 0 ? `; ${records.join(' and ')}` : ''}. ${again}`
  );
}

function patientId(plan: TreatmentPlan): string {
  return plan.client.reference.replace(/^Patient\//, '');
}

/** The `identifier` search value matching any of `keys` (a token OR list, R4 search.html#escaping). */
function identifiersParam(keys: readonly string[]): string {
  return keys.map((key) => decodeURIComponent(tokenParameter(RECORD_ID_SYSTEM, key))).join(',');
}

/** Records of `type` with these record identifiers that the server already holds (an earlier attempt's). */
async function alreadyOnServer(
  gateway: FhirGateway,
  plan: TreatmentPlan,
  type: 'Condition' | 'Observation',
  writes: readonly WriteEntry[]
): Promise<AlreadyWritten[]> {
  const ours = writes.filter((w) => w.resource.resourceType === type);
  if (ours.length === 0) return [];
  const keys = ours.flatMap((w) => businessKeyOf(w.resource) ?? []);
  const categories = type === 'Condition' ? DIAGNOSIS_CATEGORIES : SCORE_CATEGORIES;
  // Epic refuses a Condition search without a category; every record of ours carries one of these.
  const params: SearchParams = {
    patient: patientId(plan),
    identifier: identifiersParam(keys),
    category: categories.join(','),
  };
  const { matches } = await gateway.search(type, params);
  return ours.flatMap((entry) => {
    const match = matches.find((m) => businessKeyOf(m) === businessKeyOf(entry.resource) && m.id !== undefined);
    return match ? [{ entry, location: `${type}/${match.id ?? ''}` }] : [];
  });
}

async function notesOnRecord(gateway: FhirGateway, plan: TreatmentPlan): Promise<fhir.DocumentReference[]> {
  const identifier = identifiersParam([planNoteKey(plan)]);
  // The type narrows the search to plan notes; servers that insist on a category or type for notes accept it.
  const { matches } = await gateway.search<fhir.DocumentReference>('DocumentReference', {
    patient: patientId(plan),
    type: `${PLAN_NOTE_TYPE.system}|${PLAN_NOTE_TYPE.code}`,
    identifier,
  });
  return matches;
}

/**
 * The plan as a PDF, or a FhirError without status when it could not be made: pdf-lib is heavy and loaded only
 * when a note is filed (issue 4 §6 weights), so a lost connection can stop it loading; nothing is sent then.
 */
async function renderPdf(plan: TreatmentPlan, now: Date): Promise<Uint8Array | FhirError> {
  try {
    const { renderPlanPdf } = await import('../plan-pdf.ts');
    return await renderPlanPdf(plan, { printedAt: zonedNow(now, { seconds: true }) });
  } catch (cause) {
    return new FhirError(
      0,
      'plan-pdf',
      `The PDF of the plan could not be made, so nothing was saved: ${String(cause)}`,
      undefined,
      { cause }
    );
  }
}

async function saveAsNote(gateway: FhirGateway, profile: NoteProfile, input: StrategyInput): Promise<StrategyOutcome> {
  const { plan, loaded, now } = input;
  const records = noteRecordsToFhir(plan, loaded, noteRecordRules(profile));
  // One search for the note on record, one per type of record about to be written.
  const searches =
    1 + TYPES_LOOKED_UP.filter((type) => records.writes.some((w) => w.resource.resourceType === type)).length;
  let notes: fhir.DocumentReference[];
  let found: AlreadyWritten[];
  try {
    const [onRecord, ...earlier] = await Promise.all([
      notesOnRecord(gateway, plan),
      ...TYPES_LOOKED_UP.map((type) => alreadyOnServer(gateway, plan, type, records.writes)),
    ]);
    notes = onRecord;
    found = earlier.flat();
  } catch (error) {
    if (!(error instanceof FhirError)) throw error;
    const request = writesBundle(records.writes);
    return { kind: 'sent', result: failedWrite(error, request, undefined, 'nothing'), requests: searches, request };
  }
  const toWrite = records.writes.filter((w) => !found.some((f) => f.entry === w));
  const current = currentPlanNote(notes, plan);
  const filed = planForNote(plan, loaded, current);
  const xhtml = planNoteXhtml(filed);
  if (current !== undefined && toWrite.length === 0 && planNoteXhtmlOf(current) === xhtml) {
    return { kind: 'nothing-to-save' };
  }
  const previous: PreviousNote | undefined =
    current === undefined ? undefined : { note: current, how: updatesNote(profile) ? 'update' : 'supersede' };
  const pdf = await renderPdf(filed, now);
  if (pdf instanceof FhirError) {
    const request = writesBundle(toWrite);
    return { kind: 'sent', result: failedWrite(pdf, request, undefined, 'nothing'), requests: searches, request };
  }
  const content = { xhtml, pdf, date: now.toISOString() };
  const noted = (current?.context?.related ?? []).flatMap((r) => r.reference ?? []);
  const note = (landed: readonly SavedEntry[]): WriteEntry => {
    const conditions = landed.flatMap((saved) => {
      const address = recordAddress(saved.location ?? '');
      return address?.startsWith('Condition/') === true ? [address] : [];
    });
    return planNoteToFhir(filed, content, previous, [
      ...noted.filter((reference) => reference.startsWith('Condition/')),
      ...conditions,
    ]);
  };
  const sent = await sendInOrder(gateway, found, toWrite, note, searches);
  return { kind: 'sent', result: sent.result, requests: sent.requests, request: sent.request };
}

export function noteStrategy(gateway: FhirGateway, profile: NoteProfile): WriteStrategy {
  return {
    kind: 'note',
    explanation: noteExplanation(profile),
    edits: 'note',
    save: (input) => saveAsNote(gateway, profile, input),
  };
}
