/**
 * The companion-store strategy (issue 5 §2): the EHR takes notes but not plans (Epic, Oracle Health), and the
 * practice runs a second FHIR server for the structured plan. Save does two things, in this order:
 * 1. the note strategy on the EHR: the plan filed as a plan of care note, new problems and scores on the chart;
 * 2. the whole structured plan on the companion, in one transaction or in ordered steps (per the companion's own
 *    profile), for the client matched there by the EHR patient's identifiers (created by a conditional create
 *    the first time). The plan refers to the EHR's records by absolute URL (companion-records.ts), including the
 *    problems step 1 just put on the chart; a record the EHR did not take is kept on the companion instead.
 * If the note fails, nothing is sent to the companion and the clinician's edits stay; saving again resumes.
 */
import type * as fhir from 'fhir/r4';
import {
  isFromCompanion,
  mapReferences,
  referenceToCompanion,
  withoutCompanionOrigin,
  ensureCompanionPatient,
  type ClientLink,
} from '../../fhir/companion-records.ts';
import { FhirError } from '../../fhir/fhir-error.ts';
import type { FhirGateway } from '../../fhir/gateway.ts';
import { locationAddress } from '../../fhir/landing.ts';
import { savePlanTransaction } from '../../fhir/save-plan-transaction.ts';
import type { SaveResult } from '../../fhir/save-result.ts';
import { saveInSequence } from '../../fhir/sequential-writes.ts';
import type { ServerProfile } from '../../fhir/server-profile.ts';
import { refusingServer } from '../../fhir/write-refusal.ts';
import { businessKeyOf } from '../../mapping/identifiers.ts';
import { writeSetToTransaction, type WriteEntry, type WriteSet } from '../../mapping/index.ts';
import type { TreatmentPlan } from '../../plan/index.ts';
import { planWriteSet } from '../save-plan.ts';
import { noteStrategy, type NoteProfile } from './note.ts';
import type { StrategyInput, StrategyOutcome, WriteStrategy } from './write-strategy.ts';

/** The second server, as the session reached it. */
export interface CompanionStore {
  readonly gateway: FhirGateway;
  readonly profile: ServerProfile;
  /** Shown to the clinician, e.g. "the practice's plan store". */
  readonly label: string;
}

/** What Save does here and why, for the clinician. */
export function companionExplanation(profile: NoteProfile, companion: Pick<CompanionStore, 'label'>): string {
  const server = profile.vendor ?? 'This EHR';
  return (
    `${server} does not let this app write care plans, so the whole plan is kept in ${companion.label}, ` +
    `linked to this client by their identifiers, and can be edited here. ` +
    `Save also files the plan in the chart as a plan of care note, with new problems and scores where the EHR takes them.`
  );
}

/** Business key -> `Type/id` on the EHR, for every record the note save landed. */
function landedOnEhr(outcome: StrategyOutcome): Map<string, string> {
  const landed = new Map<string, string>();
  if (outcome.kind !== 'sent' || outcome.result.kind !== 'saved') return landed;
  const entries = outcome.request?.entry ?? [];
  for (const saved of outcome.result.locations) {
    const resource = entries[saved.entryIndex]?.resource as fhir.FhirResource | undefined;
    const address = locationAddress(saved.location ?? '')?.address;
    const key = resource === undefined ? undefined : businessKeyOf(resource);
    if (resource !== undefined && key !== undefined && address !== undefined) {
      landed.set(`${resource.resourceType}:${key}`, address);
    }
  }
  return landed;
}

function ehrPatientOf(plan: TreatmentPlan, loaded: readonly fhir.FhirResource[]): fhir.Patient | undefined {
  const id = plan.client.reference.replace(/^Patient\//, '');
  return loaded.find((r): r is fhir.Patient => r.resourceType === 'Patient' && r.id === id);
}

/**
 * The plan's write set as the companion takes it: updates of the EHR's own records are left out (the note records
 * the change), creates the EHR already landed are left out and pointed at by URL, every reference is rewritten.
 */
export function companionWriteSet(
  writeSet: WriteSet,
  loaded: readonly fhir.FhirResource[],
  link: ClientLink,
  onEhr: ReadonlyMap<string, string>
): WriteSet {
  const companionHeld = new Set(loaded.filter(isFromCompanion).map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const moved = new Map<string, string>();
  const kept: WriteEntry[] = [];
  for (const entry of writeSet) {
    const { resource, request } = entry;
    if (request.method === 'PUT' && !companionHeld.has(request.url)) continue;
    const key = businessKeyOf(resource);
    const landed = key === undefined ? undefined : onEhr.get(`${resource.resourceType}:${key}`);
    if (request.method === 'POST' && landed !== undefined) {
      moved.set(entry.fullUrl, `${link.ehrBaseUrl}/${landed}`);
      continue;
    }
    kept.push(entry);
  }
  const keptUrls = new Set(kept.map((entry) => entry.fullUrl));
  const toCompanion = referenceToCompanion(link, (reference) => companionHeld.has(reference));
  const map = (reference: string): string =>
    moved.get(reference) ?? (keptUrls.has(reference) ? reference : toCompanion(reference));
  return kept.map((entry) => ({
    ...entry,
    resource: mapReferences(withoutCompanionOrigin(entry.resource), map),
  }));
}

async function sendToCompanion(
  companion: CompanionStore,
  request: fhir.Bundle
): Promise<{ result: SaveResult; requests: number }> {
  const server = refusingServer(companion.label);
  if (companion.profile.transactions.run === 'atomic') {
    return { result: await savePlanTransaction(companion.gateway, request, server), requests: 1 };
  }
  const conditionalCreate = (type: string): boolean => companion.profile.types?.[type]?.conditionalCreate ?? true;
  const saved = await saveInSequence(companion.gateway, request, { conditionalCreate, server });
  return { result: saved.result, requests: saved.requests };
}

/** A failure to find or create the client on the companion, as a save result (nothing of the plan was sent). */
function clientNotLinked(error: FhirError): SaveResult {
  if (error.status === 0) return { kind: 'unreachable', error };
  if (error.status === 401) return { kind: 'unauthorized', outcome: error.outcome };
  return {
    kind: 'rejected',
    status: error.status,
    outcome: error.outcome,
    issues: [{ message: `The companion store did not take the client: ${error.message}`, severity: 'error' }],
    written: 'nothing',
  };
}

/**
 * A write the companion refused (403, 405) says nothing about the EHR, whose profile the workspace narrows from
 * the refusals it learns (runtime-refusal.ts reads them from the result's `refusal`): the result loses it, so
 * nothing is learnt, and the clinician still reads what the companion said (its issues name the companion).
 */
function unlearnable(result: SaveResult): SaveResult {
  if (result.kind !== 'rejected' || result.refusal === undefined) return result;
  const copy = { ...result };
  delete copy.refusal;
  return copy;
}

export function companionStrategy(
  ehr: FhirGateway,
  ehrProfile: ServerProfile,
  companion: CompanionStore
): WriteStrategy {
  const note = noteStrategy(ehr, ehrProfile);
  const save = async (input: StrategyInput): Promise<StrategyOutcome> => {
    const { plan, loaded } = input;
    const patient = ehrPatientOf(plan, loaded) ?? (await ehr.read<fhir.Patient>(plan.client.reference));
    const noted = await note.save(input);
    if (noted.kind === 'sent' && noted.result.kind !== 'saved') return noted;
    const noteRequests = noted.kind === 'sent' ? noted.requests : 0;
    let companionPatientId: string;
    try {
      companionPatientId = await ensureCompanionPatient(companion.gateway, patient);
    } catch (error) {
      if (!(error instanceof FhirError)) throw error;
      return { kind: 'sent', result: clientNotLinked(error), requests: noteRequests + 1 };
    }
    const link: ClientLink = { ehrBaseUrl: ehr.baseUrl, ehrPatientId: patient.id ?? '', companionPatientId };
    const writeSet = companionWriteSet(planWriteSet(plan, loaded), loaded, link, landedOnEhr(noted));
    if (writeSet.length === 0) return noted.kind === 'sent' ? { ...noted, requests: noteRequests + 1 } : noted;
    const request = writeSetToTransaction(writeSet);
    const sent = await sendToCompanion(companion, request);
    return { kind: 'sent', result: unlearnable(sent.result), requests: noteRequests + 1 + sent.requests, request };
  };
  return {
    kind: 'companion',
    explanation: companionExplanation(ehrProfile, companion),
    edits: 'plan',
    save,
  };
}
