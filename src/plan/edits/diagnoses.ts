/** Diagnoses: the conditions the plan treats (focus) and those that shape it (comorbidities). */
import { applyChanges, type Changes } from '../changes.ts';
import { assertEditable, assertOpen } from '../lock.ts';
import type { Diagnosis, DiagnosisStatus, IsoDate, TreatmentPlan } from '../treatment-plan.ts';
import { assertNewIds, locateById, releaseAddressed, removeAt, replaceAt } from './internal.ts';

const BASE = 'diagnoses';
const ENDED: ReadonlySet<DiagnosisStatus> = new Set(['inactive', 'remission', 'resolved']);

export function addDiagnosis(plan: TreatmentPlan, diagnosis: Diagnosis): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, [diagnosis.id], BASE);
  return { ...plan, diagnoses: [...plan.diagnoses, diagnosis] };
}

/**
 * Records a diagnosis made at this visit where the plan's content cannot change: a signed plan, or a plan kept by
 * an EHR that takes only notes (issue 5 §2 "Note"), where the diagnosis goes to the chart's problem list and into
 * the note. Record keeping, like a score: refused only on a closed plan.
 */
export function recordDiagnosis(plan: TreatmentPlan, diagnosis: Diagnosis): TreatmentPlan {
  assertOpen(plan);
  assertNewIds(plan, [diagnosis.id], BASE);
  return { ...plan, diagnoses: [...plan.diagnoses, diagnosis] };
}

export function editDiagnosis(plan: TreatmentPlan, id: string, changes: Changes<Diagnosis>): TreatmentPlan {
  assertEditable(plan);
  const { index, item } = locateById(plan.diagnoses, id, 'diagnosis', BASE);
  return { ...plan, diagnoses: replaceAt(plan.diagnoses, index, applyChanges(item, changes)) };
}

/**
 * Sets the clinical status. An ended status (inactive, remission, resolved) records `abatement` when given; an
 * active one (active, recurrence, relapse) clears any abatement, since the condition has not ended.
 */
export function setDiagnosisStatus(
  plan: TreatmentPlan,
  id: string,
  status: DiagnosisStatus,
  abatement?: IsoDate
): TreatmentPlan {
  return editDiagnosis(plan, id, {
    clinicalStatus: status,
    abatement: ENDED.has(status) ? abatement : null,
  });
}

/** `focus`: the plan treats it; `comorbidity`: it shapes the plan but is treated elsewhere. */
export function setDiagnosisRole(plan: TreatmentPlan, id: string, role: Diagnosis['role']): TreatmentPlan {
  return editDiagnosis(plan, id, { role });
}

/**
 * Removes a diagnosis. While goals address it the edit is refused (`in-use`, with the goals' paths), unless
 * `detachFromGoals` is set, which also takes it off those goals.
 */
export function removeDiagnosis(
  plan: TreatmentPlan,
  id: string,
  options: { readonly detachFromGoals?: boolean } = {}
): TreatmentPlan {
  assertEditable(plan);
  const { index } = locateById(plan.diagnoses, id, 'diagnosis', BASE);
  const released = releaseAddressed(plan, id, 'diagnosis', `${BASE}[${index}]`, options.detachFromGoals ?? false);
  return { ...released, diagnoses: removeAt(plan.diagnoses, index) };
}
