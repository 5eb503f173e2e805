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

export type ObservationKind = 'strength' | 'occupation' | 'psychosocial-history' | 'measurement';

export function observationKind(observation: fhir.Observation): ObservationKind | undefined {
  if (hasCoding(observation.code, CODING.strength)) return 'strength';
  if (hasCoding(observation.code, CODING.occupation)) return 'occupation';
  if (hasCoding(observation.code, CODING.socialHistoryNarrative)) return 'psychosocial-history';
  return observationAmount(observation) ? 'measurement' : undefined;
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
  reportUnread(report, observation, MEASUREMENT);
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
