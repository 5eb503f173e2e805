/**
 * How a patient and a user read on screen: names, computed age, the identifier with its type, credentials.
 * Pure functions over FHIR resources; the components only lay the results out. Names, identifiers and credentials
 * live in src/workspace/person-names.ts (a new plan uses them too).
 */
import type * as fhir from 'fhir/r4';

export { credentials, displayName, identifiersToShow, type IdentifierDisplay } from '../workspace/person-names.ts';

/**
 * Whole years between a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD) and today; months for a baby. Undefined when the
 * date is missing, malformed or in the future.
 */
export function ageText(birthDate: string | undefined, today: Date): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate ?? '');
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  const nowYear = today.getFullYear();
  const nowMonth = today.getMonth() + 1;
  const nowDay = today.getDate();
  let months = (nowYear - year) * 12 + (month === undefined ? 0 : nowMonth - month);
  if (day !== undefined && nowDay < day) {
    months -= 1;
  }
  if (months < 0) {
    return undefined;
  }
  if (month === undefined) {
    // Year only: the age is known to within a year.
    return `${nowYear - year} years`;
  }
  if (months < 24) {
    return months === 1 ? '1 month' : `${months} months`;
  }
  return `${Math.floor(months / 12)} years`;
}

export function genderText(gender: fhir.Patient['gender']): string | undefined {
  switch (gender) {
    case 'male':
      return 'Male';
    case 'female':
      return 'Female';
    case 'other':
      return 'Other';
    case 'unknown':
      return 'Unknown';
    case undefined:
      return undefined;
  }
}
