/**
 * Which patient on the target server an import attaches to (issue 6 §2): the one asked for, else the one that
 * holds the input patient's identifiers (each searched as `Patient?identifier=system|value`). Several → the user
 * chooses; none → the input's Patient is created, or, when the input has none, the user names one.
 */
import type * as fhir from 'fhir/r4';
import { FhirError } from '../fhir/fhir-error.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import { tokenParameter } from '../mapping/identifiers.ts';
import { humanName } from '../mapping/person-ref.ts';
import type { ImportIssue, PatientCandidate, PatientMatch } from './import-report.ts';
import { findOnTarget } from './target-search.ts';

export interface PatientDecision {
  readonly match: PatientMatch;
  readonly issues: readonly ImportIssue[];
}

/** The patient's name (the official one, else the first), or its address when it has none. */
function nameOf(patient: fhir.Patient): string {
  const words = humanName(patient.name)?.trim() ?? '';
  return words === '' ? `Patient/${patient.id ?? ''}` : words;
}

const identifiersOf = (patient: fhir.Patient | undefined): { system: string; value: string }[] =>
  (Array.isArray(patient?.identifier) ? patient.identifier : []).flatMap((i) =>
    typeof i.system === 'string' && typeof i.value === 'string' ? [{ system: i.system, value: i.value }] : []
  );

function candidate(patient: fhir.Patient, matchedOn: readonly string[]): PatientCandidate {
  return {
    reference: `Patient/${patient.id ?? ''}`,
    name: nameOf(patient),
    ...(patient.birthDate !== undefined ? { birthDate: patient.birthDate } : {}),
    matchedOn,
  };
}

const issue = (severity: ImportIssue['severity'], message: string, location: string): ImportIssue => ({
  severity,
  location,
  message,
  rule: 'patient',
});

/** The patient asked for: an id on the target, or `system|value` of an identifier. */
async function asked(target: FhirGateway, wanted: string): Promise<PatientDecision> {
  const bar = wanted.indexOf('|');
  let found: fhir.Patient[];
  if (bar === -1) {
    try {
      found = [await target.read<fhir.Patient>(`Patient/${encodeURIComponent(wanted)}`)];
    } catch (error) {
      if (!(error instanceof FhirError) || (error.status !== 404 && error.status !== 410)) throw error;
      found = [];
    }
  } else {
    const query = `identifier=${tokenParameter(wanted.slice(0, bar), wanted.slice(bar + 1))}`;
    found = await findOnTarget<fhir.Patient>(target, 'Patient', query);
  }
  const [only] = found;
  if (found.length === 1 && only) {
    return {
      match: { kind: 'matched', reference: `Patient/${only.id ?? ''}`, name: nameOf(only), by: 'asked' },
      issues: [],
    };
  }
  if (found.length > 1) {
    return {
      match: { kind: 'ambiguous', candidates: found.map((p) => candidate(p, [wanted])) },
      issues: [
        issue('error', `${String(found.length)} patients on the target hold ${wanted}: name one by its id.`, 'Patient'),
      ],
    };
  }
  const message = `The target server has no patient ${wanted}.`;
  return { match: { kind: 'absent', willCreate: false, message }, issues: [issue('error', message, 'Patient')] };
}

/**
 * `patient`: the input's Patient, when it has one; `location`: where it is in the input. `wanted`: the
 * patient asked for (`options.patient`).
 */
export async function matchPatient(
  target: FhirGateway,
  patient: fhir.Patient | undefined,
  location: string,
  wanted: string | undefined,
  referredTo?: string
): Promise<PatientDecision> {
  if (wanted !== undefined && wanted.trim() !== '') return asked(target, wanted.trim());
  if (patient === undefined) {
    const message =
      `The input ${referredTo === undefined ? '' : `refers to ${referredTo} but `}holds no Patient record to match ` +
      'or create: name the patient on the target server (its id, or system|value of an identifier).';
    return { match: { kind: 'absent', willCreate: false, message }, issues: [issue('error', message, 'Patient')] };
  }
  const identifiers = identifiersOf(patient);
  if (identifiers.length === 0) {
    const message = `${nameOf(patient)} has no identifier to match on the target: a new patient will be created.`;
    return {
      match: { kind: 'absent', willCreate: true, message },
      issues: [
        issue(
          'warning',
          `${message} Importing the file again would create the patient again; name an existing patient instead if there is one.`,
          `${location}.identifier`
        ),
      ],
    };
  }
  const byId = new Map<string, { patient: fhir.Patient; on: string[] }>();
  for (const { system, value } of identifiers) {
    const found = await findOnTarget<fhir.Patient>(target, 'Patient', `identifier=${tokenParameter(system, value)}`);
    for (const p of found) {
      const known = byId.get(p.id ?? '') ?? { patient: p, on: [] };
      known.on.push(`${system}|${value}`);
      byId.set(p.id ?? '', known);
    }
  }
  const candidates = [...byId.values()];
  const [only] = candidates;
  if (candidates.length === 1 && only) {
    return {
      match: {
        kind: 'matched',
        reference: `Patient/${only.patient.id ?? ''}`,
        name: nameOf(only.patient),
        by: `identifier ${only.on.join(', ')}`,
      },
      issues: [],
    };
  }
  if (candidates.length > 1) {
    return {
      match: { kind: 'ambiguous', candidates: candidates.map((c) => candidate(c.patient, c.on)) },
      issues: [
        issue(
          'error',
          `${String(candidates.length)} patients on the target share identifiers with ${nameOf(patient)}: choose one.`,
          `${location}.identifier`
        ),
      ],
    };
  }
  const message = `No patient on the target holds ${nameOf(patient)}'s identifiers: the patient will be created.`;
  return { match: { kind: 'absent', willCreate: true, message }, issues: [issue('information', message, location)] };
}
