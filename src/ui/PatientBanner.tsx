import type * as fhir from 'fhir/r4';
import type { ReactElement } from 'react';
import { ageText, displayName, genderText, identifiersToShow } from './patient-display.ts';

export interface PatientBannerProps {
  readonly patient: fhir.Patient;
  /** The date ages are computed on; defaults to now. */
  readonly today?: Date;
}

/** Who this plan is for: name, date of birth with computed age, gender and identifiers (MRN first). */
export function PatientBanner({ patient, today = new Date() }: PatientBannerProps): ReactElement {
  const name = displayName(patient.name) ?? 'Name not recorded';
  const age = ageText(patient.birthDate, today);
  const gender = genderText(patient.gender);
  const identifiers = identifiersToShow(patient.identifier);
  return (
    <section className="patient-banner" aria-label="Patient">
      <h2 className="patient-name">{name}</h2>
      <dl className="patient-facts">
        <div>
          <dt>Date of birth</dt>
          <dd>
            {patient.birthDate ?? 'Not recorded'}
            {age === undefined ? null : <span className="patient-age"> ({age})</span>}
          </dd>
        </div>
        {gender === undefined ? null : (
          <div>
            <dt>Gender</dt>
            <dd>{gender}</dd>
          </div>
        )}
        {identifiers.map((identifier, index) => (
          <div key={`${identifier.label}-${index}`}>
            <dt>{identifier.label}</dt>
            <dd>{identifier.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
