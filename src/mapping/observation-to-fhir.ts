/**
 * Observations of the plan (DESIGN.md §4): measurements as scores (category survey, a number: valueQuantity
 * with the UCUM unit, never a string; focus → the goal they track); strengths (eLTSS `strength`, note = how the
 * plan uses it); occupation (LOINC 11341-5) and psychosocial history (LOINC 29762-2 Social history Narrative).
 */
import type * as fhir from 'fhir/r4';
import type { Amount, Measurement, Strength, TreatmentPlan } from '../plan/treatment-plan.ts';
import { firstNoteToFhir } from './annotations.ts';
import { CODING, OUTCOME_MEASURE_CODES, PROFILE, SYSTEM } from './codes.ts';
import { codedAs, conceptToFhir, hasCoding, mergeCategories } from './concept.ts';
import { draft } from './draft.ts';
import type { Draft, Owned, WriteContext } from './draft.ts';
import { sameJson } from './json.ts';
import { amountFromFhir, amountToFhir } from './quantities.ts';
import { recordKeys } from './record-keys.ts';
import { mergeReferences } from './references.ts';

const VALUE_KEYS = ['valueQuantity', 'valueCodeableConcept', 'valueString', 'valueBoolean', 'valueInteger'] as const;
const noValue = Object.fromEntries(VALUE_KEYS.map((k) => [k, undefined])) as Owned<fhir.Observation>;

/**
 * A score as a number: valueQuantity, or valueInteger read as `{score}`; also a total score of one of our
 * outcome measures that another system wrote as digits in valueString (US Core's PHQ-9 total example does).
 */
export function observationAmount(observation: fhir.Observation): Amount | undefined {
  if (observation.valueInteger !== undefined) return { value: observation.valueInteger, unit: '{score}' };
  if (observation.valueQuantity) return amountFromFhir(observation.valueQuantity);
  return scoreFromString(observation);
}

/** The digits of a total score written as valueString, when the code is one of our outcome measures. */
export function scoreFromString(observation: fhir.Observation): Amount | undefined {
  const digits = observation.valueString?.trim() ?? '';
  // Observation.code is required, but data from elsewhere may lack it.
  const code = observation.code as fhir.CodeableConcept | undefined;
  const total = (code?.coding ?? []).some((c) => c.system === SYSTEM.loinc && OUTCOME_MEASURE_CODES.has(c.code ?? ''));
  return total && /^\d{1,3}$/.test(digits) ? { value: Number(digits), unit: '{score}' } : undefined;
}

/** The text value of a strength or history item. */
export function observationText(observation: fhir.Observation): string | undefined {
  return observation.valueString ?? observation.valueCodeableConcept?.text;
}

function common(ctx: WriteContext, loaded: fhir.Observation | undefined, code: fhir.Coding): Owned<fhir.Observation> {
  const client = ctx.plan.client.reference;
  return {
    status: loaded?.status ?? 'final',
    code: hasCoding(loaded?.code, code) ? loaded?.code : codedAs(code),
    subject: loaded?.subject?.reference === client ? loaded.subject : { reference: client },
  };
}

export function isOutcomeMeasure(measurement: Measurement): boolean {
  return measurement.measure.codes.some((c) => c.system === SYSTEM.loinc && OUTCOME_MEASURE_CODES.has(c.code));
}

function measurementDraft(measurement: Measurement): Draft {
  return draft<fhir.Observation>({
    type: 'Observation',
    key: measurement.id,
    profile: isOutcomeMeasure(measurement) ? PROFILE.score : PROFILE.measure,
    owned: (loaded, ctx) => {
      const goal = measurement.goalId === undefined ? undefined : ctx.ref('Goal', measurement.goalId);
      const sameValue = loaded !== undefined && sameJson(observationAmount(loaded), measurement.value);
      const sameDate = loaded?.effectiveDateTime === measurement.date;
      const client = ctx.plan.client.reference;
      return {
        status: loaded?.status ?? 'final',
        category: mergeCategories(loaded?.category, [codedAs(CODING.survey)], [SYSTEM.observationCategory]),
        code: conceptToFhir(measurement.measure, loaded?.code),
        subject: loaded?.subject?.reference === client ? loaded.subject : { reference: client },
        focus: mergeReferences(goal ? [{ reference: goal }] : [], loaded?.focus, (r) => ctx.placed(r)),
        ...(sameDate
          ? {}
          : { effectivePeriod: undefined, effectiveInstant: undefined, effectiveDateTime: measurement.date }),
        ...(sameValue ? {} : { ...noValue, valueQuantity: amountToFhir(measurement.value) }),
        note: firstNoteToFhir(measurement.note, loaded?.note),
      };
    },
  });
}

function strengthDraft(strength: Strength): Draft {
  return draft<fhir.Observation>({
    type: 'Observation',
    key: strength.id,
    profile: PROFILE.strength,
    owned: (loaded, ctx) => ({
      ...common(ctx, loaded, CODING.strength),
      ...(loaded && observationText(loaded) === strength.description
        ? {}
        : { ...noValue, valueString: strength.description }),
      note: firstNoteToFhir(strength.use, loaded?.note),
    }),
  });
}

function historyDraft(key: string, code: fhir.Coding, text: string, value: 'string' | 'concept'): Draft {
  return draft<fhir.Observation>({
    type: 'Observation',
    key,
    profile: PROFILE.history,
    owned: (loaded, ctx) => ({
      ...common(ctx, loaded, code),
      category: mergeCategories(loaded?.category, [codedAs(CODING.socialHistory)], [SYSTEM.observationCategory]),
      ...(loaded && observationText(loaded) === text
        ? {}
        : { ...noValue, ...(value === 'string' ? { valueString: text } : { valueCodeableConcept: { text } }) }),
    }),
  });
}

export function observationDrafts(plan: TreatmentPlan): Draft[] {
  const { occupation, psychosocialHistory } = plan.history;
  return [
    ...plan.progress.measurements.map(measurementDraft),
    ...plan.strengths.map(strengthDraft),
    ...(occupation === undefined
      ? []
      : [historyDraft(recordKeys.occupation(plan), CODING.occupation, occupation, 'concept')]),
    ...(psychosocialHistory === undefined
      ? []
      : [
          historyDraft(
            recordKeys.psychosocialHistory(plan),
            CODING.socialHistoryNarrative,
            psychosocialHistory,
            'string'
          ),
        ]),
  ];
}
