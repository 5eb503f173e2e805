/**
 * The sections of a plan that live in the records a CarePlan links to (see careplan-to-fhir.ts for the
 * layout). Every link that does not resolve, or resolves to something the plan has no place for, is reported.
 */
import type * as fhir from 'fhir/r4';
import type {
  CareSchedule,
  ConsentToTreatment,
  Diagnosis,
  HistoryAndAssessment,
  Intervention,
  Measurement,
  Participant,
  PlanGoal,
  PresentingConcern,
  ProgressNote,
  Responsibility,
  SessionDetails,
  Strength,
} from '../plan/treatment-plan.ts';
import { inlineActivityId, interventionFromDetail, notAnIntervention } from './activity-detail.ts';
import { participantsFromFhir } from './care-team-from-fhir.ts';
import { concernFromFhir, diagnosisFromFhir, isHealthConcern } from './condition-from-fhir.ts';
import { consentFromFhir, isTreatmentConsent, notTreatmentConsent } from './consent-from-fhir.ts';
import { sessionFromFhir } from './encounter-from-fhir.ts';
import { readGoalTree } from './goal-tree.ts';
import { pastTreatmentFromFhir, progressNoteFromFhir } from './history-from-fhir.ts';
import { businessKeyOf } from './identifiers.ts';
import {
  historyTextFromFhir,
  measurementFromFhir,
  observationKind,
  PANEL_REASON,
  panelTotals,
  strengthFromFhir,
} from './observation-from-fhir.ts';
import { idOf } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';
import {
  interventionFromFhir,
  requestKind,
  responsibilityFromFhir,
  scheduleFromRequest,
} from './service-request-from-fhir.ts';

export interface CarePlanLinks {
  readonly session: SessionDetails;
  readonly history: HistoryAndAssessment;
  readonly presentingConcerns: PresentingConcern[];
  readonly diagnoses: Diagnosis[];
  readonly contract: { responsibilities: Responsibility[]; consent?: ConsentToTreatment };
  readonly strengths: Strength[];
  readonly schedule: CareSchedule;
  readonly goals: PlanGoal[];
  readonly interventions: Intervention[];
  readonly progress: { measurements: Measurement[]; notes: ProgressNote[] };
  readonly participants: Participant[];
}

type Of<T extends fhir.FhirResource['resourceType']> = Located<Extract<fhir.FhirResource, { resourceType: T }>>;

export function carePlanLinks(at: Located<fhir.CarePlan>, ctx: ReadContext): CarePlanLinks {
  const plan = at.resource;
  const report = ctx.reporter(at);
  const resolve = (reference: fhir.Reference, path: string): Located | undefined => {
    const found = ctx.index.resolve(reference.reference, at);
    if (!found)
      report(
        path,
        reference.reference
          ? `refers to ${reference.reference}, which was not loaded`
          : 'a reference without a record has no place in the plan'
      );
    return found;
  };
  const isType = <T extends fhir.FhirResource['resourceType']>(l: Located | undefined, type: T): l is Of<T> =>
    l?.resource.resourceType === type;

  // Conditions: concerns and focus diagnoses in addresses; every diagnosis in supportingInfo.
  const addressed = (plan.addresses ?? []).flatMap((r, i) => {
    const found = resolve(r, `CarePlan.addresses[${i}]`);
    if (found && !isType(found, 'Condition')) report(`CarePlan.addresses[${i}]`, 'the plan addresses only conditions');
    return isType(found, 'Condition') ? [found] : [];
  });
  const supporting = (plan.supportingInfo ?? []).map((r, i) => ({
    found: resolve(r, `CarePlan.supportingInfo[${i}]`),
    path: `CarePlan.supportingInfo[${i}]`,
  }));
  const conditions = [...addressed, ...supporting.flatMap(({ found }) => (isType(found, 'Condition') ? [found] : []))];
  const unique = <T>(items: T[]): T[] => [...new Set(items)];
  const concernsAt = unique(conditions.filter((c) => isHealthConcern(c.resource)));
  const diagnosesAt = unique([
    ...supporting.flatMap(({ found }) =>
      isType(found, 'Condition') && !isHealthConcern(found.resource) ? [found] : []
    ),
    ...addressed.filter((c) => !isHealthConcern(c.resource)),
  ]);
  [...concernsAt, ...diagnosesAt].forEach((c) => {
    ctx.use(c);
  });
  const conditionIds = new Map([...concernsAt, ...diagnosesAt].map((c) => [c.address, idOf(c)]));
  const conditionIdOf = (reference: fhir.Reference, from: Located): string | undefined => {
    const found = ctx.index.resolve(reference.reference, from);
    return found ? conditionIds.get(found.address) : undefined;
  };

  // Goals and objectives.
  const listed = (plan.goal ?? []).flatMap((r, i) => {
    const found = resolve(r, `CarePlan.goal[${i}]`);
    if (found && !isType(found, 'Goal')) report(`CarePlan.goal[${i}]`, 'not a goal');
    return isType(found, 'Goal') ? [found] : [];
  });
  const tree = readGoalTree(unique(listed), ctx, { planId: idOf(at), conditionIdOf });

  // Activities: interventions, the schedule, responsibilities; measurements as outcomes.
  const interventions: Intervention[] = [];
  const responsibilities: Responsibility[] = [];
  let schedule: CareSchedule = {};
  const outcomes: Of<'Observation'>[] = [];
  (plan.activity ?? []).forEach((activity, i) => {
    const path = `CarePlan.activity[${i}]`;
    if (activity.reference) {
      const found = resolve(activity.reference, `${path}.reference`);
      if (found && !isType(found, 'ServiceRequest'))
        report(`${path}.reference`, `a planned ${found.resource.resourceType} has no place in the plan`);
      if (isType(found, 'ServiceRequest')) {
        ctx.use(found);
        const kind = requestKind(found.resource);
        if (kind === 'intervention') interventions.push(interventionFromFhir(found, ctx, tree.goalIdOf));
        if (kind === 'responsibility') responsibilities.push(responsibilityFromFhir(found, ctx));
        if (kind === 'care-schedule') schedule = scheduleFromRequest(found, ctx);
      }
    }
    if (activity.detail && activity.reference)
      report(`${path}.detail`, 'an activity with both a reference and a detail (cpl-3): the detail is not shown');
    const excluded = activity.detail && !activity.reference ? notAnIntervention(activity.detail) : undefined;
    if (excluded !== undefined) report(`${path}.detail`, excluded);
    if (activity.detail && !activity.reference && excluded === undefined) {
      const id = inlineActivityId(at.address, i);
      ctx.use(id);
      interventions.push(
        interventionFromDetail(activity.detail, id, (g) => tree.goalIdOf(g, at), ctx.index, report, `${path}.detail`)
      );
    }
    (activity.outcomeReference ?? []).forEach((r, j) => {
      const found = resolve(r, `${path}.outcomeReference[${j}]`);
      if (isType(found, 'Observation') && observationKind(found.resource) === 'measurement') outcomes.push(found);
      else if (found)
        report(`${path}.outcomeReference[${j}]`, 'an outcome other than a measurement has no place in the plan');
    });
    (activity.progress ?? []).forEach((_, j) => {
      report(`${path}.progress[${j}]`, 'a progress note on an activity is kept but not shown');
    });
    (activity.outcomeCodeableConcept ?? []).forEach((_, j) => {
      report(`${path}.outcomeCodeableConcept[${j}]`, 'has no place in the treatment plan');
    });
  });

  // Everything else the plan rests on.
  const strengths: Strength[] = [];
  const assessments: Of<'Observation'>[] = [];
  const treatmentHistory: HistoryAndAssessment['treatmentHistory'][number][] = [];
  const notes: Of<'DocumentReference'>[] = [];
  let occupation: string | undefined;
  let psychosocialHistory: string | undefined;
  let consent: ConsentToTreatment | undefined;
  for (const { found, path } of supporting) {
    if (!found || isType(found, 'Condition')) continue;
    if (isType(found, 'Consent') && !isTreatmentConsent(found.resource)) {
      report(path, notTreatmentConsent(found.resource));
      continue;
    }
    if (isType(found, 'Observation') && observationKind(found.resource) === 'panel') {
      // The panel itself is not placed (it has no score of its own); its total is, as an assessment.
      assessments.push(...panelTotals(found, ctx));
      report(path, PANEL_REASON);
      continue;
    }
    ctx.use(found);
    if (isType(found, 'Observation')) {
      const kind = observationKind(found.resource);
      if (kind === 'strength') strengths.push(strengthFromFhir(found, ctx));
      else if (kind === 'occupation') occupation = historyTextFromFhir(found, ctx);
      else if (kind === 'psychosocial-history') psychosocialHistory = historyTextFromFhir(found, ctx);
      else if (kind === 'measurement') assessments.push(found);
      else report(path, 'an observation the plan has no place for');
    } else if (isType(found, 'Procedure')) treatmentHistory.push(pastTreatmentFromFhir(found, ctx));
    else if (isType(found, 'Consent') && !consent) consent = consentFromFhir(found, ctx);
    else if (isType(found, 'DocumentReference')) notes.push(found);
    else report(path, `supporting ${found.resource.resourceType} has no place in the plan`);
  }

  const goalOfObservation = (observation: Located<fhir.Observation>): string | undefined => {
    for (const focus of observation.resource.focus ?? []) {
      const id = tree.goalIdOf(focus, observation);
      if (id !== undefined) return id;
    }
    const tracking = tree.located.find((g) =>
      (g.resource.outcomeReference ?? []).some((r) => ctx.index.resolve(r.reference, g) === observation)
    );
    return tracking ? idOf(tracking) : undefined;
  };
  // Scores other systems link only by Observation.focus (as the PCO IG does) belong to the plan too; the app's
  // own are all listed in the plan, so one the clinician took out of the plan stays out.
  const focused = ctx.index.all.filter(
    (l): l is Of<'Observation'> =>
      isType(l, 'Observation') &&
      businessKeyOf(l.resource) === undefined &&
      observationKind(l.resource) === 'measurement' &&
      (l.resource.focus ?? []).some((f) => tree.goalIdOf(f, l) !== undefined)
  );
  const measured = unique([...outcomes, ...unique(assessments), ...focused]);
  measured.forEach((m) => {
    ctx.use(m);
  });

  const participants = (plan.careTeam ?? []).flatMap((r, i) => {
    const found = resolve(r, `CarePlan.careTeam[${i}]`);
    const ours =
      isType(found, 'CareTeam') &&
      (businessKeyOf(found.resource) !== undefined || (found.resource.participant ?? []).some((p) => p.id));
    if (found && !ours) report(`CarePlan.careTeam[${i}]`, 'a care team of another system is kept but not shown');
    if (!ours || !isType(found, 'CareTeam')) return [];
    ctx.use(found);
    return participantsFromFhir(found, ctx);
  });

  const encounter = plan.encounter ? ctx.index.resolve(plan.encounter.reference, at) : undefined;
  if (encounter) ctx.use(encounter);
  const session: SessionDetails = isType(encounter, 'Encounter')
    ? sessionFromFhir(encounter, ctx)
    : plan.encounter?.reference
      ? { id: plan.encounter.reference }
      : {};

  return {
    session,
    history: {
      ...(occupation !== undefined ? { occupation } : {}),
      ...(psychosocialHistory !== undefined ? { psychosocialHistory } : {}),
      treatmentHistory,
      assessmentIds: unique(assessments).map(idOf),
    },
    presentingConcerns: concernsAt.map((c) => concernFromFhir(c, ctx.reporter(c))),
    diagnoses: diagnosesAt.map((d) =>
      diagnosisFromFhir(d, addressed.includes(d) ? 'focus' : 'comorbidity', ctx.reporter(d))
    ),
    contract: { responsibilities, ...(consent ? { consent } : {}) },
    strengths,
    schedule,
    goals: tree.goals,
    interventions,
    progress: {
      measurements: measured.map((m) => measurementFromFhir(m, ctx, goalOfObservation)),
      notes: notes.map((n) => progressNoteFromFhir(n, ctx, tree.goalIdOf)),
    },
    participants,
  };
}
