/**
 * The records a note-mode save writes beside the note (issue 5 §2 "Note", DESIGN.md §3): diagnoses added in the
 * workspace that the server does not hold yet, as Conditions, and new scores, as Observations, each only where
 * the server accepts a create of that category. Everything else the plan holds stays in the note. They are the
 * same resources a structured save writes (planToFhir), so a later move to a server that takes the whole plan
 * finds them by their record identifiers; links to plan records that do not exist on this server (a score's
 * goal) are left out, since nothing may point at a record that was never written.
 */
import type * as fhir from 'fhir/r4';
import type { Diagnosis, TreatmentPlan } from '../plan/treatment-plan.ts';
import { diagnosisFromFhir } from './condition-from-fhir.ts';
import { businessKeyOf } from './identifiers.ts';
import { launchEncounterOf } from './plan-note.ts';
import { planToFhir } from './plan-to-fhir.ts';
import { indexResources, type Located } from './resource-index.ts';
import type { WriteEntry } from './write-set.ts';

/** What the server accepts on create, by category code (empty: no creates of that type). */
export interface NoteRecordRules {
  readonly conditionCategories: readonly string[];
  readonly observationCategories: readonly string[];
}

/** A diagnosis or score that the server does not take as a record: it is in the note only. */
export interface NoteOnlyRecord {
  readonly kind: 'diagnosis' | 'score';
  readonly text: string;
}

export interface NoteRecords {
  /** Creates, in order: Conditions, then Observations. */
  readonly writes: readonly WriteEntry[];
  readonly noteOnly: readonly NoteOnlyRecord[];
}

/** The score category every measurement is written with (observation-to-fhir.ts). */
const SCORE_CATEGORY = 'survey';

const onServer = (reference: fhir.Reference): boolean => reference.reference?.startsWith('urn:uuid:') !== true;

function asCondition(entry: WriteEntry, encounter: string | undefined, category: string): WriteEntry {
  const condition = entry.resource as fhir.Condition;
  // An encounter diagnosis belongs to the visit it was made in (US Core Condition Encounter Diagnosis).
  const withEncounter =
    category === 'encounter-diagnosis' && encounter !== undefined && condition.encounter === undefined
      ? { ...condition, encounter: { reference: encounter } }
      : condition;
  return { ...entry, resource: withEncounter };
}

function asScore(entry: WriteEntry): WriteEntry {
  const { focus, ...observation } = entry.resource as fhir.Observation;
  const kept = (focus ?? []).filter(onServer);
  return { ...entry, resource: { ...observation, ...(kept.length > 0 ? { focus: kept } : {}) } };
}

/** The new Conditions and Observations to write with the note, and what stays in the note only. */
export function noteRecordsToFhir(
  plan: TreatmentPlan,
  loaded: readonly fhir.FhirResource[],
  rules: NoteRecordRules
): NoteRecords {
  const diagnoses = new Map(plan.diagnoses.map((d) => [d.id, d]));
  const scores = new Map(plan.progress.measurements.map((m) => [m.id, m]));
  const encounter = launchEncounterOf(plan);
  const conditions: WriteEntry[] = [];
  const observations: WriteEntry[] = [];
  const noteOnly: NoteOnlyRecord[] = [];
  for (const entry of planToFhir(plan, loaded)) {
    if (entry.request.method !== 'POST') continue;
    const key = businessKeyOf(entry.resource) ?? '';
    const diagnosis = entry.resource.resourceType === 'Condition' ? diagnoses.get(key) : undefined;
    const score = entry.resource.resourceType === 'Observation' ? scores.get(key) : undefined;
    if (diagnosis !== undefined) {
      if (rules.conditionCategories.includes(diagnosis.category)) {
        conditions.push(asCondition(entry, encounter, diagnosis.category));
      } else {
        noteOnly.push({ kind: 'diagnosis', text: diagnosis.condition.text });
      }
    } else if (score !== undefined) {
      if (rules.observationCategories.includes(SCORE_CATEGORY)) {
        observations.push(asScore(entry));
      } else {
        noteOnly.push({ kind: 'score', text: `${score.measure.text} ${String(score.value.value)}` });
      }
    }
  }
  return { writes: [...conditions, ...observations], noteOnly };
}

const isCondition = (located: Located | undefined): located is Located<fhir.Condition> =>
  located?.resource.resourceType === 'Condition';

const ignore = (): void => undefined;

/**
 * The plan a note files: the plan as shown, plus the diagnoses that earlier notes of this plan put on the chart
 * (the note lists them in `context.related`). The EHR's plan cannot be changed to refer to them, so without this
 * a later note would leave them out, and saving an unchanged plan would file a note that says less. The order is
 * fixed (the plan's own diagnoses, then those noted before in the order noted, then the new ones), so the same
 * records always give the same note.
 */
export function planForNote(
  plan: TreatmentPlan,
  loaded: readonly fhir.FhirResource[],
  note: fhir.DocumentReference | undefined
): TreatmentPlan {
  const index = indexResources(loaded);
  const byId = new Map(plan.diagnoses.map((d) => [d.id, d]));
  const noted: Diagnosis[] = [];
  for (const reference of note?.context?.related ?? []) {
    const at = index.resolve(reference.reference);
    if (!isCondition(at)) continue;
    const read = diagnosisFromFhir(at, 'comorbidity', ignore);
    if (noted.some((d) => d.id === read.id)) continue;
    noted.push(byId.get(read.id) ?? read);
  }
  if (noted.length === 0) return plan;
  const notedIds = new Set(noted.map((d) => d.id));
  const rest = plan.diagnoses.filter((d) => !notedIds.has(d.id));
  const onServer = (d: Diagnosis): boolean => index.byKey('Condition', d.id) !== undefined;
  return {
    ...plan,
    diagnoses: [...rest.filter(onServer), ...noted, ...rest.filter((d) => !onServer(d))],
  };
}
