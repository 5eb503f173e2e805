/**
 * Interventions other systems wrote inline, as CarePlan.activity.detail (DESIGN.md §4: read both). The
 * intervention's id is the activity's place in its plan (`CarePlan/1#activity[0]`); on writing, the detail is
 * updated where it is rather than turned into a ServiceRequest, so nothing is duplicated.
 */
import type * as fhir from 'fhir/r4';
import type { Intervention } from '../plan/treatment-plan.ts';
import { conceptFromFhir, conceptToFhir } from './concept.ts';
import { keepIfSame, sameJson } from './json.ts';
import { partyFromReference } from './party.ts';
import { personRefFromFhir, personRefToFhir } from './person-ref.ts';
import type { Report } from './read-context.ts';
import type { ResourceIndex } from './resource-index.ts';
import { scheduleFromFhir, scheduleToFhir } from './timing.ts';

type ActivityStatus = fhir.CarePlanActivityDetail['status'];

const STATUS: Record<ActivityStatus, Intervention['status']> = {
  'not-started': 'draft',
  scheduled: 'active',
  'in-progress': 'active',
  'on-hold': 'on-hold',
  completed: 'completed',
  cancelled: 'revoked',
  stopped: 'revoked',
  unknown: 'active',
  'entered-in-error': 'revoked',
};
const BACK: Record<Intervention['status'], ActivityStatus> = {
  draft: 'not-started',
  active: 'in-progress',
  'on-hold': 'on-hold',
  completed: 'completed',
  revoked: 'cancelled',
};

export function inlineActivityId(planAddress: string, index: number): string {
  return `${planAddress}#activity[${index}]`;
}

export function inlineActivityIndex(id: string, planAddress: string): number | undefined {
  const match = /#activity\[(\d+)\]$/.exec(id);
  return match && id === inlineActivityId(planAddress, Number(match[1])) ? Number(match[1]) : undefined;
}

// doNotPerform is understood: `false` is what an activity means anyway, and `true` keeps it out of the plan.
const UNDERSTOOD = [
  'code',
  'description',
  'status',
  'scheduledTiming',
  'scheduledPeriod',
  'performer',
  'goal',
  'kind',
  'doNotPerform',
];

/** Kinds of inline activity that are not a mental-health intervention, and why (CarePlan.activity.detail.kind). */
const NOT_INTERVENTIONS: Partial<Record<string, string>> = {
  NutritionOrder: 'NutritionOrder activities are not part of a treatment plan',
  MedicationRequest: 'medication orders belong to the medication list, not to the treatment plan',
  DeviceRequest: 'device requests are not part of a treatment plan',
  VisionPrescription: 'vision prescriptions are not part of a treatment plan',
  Appointment: 'an appointment is a booking, not an intervention',
};

/**
 * Why an inline activity is not read as an intervention (it is then kept unchanged on writing), or undefined
 * when it is one: ServiceRequest, Task, CommunicationRequest or no kind.
 */
export function notAnIntervention(detail: fhir.CarePlanActivityDetail): string | undefined {
  if (detail.doNotPerform === true) {
    return 'an activity that must not be done (doNotPerform) cannot be shown as an intervention; it is kept unchanged';
  }
  const reason = detail.kind === undefined ? undefined : NOT_INTERVENTIONS[detail.kind];
  return reason === undefined ? undefined : `${reason}; it is kept unchanged`;
}

export function interventionFromDetail(
  detail: fhir.CarePlanActivityDetail,
  id: string,
  goalIdOf: (reference: fhir.Reference) => string | undefined,
  index: ResourceIndex,
  report: Report,
  path: string
): Intervention {
  for (const key of Object.keys(detail)) {
    if (!UNDERSTOOD.includes(key) && !key.startsWith('_'))
      report(`${path}.${key}`, 'has no place in the treatment plan');
  }
  const schedule = scheduleFromFhir(detail.scheduledTiming, report, `${path}.scheduledTiming`);
  const start = schedule.start ?? detail.scheduledPeriod?.start?.slice(0, 10);
  const end = schedule.end ?? detail.scheduledPeriod?.end?.slice(0, 10);
  const performer = detail.performer?.[0];
  const technique = conceptFromFhir(detail.code, report, `${path}.code`);
  // status is required, but data from elsewhere may lack it or carry a code R4 does not have.
  const known: Partial<Record<string, Intervention['status']>> = STATUS;
  const status = known[detail.status];
  if (status === undefined) report(`${path}.status`, `activity status ${detail.status} is not known; shown as active`);
  return {
    id,
    technique: technique.text === '' && detail.description ? { ...technique, text: detail.description } : technique,
    ...(detail.description !== undefined ? { application: detail.description } : {}),
    ...(schedule.frequency ? { frequency: schedule.frequency } : {}),
    ...(performer ? { performer: partyFromReference(performer, index) } : {}),
    ...(performer ? { performerRef: personRefFromFhir(performer, index) } : {}),
    goalIds: (detail.goal ?? []).flatMap((g) => goalIdOf(g) ?? []),
    status: status ?? 'active',
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
  };
}

/** The loaded detail with the intervention's owned parts laid over it. */
export function detailWithIntervention(
  intervention: Intervention,
  loaded: fhir.CarePlanActivityDetail,
  goalRefs: fhir.Reference[],
  index: ResourceIndex
): fhir.CarePlanActivityDetail {
  const schedule = {
    ...(intervention.frequency ? { frequency: intervention.frequency } : {}),
    ...(intervention.start !== undefined ? { start: intervention.start } : {}),
    ...(intervention.end !== undefined ? { end: intervention.end } : {}),
  };
  const sameSchedule = sameJson(scheduleFromFhir(loaded.scheduledTiming), schedule);
  const [performer, ...others] = loaded.performer ?? [];
  const own = personRefToFhir(intervention.performerRef, performer, index);
  return {
    ...loaded,
    code: conceptToFhir(intervention.technique, loaded.code),
    description: intervention.application,
    status:
      keepIfSame(
        loaded.status,
        intervention.status,
        (s) => STATUS[s],
        (s) => BACK[s]
      ) ?? 'unknown',
    ...(sameSchedule
      ? {}
      : { scheduledTiming: scheduleToFhir(schedule, loaded.scheduledTiming), scheduledPeriod: undefined }),
    performer: [...(own ? [own] : []), ...others],
    goal: goalRefs.map((g) => loaded.goal?.find((l) => l.reference === g.reference) ?? g),
  };
}
