/**
 * Interventions, the care schedule and the contract's responsibilities as ServiceRequests with intent `plan`
 * (DESIGN.md §4), referenced from CarePlan.activity. Each kind is told apart by a category code of ours
 * (`plan-activity-kind`): interventions have none, the schedule is `care-schedule`, a responsibility is
 * `responsibility`. Interventions name the goals they serve with R4's resource-pertainsToGoal extension.
 */
import type * as fhir from 'fhir/r4';
import type { Concept, Intervention, Responsibility, TreatmentPlan } from '../plan/treatment-plan.ts';
import { firstNoteToFhir } from './annotations.ts';
import { CODING, EXTENSION, PROFILE, SYSTEM } from './codes.ts';
import { codedAs, conceptToFhir, mergeCategories } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft, Owned, WriteContext } from './draft.ts';
import { keepIfSame, sameJson } from './json.ts';
import { partyFromRole, partyToRole } from './party.ts';
import { personRefToFhir } from './person-ref.ts';
import { recordKeys } from './record-keys.ts';
import { mergeInPlace } from './references.ts';
import { scheduleFromFhir, scheduleToFhir } from './timing.ts';
import type { Schedule } from './timing.ts';

type Kind = 'intervention' | 'care-schedule' | 'responsibility';

function base(ctx: WriteContext, loaded: fhir.ServiceRequest | undefined, kind: Kind): Owned<fhir.ServiceRequest> {
  const client = ctx.plan.client.reference;
  const category =
    kind === 'care-schedule' ? [CODING.careSchedule] : kind === 'responsibility' ? [CODING.responsibility] : [];
  return {
    intent: 'plan',
    category: mergeCategories(loaded?.category, category.map(codedAs), [SYSTEM.planActivityKind]),
    subject: loaded?.subject.reference === client ? loaded.subject : { reference: client },
  };
}

function timingOwned(schedule: Schedule, loaded: fhir.ServiceRequest | undefined): Owned<fhir.ServiceRequest> {
  if (sameJson(scheduleFromFhir(loaded?.occurrenceTiming), schedule)) return {};
  const timing = scheduleToFhir(schedule, loaded?.occurrenceTiming);
  return timing
    ? { occurrenceTiming: timing, occurrenceDateTime: undefined, occurrencePeriod: undefined }
    : { occurrenceTiming: undefined };
}

/** A concept, or data-absent-reason `unknown` where R4 or the profile needs a code and the model has none. */
function conceptOrUnknown(
  concept: Concept | undefined,
  loaded: fhir.CodeableConcept | undefined
): fhir.CodeableConcept {
  if (concept) return conceptToFhir(concept, loaded) ?? codedAs(CODING.unknown);
  return loaded?.coding?.some((c) => c.system === SYSTEM.dataAbsentReason) ? loaded : codedAs(CODING.unknown);
}

function interventionDraft(intervention: Intervention): Draft {
  return draft<fhir.ServiceRequest>({
    type: 'ServiceRequest',
    key: intervention.id,
    profile: PROFILE.serviceRequest,
    owned: (loaded, ctx) => {
      const goals = intervention.goalIds.flatMap((id) => {
        const reference = ctx.ref('Goal', id);
        return reference ? [reference] : [];
      });
      const old = loaded?.extension ?? [];
      const ours = goals.map(
        (reference) =>
          old.find((e) => e.url === EXTENSION.pertainsToGoal && e.valueReference?.reference === reference) ?? {
            url: EXTENSION.pertainsToGoal,
            valueReference: { reference },
          }
      );
      const extension = mergeInPlace(
        old,
        ours,
        (e) =>
          e.url === EXTENSION.pertainsToGoal &&
          (ours.includes(e) ||
            (e.valueReference !== undefined &&
              (ctx.placed(e.valueReference) || goals.includes(e.valueReference.reference ?? ''))))
      );
      const [performer, ...others] = loaded?.performer ?? [];
      const own = personRefToFhir(intervention.performerRef, performer, ctx.loaded);
      return {
        ...base(ctx, loaded, 'intervention'),
        extension,
        status: intervention.status,
        code: conceptToFhir(intervention.technique, loaded?.code),
        note: firstNoteToFhir(intervention.application, loaded?.note),
        performerType: keepIfSame(loaded?.performerType, intervention.performer, partyFromRole, partyToRole),
        performer: [...(own ? [own] : []), ...others],
        ...timingOwned(
          {
            ...(intervention.frequency ? { frequency: intervention.frequency } : {}),
            ...(intervention.start !== undefined ? { start: intervention.start } : {}),
            ...(intervention.end !== undefined ? { end: intervention.end } : {}),
          },
          loaded
        ),
      };
    },
  });
}

function scheduleDraft(plan: TreatmentPlan): Draft[] {
  const s = plan.schedule;
  if (Object.values(s).every((v) => v === undefined)) return [];
  return [
    draft<fhir.ServiceRequest>({
      type: 'ServiceRequest',
      key: recordKeys.schedule(plan),
      profile: PROFILE.serviceRequest,
      owned: (loaded, ctx) => {
        const [format, ...others] = loaded?.orderDetail ?? [];
        const ownFormat = s.format ? conceptToFhir(s.format, format) : undefined;
        return {
          ...base(ctx, loaded, 'care-schedule'),
          status: plan.status,
          code: conceptOrUnknown(s.modality, loaded?.code),
          orderDetail: [...(ownFormat ? [ownFormat] : []), ...others],
          ...timingOwned(
            {
              ...(s.sessionFrequency ? { frequency: s.sessionFrequency } : {}),
              ...(s.sessionMinutes !== undefined ? { minutes: s.sessionMinutes } : {}),
              ...(s.startDate !== undefined ? { start: s.startDate } : {}),
              ...(s.targetEndDate !== undefined ? { end: s.targetEndDate } : {}),
            },
            loaded
          ),
        };
      },
    }),
  ];
}

function responsibilityDraft(responsibility: Responsibility): Draft {
  return draft<fhir.ServiceRequest>({
    type: 'ServiceRequest',
    key: responsibility.id,
    profile: PROFILE.serviceRequest,
    owned: (loaded, ctx) => {
      const [performer, ...others] = loaded?.performer ?? [];
      const own = personRefToFhir(responsibility.person, performer, ctx.loaded);
      return {
        ...base(ctx, loaded, 'responsibility'),
        status: loaded?.status ?? 'active',
        code: conceptToFhir({ text: responsibility.description, codes: [] }, loaded?.code),
        performerType: keepIfSame(loaded?.performerType, responsibility.party, partyFromRole, partyToRole),
        performer: [...(own ? [own] : []), ...others],
      };
    },
  });
}

export function serviceRequestDrafts(plan: TreatmentPlan): Draft[] {
  return [
    ...plan.interventions.map(interventionDraft),
    ...scheduleDraft(plan),
    ...plan.contract.responsibilities.map(responsibilityDraft),
  ];
}
