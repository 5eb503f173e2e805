/**
 * What insurers require on the record of a session: date of service, start and stop time, place of service, the
 * client's name with a second identifier, the provider's name with credentials.
 */
import { isCalendarDate, isZonedDateTime } from '../calendar.ts';
import type { TreatmentPlan } from '../treatment-plan.ts';
import { failed, passed, type CompletenessItem } from './completeness-item.ts';

export function dateOfService(plan: TreatmentPlan): CompletenessItem {
  const question = 'Is the date of service recorded?';
  const date = plan.session.dateOfService;
  if (date !== undefined && isCalendarDate(date))
    return passed('date-of-service', 'insurer', question, `Date of service: ${date}.`);
  return failed('date-of-service', 'insurer', question, 'Enter the date of the session.', ['session.dateOfService']);
}

export function sessionTimes(plan: TreatmentPlan): CompletenessItem {
  const question = 'Are the start and stop times recorded?';
  const missing = (['start', 'end'] as const).flatMap((field) => {
    const value = plan.session[field];
    return value !== undefined && isZonedDateTime(value) ? [] : [`session.${field}`];
  });
  if (missing.length === 0)
    return passed('session-times', 'insurer', question, 'The session’s start and stop times are recorded.');
  const which =
    missing.length === 2 ? 'start and stop times' : missing[0] === 'session.start' ? 'start time' : 'stop time';
  return failed('session-times', 'insurer', question, `Enter the session’s ${which}.`, missing);
}

export function placeOfService(plan: TreatmentPlan): CompletenessItem {
  const question = 'Is the place of service recorded?';
  const place = plan.session.placeOfService;
  if (place && place.code.trim() !== '') {
    return passed('place-of-service', 'insurer', question, `Place of service: ${place.display ?? place.code}.`);
  }
  return failed(
    'place-of-service',
    'insurer',
    question,
    'Choose where the session took place (office, telehealth, home ...).',
    ['session.placeOfService']
  );
}

export function clientIdentification(plan: TreatmentPlan): CompletenessItem {
  const question = 'Is the client identified by name and a second identifier?';
  const { name, birthDate, identifiers } = plan.client;
  const hasName = name.trim() !== '';
  const hasSecond =
    (birthDate !== undefined && isCalendarDate(birthDate)) || identifiers.some((i) => i.value.trim() !== '');
  if (hasName && hasSecond)
    return passed(
      'client-identification',
      'insurer',
      question,
      'The client’s name and a second identifier are recorded.'
    );
  const paths = [...(hasName ? [] : ['client.name']), ...(hasSecond ? [] : ['client.identifiers'])];
  const why = hasName
    ? 'Add a second identifier for the client, such as the date of birth or the medical record number, in the EHR.'
    : 'The client’s name is missing from the EHR record.';
  return failed('client-identification', 'insurer', question, why, paths);
}

export function providerCredentials(plan: TreatmentPlan): CompletenessItem {
  const question = 'Is the provider named, with credentials?';
  const provider = plan.session.provider;
  if (!provider || provider.name.trim() === '') {
    return failed('provider-credentials', 'insurer', question, 'Name the provider of the session.', [
      'session.provider',
    ]);
  }
  const credentials = provider.credentials.filter((c) => c.trim() !== '');
  if (credentials.length === 0) {
    return failed('provider-credentials', 'insurer', question, `Add ${provider.name}’s credentials (e.g. LCSW, PhD).`, [
      'session.provider.credentials',
    ]);
  }
  return passed('provider-credentials', 'insurer', question, `Provider: ${provider.name}, ${credentials.join(', ')}.`);
}
