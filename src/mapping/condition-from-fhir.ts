/**
 * Conditions as presenting concerns (US Core health-concern) or diagnoses (problem-list-item,
 * encounter-diagnosis; coded in ICD-10-CM, SNOMED CT, both, or words only).
 */
import type * as fhir from 'fhir/r4';
import type { Diagnosis, DiagnosisStatus, PresentingConcern } from '../plan/treatment-plan.ts';
import { CODING, SYSTEM } from './codes.ts';
import { codingIn, conceptFromFhir, hasCoding } from './concept.ts';
import { onsetFromFhir } from './quantities.ts';
import { idOf, reportUnread } from './read-context.ts';
import type { Report } from './read-context.ts';
import type { Located } from './resource-index.ts';

const DIAGNOSIS_STATUSES: readonly DiagnosisStatus[] = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
];
const VERIFICATIONS = ['provisional', 'differential', 'confirmed', 'refuted'] as const;
const DIAGNOSIS_CATEGORIES = ['problem-list-item', 'encounter-diagnosis'] as const;

const UNDERSTOOD = [
  'text',
  'clinicalStatus',
  'verificationStatus',
  'category',
  'code',
  'subject',
  'onsetDateTime',
  'onsetString',
  'onsetAge',
  'onsetPeriod',
  'onsetRange',
  'abatementDateTime',
  'note',
];

export function isHealthConcern(condition: fhir.Condition): boolean {
  return (condition.category ?? []).some((c) => hasCoding(c, CODING.healthConcern));
}

function diagnosisCategory(condition: fhir.Condition): Diagnosis['category'] | undefined {
  const codes = (condition.category ?? []).map((c) => codingIn(c, SYSTEM.conditionCategory)?.code);
  return DIAGNOSIS_CATEGORIES.find((category) => codes.includes(category));
}

function reportCommon(condition: fhir.Condition, report: Report): void {
  reportUnread(report, condition, UNDERSTOOD);
  (condition.category ?? []).forEach((category, i) => {
    const ours =
      hasCoding(category, CODING.healthConcern) || codingIn(category, SYSTEM.conditionCategory) !== undefined;
    if (!ours)
      report(
        `Condition.category[${i}]`,
        'a category other than problem list, encounter diagnosis or health concern has no place in the plan'
      );
  });
  (condition.note ?? []).slice(1).forEach((_, i) => {
    report(`Condition.note[${i + 1}]`, 'only the first note is shown');
  });
  for (const key of ['abatementAge', 'abatementPeriod', 'abatementRange', 'abatementString'] as const) {
    if (condition[key] !== undefined)
      report(`Condition.${key}`, 'an abatement given this way has no place in the plan');
  }
  if (!condition.code) report('Condition.code', 'the condition has no code or words');
}

export function concernFromFhir(at: Located<fhir.Condition>, report: Report): PresentingConcern {
  const condition = at.resource;
  reportCommon(condition, report);
  const clinical = codingIn(condition.clinicalStatus, SYSTEM.conditionClinical)?.code;
  if (condition.verificationStatus)
    report('Condition.verificationStatus', 'a concern has no verification status in the plan');
  const onset = onsetFromFhir(condition, report);
  const note = condition.note?.[0]?.text;
  return {
    id: idOf(at),
    concern: conceptFromFhir(condition.code, report, 'Condition.code'),
    ...(onset ? { onset } : {}),
    status: clinical === 'resolved' || clinical === 'inactive' || clinical === 'remission' ? 'resolved' : 'active',
    ...(note !== undefined ? { note } : {}),
  };
}

export function diagnosisFromFhir(at: Located<fhir.Condition>, role: Diagnosis['role'], report: Report): Diagnosis {
  const condition = at.resource;
  reportCommon(condition, report);
  const clinicalCode = codingIn(condition.clinicalStatus, SYSTEM.conditionClinical)?.code;
  const clinicalStatus = DIAGNOSIS_STATUSES.find((s) => s === clinicalCode);
  if (!clinicalStatus) report('Condition.clinicalStatus', 'no clinical status the plan knows; shown as active');
  const verificationCode = codingIn(condition.verificationStatus, SYSTEM.conditionVerification)?.code;
  const verificationStatus = VERIFICATIONS.find((v) => v === verificationCode);
  if (condition.verificationStatus && !verificationStatus) {
    report(
      'Condition.verificationStatus',
      `verification status ${verificationCode ?? '(no code)'} has no place in the plan`
    );
  }
  const category = diagnosisCategory(condition);
  if (!category) report('Condition.category', 'no problem-list or encounter-diagnosis category; shown as a problem');
  const onset = onsetFromFhir(condition, report);
  const note = condition.note?.[0]?.text;
  return {
    id: idOf(at),
    condition: conceptFromFhir(condition.code, report, 'Condition.code'),
    category: category ?? 'problem-list-item',
    clinicalStatus: clinicalStatus ?? 'active',
    ...(verificationStatus ? { verificationStatus } : {}),
    ...(onset ? { onset } : {}),
    ...(condition.abatementDateTime !== undefined ? { abatement: condition.abatementDateTime.slice(0, 10) } : {}),
    role,
    ...(note !== undefined ? { note } : {}),
  };
}
