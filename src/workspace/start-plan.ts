/**
 * "No plan yet": a new plan for the client, prefilled from what the EHR already has (issue 4 §1): the client's
 * identification, the signed-in clinician as author and provider, the session details of the encounter the app
 * was launched in (the plan is linked to that encounter), active diagnoses from the problem list, and the most
 * recent score of each scale as an assessment result. Records the EHR wrote keep their server address as
 * their id (`Condition/123`), so saving the plan links them rather than copying them.
 */
import type * as fhir from 'fhir/r4';
import { sessionOfEncounter } from '../mapping/launch-encounter.ts';
import {
  addDiagnosis,
  emptyPlan,
  linkAssessment,
  newDiagnosis,
  newMeasurement,
  recordMeasurement,
  type ClientIdentification,
  type Code,
  type Concept,
  type PersonRef,
  type Provider,
  type SessionDetails,
  type TreatmentPlan,
} from '../plan/index.ts';
import { credentials, displayName, identifiersToShow } from './person-names.ts';

export interface StartPlanInput {
  readonly id: string;
  readonly today: string;
  readonly now: string;
  readonly patient: fhir.Patient;
  /** The signed-in user's record, when it is a practitioner. */
  readonly practitioner?: fhir.Practitioner;
  readonly resources: readonly fhir.FhirResource[];
  /**
   * The encounter of the SMART launch context (`Encounter/123`, or its id), when the EHR sent one. Found among
   * `resources`, it gives the session's date, times, place of service and type; otherwise the session is today.
   */
  readonly encounter?: string;
}

export function clientOf(patient: fhir.Patient): ClientIdentification {
  return {
    reference: `Patient/${patient.id ?? ''}`,
    name: displayName(patient.name) ?? 'Unnamed client',
    ...(patient.birthDate === undefined ? {} : { birthDate: patient.birthDate }),
    ...(patient.gender === undefined ? {} : { gender: patient.gender }),
    identifiers: identifiersToShow(patient.identifier).map((i) => ({ label: i.label, value: i.value })),
  };
}

function providerOf(practitioner: fhir.Practitioner): Provider {
  return {
    reference: `Practitioner/${practitioner.id ?? ''}`,
    name: displayName(practitioner.name) ?? 'Unnamed practitioner',
    credentials: credentials(practitioner),
  };
}

export function conceptOf(value: fhir.CodeableConcept | undefined): Concept | undefined {
  const codes: Code[] = (value?.coding ?? []).flatMap((c) =>
    c.system && c.code ? [{ system: c.system, code: c.code, ...(c.display ? { display: c.display } : {}) }] : []
  );
  const text = value?.text ?? value?.coding?.find((c) => c.display)?.display ?? codes[0]?.code;
  return text === undefined ? undefined : { text, codes };
}

const hasCode = (value: fhir.CodeableConcept | undefined, code: string): boolean =>
  (value?.coding ?? []).some((c) => c.code === code);

function isActiveDiagnosis(condition: fhir.Condition): boolean {
  const concern = (condition.category ?? []).some((c) => hasCode(c, 'health-concern'));
  const status = condition.clinicalStatus?.coding?.[0]?.code ?? 'active';
  return !concern && ['active', 'recurrence', 'relapse'].includes(status);
}

/** The most recent survey score of each scale, as `[observation, measure, value]`. */
function recentScores(resources: readonly fhir.FhirResource[]): fhir.Observation[] {
  const latest = new Map<string, fhir.Observation>();
  for (const resource of resources) {
    if (resource.resourceType !== 'Observation' || !(resource.category ?? []).some((c) => hasCode(c, 'survey'))) {
      continue;
    }
    const key = resource.code.coding?.[0]?.code ?? resource.code.text ?? '';
    const known = latest.get(key);
    if (!known || (resource.effectiveDateTime ?? '') > (known.effectiveDateTime ?? '')) latest.set(key, resource);
  }
  return [...latest.values()];
}

function scoreOf(observation: fhir.Observation): { value: number; unit: string } | undefined {
  if (observation.valueQuantity?.value !== undefined) {
    return { value: observation.valueQuantity.value, unit: observation.valueQuantity.code ?? '{score}' };
  }
  return observation.valueInteger === undefined ? undefined : { value: observation.valueInteger, unit: '{score}' };
}

/**
 * The session details of the launching encounter (`123` or `Encounter/123`) when the records hold it, so the
 * "no plan yet" offer can say the new plan starts from it.
 */
export function launchSession(
  resources: readonly fhir.FhirResource[],
  encounter: string | undefined
): SessionDetails | undefined {
  if (encounter === undefined || encounter === '') return undefined;
  return sessionOfEncounter(resources, encounter.includes('/') ? encounter : `Encounter/${encounter}`);
}

/**
 * The plan's session taken from the launching encounter. The signed-in clinician stays the provider (with their
 * credentials) unless the encounter names someone else.
 */
function withLaunchEncounter(plan: TreatmentPlan, input: StartPlanInput): TreatmentPlan {
  const session = launchSession(input.resources, input.encounter);
  if (session === undefined) return plan;
  const mine = plan.session.provider;
  const keepMine =
    mine !== undefined && (session.provider === undefined || session.provider.reference === mine.reference);
  const dateOfService = session.dateOfService ?? input.today;
  return { ...plan, session: { ...session, dateOfService, ...(keepMine ? { provider: mine } : {}) } };
}

export function startPlan(input: StartPlanInput): TreatmentPlan {
  const provider = input.practitioner ? providerOf(input.practitioner) : undefined;
  const author: PersonRef | undefined = provider?.reference
    ? { reference: provider.reference, name: provider.name }
    : undefined;
  const started = emptyPlan({
    id: input.id,
    client: clientOf(input.patient),
    today: input.today,
    created: input.now,
    ...(author ? { author } : {}),
    ...(provider ? { provider } : {}),
  });
  let plan = withLaunchEncounter(started, input);
  for (const resource of input.resources) {
    if (resource.resourceType !== 'Condition' || !isActiveDiagnosis(resource)) continue;
    const condition = conceptOf(resource.code);
    if (condition === undefined) continue;
    const address = `Condition/${resource.id ?? ''}`;
    plan = addDiagnosis(
      plan,
      newDiagnosis({ condition }, () => address)
    );
  }
  for (const observation of recentScores(input.resources)) {
    const measure = conceptOf(observation.code);
    const value = scoreOf(observation);
    const date = observation.effectiveDateTime;
    if (measure === undefined || value === undefined || date === undefined) continue;
    const address = `Observation/${observation.id ?? ''}`;
    plan = recordMeasurement(
      plan,
      newMeasurement({ measure, value, date }, () => address)
    );
    plan = linkAssessment(plan, address);
  }
  return plan;
}
