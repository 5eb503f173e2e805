/**
 * Observations of a plan: strengths (eLTSS `strength`), occupation (LOINC 11341-5), psychosocial history
 * (LOINC 29762-2) and measurements (any Observation with a number: valueQuantity, or valueInteger as a score).
 */
import type * as fhir from 'fhir/r4';
import type { Measurement, Strength } from '../plan/treatment-plan.ts';
import { CODING } from './codes.ts';
import { conceptFromFhir, hasCoding } from './concept.ts';
import { observationAmount, observationText } from './observation-to-fhir.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { ReadContext } from './read-context.ts';
import type { Located } from './resource-index.ts';

export type ObservationKind = 'strength' | 'occupation' | 'psychosocial-history' | 'measurement' | 'panel';

/**
 * What an Observation is to the plan. A `panel` (a questionnaire such as PHQ-9 44249-1, with hasMember and no
 * value of its own) is never a measurement: its total score is one of its members.
 */
export function observationKind(observation: fhir.Observation): ObservationKind | undefined {
  if (hasCoding(observation.code, CODING.strength)) return 'strength';
  if (hasCoding(observation.code, CODING.occupation)) return 'occupation';
  if (hasCoding(observation.code, CODING.socialHistoryNarrative)) return 'psychosocial-history';
  if (observationAmount(observation)) return 'measurement';
  return (observation.hasMember ?? []).length > 0 ? 'panel' : undefined;
}

export const PANEL_REASON =
  'a questionnaire panel has no score of its own: its total score is read as an assessment, its item answers are not part of the plan';

/** The members of a panel that are measurements (its total score): the items' answers are not. */
export function panelTotals(at: Located<fhir.Observation>, ctx: ReadContext): Located<fhir.Observation>[] {
  return (at.resource.hasMember ?? []).flatMap((r) => {
    const found = ctx.index.resolve(r.reference, at);
    if (found?.resource.resourceType !== 'Observation') return [];
    const member = found as Located<fhir.Observation>;
    return observationKind(member.resource) === 'measurement' ? [member] : [];
  });
}

const TEXT_ITEM = [
  'text',
  'status',
  'category',
  'code',
  'subject',
  'valueString',
  'valueCodeableConcept',
  'effectiveDateTime',
];

export function historyTextFromFhir(at: Located<fhir.Observation>, ctx: ReadContext): string {
  reportUnread(ctx.reporter(at), at.resource, TEXT_ITEM);
  return observationText(at.resource) ?? '';
}

export function strengthFromFhir(at: Located<fhir.Observation>, ctx: ReadContext): Strength {
  const report = ctx.reporter(at);
  reportUnread(report, at.resource, [...TEXT_ITEM, 'note']);
  (at.resource.note ?? []).slice(1).forEach((_, i) => {
    report(`Observation.note[${i + 1}]`, 'only the first note is shown (as how the strength is used)');
  });
  const use = at.resource.note?.[0]?.text;
  return { id: idOf(at), description: observationText(at.resource) ?? '', ...(use !== undefined ? { use } : {}) };
}

const MEASUREMENT = [
  'text',
  'status',
  'category',
  'code',
  'subject',
  'focus',
  'effectiveDateTime',
  'valueQuantity',
  'valueInteger',
  'note',
];

export function measurementFromFhir(
  at: Located<fhir.Observation>,
  ctx: ReadContext,
  goalIdOf: (observation: Located<fhir.Observation>) => string | undefined
): Measurement {
  const observation = at.resource;
  const report = ctx.reporter(at);
  // A total written as digits in valueString (see observationAmount) is placed as the value.
  const fromString = observation.valueQuantity === undefined && observation.valueInteger === undefined;
  reportUnread(report, observation, fromString ? [...MEASUREMENT, 'valueString'] : MEASUREMENT);
  (observation.category ?? []).forEach((c, i) => {
    if (!hasCoding(c, CODING.survey))
      report(`Observation.category[${i}]`, 'a category other than survey has no place in the plan');
  });
  (observation.note ?? []).slice(1).forEach((_, i) => {
    report(`Observation.note[${i + 1}]`, 'only the first note is shown');
  });
  if (!observation.effectiveDateTime) report('Observation.effective', 'a measurement without a date and time');
  const goalId = goalIdOf(at);
  const note = observation.note?.[0]?.text;
  return {
    id: idOf(at),
    measure: conceptFromFhir(observation.code, report, 'Observation.code'),
    value: observationAmount(observation) ?? { value: 0, unit: '' },
    date: observation.effectiveDateTime ?? '',
    ...(goalId !== undefined ? { goalId } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}
