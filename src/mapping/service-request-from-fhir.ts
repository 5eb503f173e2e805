/**
 * ServiceRequests of a plan: interventions (no category of ours), the care schedule (`care-schedule`) and the
 * contract's responsibilities (`responsibility`), told apart by our `plan-activity-kind` category.
 */
import type * as fhir from 'fhir/r4';
import type { CareSchedule, Intervention, Party, Responsibility } from '../plan/treatment-plan.ts';
import { CODING, EXTENSION, SYSTEM } from './codes.ts';
import { codingIn, conceptFromFhir, hasCoding } from './concept.ts';
import { partyFromReference, partyFromRole } from './party.ts';
import { personRefFromFhir } from './person-ref.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext, Report } from './read-context.ts';
import type { Located } from './resource-index.ts';
import { scheduleFromFhir } from './timing.ts';

export type RequestKind = 'intervention' | 'care-schedule' | 'responsibility';

export function requestKind(request: fhir.ServiceRequest): RequestKind {
  const categories = request.category ?? [];
  if (categories.some((c) => hasCoding(c, CODING.careSchedule))) return 'care-schedule';
  if (categories.some((c) => hasCoding(c, CODING.responsibility))) return 'responsibility';
  return 'intervention';
}

const STATUSES: readonly Intervention['status'][] = ['draft', 'active', 'on-hold', 'completed', 'revoked'];
const COMMON = ['text', 'status', 'intent', 'category', 'subject', 'code', 'performerType', 'performer'];

function reportCommon(
  request: fhir.ServiceRequest,
  report: Report,
  understood: readonly string[],
  extensions: string[] = []
): void {
  reportUnread(report, request, [...COMMON, ...understood], extensions);
  if (request.intent !== 'plan' && request.intent !== 'proposal') {
    report('ServiceRequest.intent', `a request with intent ${request.intent} is shown as planned`);
  }
  (request.category ?? []).forEach((c, i) => {
    if (!codingIn(c, SYSTEM.planActivityKind))
      report(`ServiceRequest.category[${i}]`, 'this category has no place in the plan');
  });
  (request.performer ?? []).slice(1).forEach((_, i) => {
    report(`ServiceRequest.performer[${i + 1}]`, 'only the first performer is shown');
  });
}

function performerParty(request: fhir.ServiceRequest, ctx: ReadContext): Party | undefined {
  const performer = request.performer?.[0];
  return partyFromRole(request.performerType) ?? (performer ? partyFromReference(performer, ctx.index) : undefined);
}

export function interventionFromFhir(
  at: Located<fhir.ServiceRequest>,
  ctx: ReadContext,
  goalIdOf: (reference: fhir.Reference, from: Located) => string | undefined
): Intervention {
  const request = at.resource;
  const report = ctx.reporter(at);
  reportCommon(request, report, ['occurrenceTiming', 'note'], [EXTENSION.pertainsToGoal]);
  (request.note ?? []).slice(1).forEach((_, i) => {
    report(`ServiceRequest.note[${i + 1}]`, 'only the first note is shown (as how the intervention is applied)');
  });
  const schedule = scheduleFromFhir(request.occurrenceTiming, report, 'ServiceRequest.occurrenceTiming');
  const goalIds = (request.extension ?? []).flatMap((e, i) => {
    if (e.url !== EXTENSION.pertainsToGoal) return [];
    const id = e.valueReference ? goalIdOf(e.valueReference, at) : undefined;
    if (id === undefined) report(`ServiceRequest.extension[${i}]`, 'serves a goal that is not part of the plan');
    return id === undefined ? [] : [id];
  });
  const status = STATUSES.find((s) => s === request.status);
  if (!status) report('ServiceRequest.status', `status ${request.status} is shown as revoked`);
  const party = partyFromRole(request.performerType);
  const performerRef = personRefFromFhir(request.performer?.[0], ctx.index, at);
  const application = request.note?.[0]?.text;
  return {
    id: idOf(at),
    technique: conceptFromFhir(request.code, report, 'ServiceRequest.code'),
    ...(application !== undefined ? { application } : {}),
    ...(schedule.frequency ? { frequency: schedule.frequency } : {}),
    ...(party ? { performer: party } : {}),
    ...(performerRef ? { performerRef } : {}),
    goalIds,
    status: status ?? 'revoked',
    ...(schedule.start !== undefined ? { start: schedule.start } : {}),
    ...(schedule.end !== undefined ? { end: schedule.end } : {}),
  };
}

export function scheduleFromRequest(at: Located<fhir.ServiceRequest>, ctx: ReadContext): CareSchedule {
  const request = at.resource;
  const report = ctx.reporter(at);
  reportCommon(request, report, ['occurrenceTiming', 'orderDetail']);
  (request.orderDetail ?? []).slice(1).forEach((_, i) => {
    report(`ServiceRequest.orderDetail[${i + 1}]`, 'only the first order detail is shown (as the format)');
  });
  const unknown = (request.code?.coding ?? []).some((c) => c.system === SYSTEM.dataAbsentReason);
  const s = scheduleFromFhir(request.occurrenceTiming, report, 'ServiceRequest.occurrenceTiming');
  const format = request.orderDetail?.[0];
  return {
    ...(request.code && !unknown ? { modality: conceptFromFhir(request.code, report, 'ServiceRequest.code') } : {}),
    ...(format ? { format: conceptFromFhir(format, report, 'ServiceRequest.orderDetail[0]') } : {}),
    ...(s.frequency ? { sessionFrequency: s.frequency } : {}),
    ...(s.minutes !== undefined ? { sessionMinutes: s.minutes } : {}),
    ...(s.start !== undefined ? { startDate: s.start } : {}),
    ...(s.end !== undefined ? { targetEndDate: s.end } : {}),
  };
}

export function responsibilityFromFhir(at: Located<fhir.ServiceRequest>, ctx: ReadContext): Responsibility {
  const request = at.resource;
  const report = ctx.reporter(at);
  reportCommon(request, report, []);
  const person = personRefFromFhir(request.performer?.[0], ctx.index, at);
  return {
    id: idOf(at),
    party: performerParty(request, ctx) ?? 'other',
    ...(person ? { person } : {}),
    description: conceptFromFhir(request.code, report, 'ServiceRequest.code').text,
  };
}
