/**
 * Amounts, targets' comparators, frequencies and onsets. R4 Quantity.comparator allows only `<`, `<=`, `>=`
 * and `>` (https://hl7.org/fhir/R4/datatypes.html#Quantity); a Quantity without a comparator is the value
 * itself, so the model's `=` is written as no comparator and read back from its absence.
 */
import type * as fhir from 'fhir/r4';
import type { Amount, Comparator, Frequency, Onset } from '../plan/treatment-plan.ts';
import { EXTENSION, SYSTEM } from './codes.ts';
import type { Report } from './read-context.ts';

export function amountToFhir(amount: Amount, comparator: Comparator = '='): fhir.Quantity {
  return {
    value: amount.value,
    ...(comparator === '=' ? {} : { comparator }),
    unit: amount.unit,
    system: SYSTEM.ucum,
    code: amount.unit,
  };
}

export function amountFromFhir(quantity: fhir.Quantity | undefined): Amount | undefined {
  const unit = quantity?.code ?? quantity?.unit;
  if (quantity?.value === undefined || unit === undefined) return undefined;
  return { value: quantity.value, unit };
}

export function comparatorFromFhir(quantity: fhir.Quantity): Comparator {
  return quantity.comparator ?? '=';
}

const UNITS: readonly Frequency['unit'][] = ['d', 'wk', 'mo'];

export function frequencyToFhir(frequency: Frequency): fhir.TimingRepeat {
  return { frequency: frequency.count, period: frequency.per, periodUnit: frequency.unit };
}

/** `frequency` per `period` `periodUnit`; a missing period counts as 1 (as in "once a week"). */
export function frequencyFromFhir(
  repeat: fhir.TimingRepeat | undefined,
  report: Report,
  path: string
): Frequency | undefined {
  if (repeat?.frequency === undefined && repeat?.periodUnit === undefined) return undefined;
  const unit = UNITS.find((u) => u === repeat.periodUnit);
  if (unit === undefined) {
    report(`${path}.periodUnit`, `a frequency per ${repeat.periodUnit ?? '(no unit)'} has no place in the plan`);
    return undefined;
  }
  return { count: repeat.frequency ?? 1, per: repeat.period ?? 1, unit };
}

type WithOnset = Pick<fhir.Condition, 'onsetDateTime' | '_onsetDateTime' | 'onsetString'>;

/**
 * An onset date as onsetDateTime, words as onsetString; both together as the date with the words in R4's
 * `originalText` extension on it.
 */
export function onsetToFhir(onset: Onset | undefined): WithOnset {
  if (onset?.date !== undefined && onset.text !== undefined) {
    return {
      onsetDateTime: onset.date,
      _onsetDateTime: { extension: [{ url: EXTENSION.originalText, valueString: onset.text }] },
    };
  }
  if (onset?.date !== undefined) return { onsetDateTime: onset.date };
  if (onset?.text !== undefined) return { onsetString: onset.text };
  return {};
}

export function onsetFromFhir(condition: fhir.Condition, report: Report): Onset | undefined {
  const words = condition._onsetDateTime?.extension?.find((e) => e.url === EXTENSION.originalText)?.valueString;
  const date = condition.onsetDateTime?.slice(0, 10);
  if (condition.onsetDateTime !== undefined && condition.onsetDateTime.length > 10) {
    report('Condition.onsetDateTime', 'the time of onset is shown as its date only');
  }
  for (const key of ['onsetAge', 'onsetPeriod', 'onsetRange'] as const) {
    if (condition[key] !== undefined) report(`Condition.${key}`, 'an onset given this way has no place in the plan');
  }
  const text = words ?? condition.onsetString;
  if (date === undefined && text === undefined) return undefined;
  return { ...(date !== undefined ? { date } : {}), ...(text !== undefined ? { text } : {}) };
}
