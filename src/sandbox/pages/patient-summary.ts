/** The few facts about a client the sandbox's pages show: name, birth date, age, gender, MRN. */
import type * as fhir from 'fhir/r4';

export interface PatientSummary {
  readonly id: string;
  readonly name: string;
  readonly birthDate?: string;
  readonly age?: number;
  readonly gender?: string;
  readonly mrn?: string;
}

export function formatHumanName(name: fhir.HumanName | undefined): string | undefined {
  if (!name) {
    return undefined;
  }
  if (name.text) {
    return name.text;
  }
  const parts = [...(name.given ?? []), name.family].filter((part): part is string => Boolean(part));
  const full = parts.join(' ');
  const suffix = name.suffix?.join(', ');
  return full ? (suffix ? `${full}, ${suffix}` : full) : undefined;
}

function preferredName(names: readonly fhir.HumanName[] | undefined): fhir.HumanName | undefined {
  return names?.find((name) => name.use === 'official') ?? names?.find((name) => name.use !== 'old') ?? names?.[0];
}

/** The medical record number: the identifier typed MR (v2-0203), else the first identifier. */
function medicalRecordNumber(identifiers: readonly fhir.Identifier[] | undefined): string | undefined {
  const typedMr = identifiers?.find((identifier) => identifier.type?.coding?.some((coding) => coding.code === 'MR'));
  return (typedMr ?? identifiers?.[0])?.value;
}

/** Whole years between a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD) and `today`. */
export function ageOn(birthDate: string, today: Date): number | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate);
  if (!match) {
    return undefined;
  }
  const [year, month = 1, day = 1] = match.slice(1).map((part) => (part ? Number(part) : undefined)) as [
    number,
    number | undefined,
    number | undefined,
  ];
  const hadBirthday =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

export function summarizePatient(patient: fhir.Patient, today: Date): PatientSummary {
  const age = patient.birthDate ? ageOn(patient.birthDate, today) : undefined;
  const mrn = medicalRecordNumber(patient.identifier);
  return {
    id: patient.id ?? '',
    name: formatHumanName(preferredName(patient.name)) ?? 'Unnamed client',
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(age === undefined ? {} : { age }),
    ...(patient.gender ? { gender: patient.gender } : {}),
    ...(mrn ? { mrn } : {}),
  };
}

/** Summaries sorted by name, for tables. */
export function summarizePatients(patients: readonly fhir.Patient[], today: Date): PatientSummary[] {
  return patients
    .filter((patient) => patient.id)
    .map((patient) => summarizePatient(patient, today))
    .sort((a, b) => a.name.localeCompare(b.name));
}
