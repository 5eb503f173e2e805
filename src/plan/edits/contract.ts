/** The treatment contract: goals for change, who does what, and consent to treatment. */
import { applyChanges, type Changes } from '../changes.ts';
import { datePart } from '../calendar.ts';
import { PlanEditError } from '../edit-error.ts';
import { assertEditable, assertOpen } from '../lock.ts';
import type {
  ConsentToTreatment,
  IsoDateTime,
  Party,
  Responsibility,
  TreatmentContract,
  TreatmentPlan,
} from '../treatment-plan.ts';
import { assertNewIds, locateById, removeAt, removeText, replaceAt, replaceText } from './internal.ts';

function withContract(plan: TreatmentPlan, contract: TreatmentContract): TreatmentPlan {
  return { ...plan, contract };
}

/** Adds something the client wants to change, in their words. */
export function addGoalForChange(plan: TreatmentPlan, text: string): TreatmentPlan {
  assertEditable(plan);
  return withContract(plan, { ...plan.contract, goalsForChange: [...plan.contract.goalsForChange, text] });
}

export function editGoalForChange(plan: TreatmentPlan, index: number, text: string): TreatmentPlan {
  assertEditable(plan);
  const list = replaceText(plan.contract.goalsForChange, index, text, 'goal for change', 'contract.goalsForChange');
  return withContract(plan, { ...plan.contract, goalsForChange: list });
}

export function removeGoalForChange(plan: TreatmentPlan, index: number): TreatmentPlan {
  assertEditable(plan);
  const list = removeText(plan.contract.goalsForChange, index, 'goal for change', 'contract.goalsForChange');
  return withContract(plan, { ...plan.contract, goalsForChange: list });
}

const RESPONSIBILITIES = 'contract.responsibilities';

export function addResponsibility(plan: TreatmentPlan, responsibility: Responsibility): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, [responsibility.id], RESPONSIBILITIES);
  return withContract(plan, {
    ...plan.contract,
    responsibilities: [...plan.contract.responsibilities, responsibility],
  });
}

export function editResponsibility(plan: TreatmentPlan, id: string, changes: Changes<Responsibility>): TreatmentPlan {
  assertEditable(plan);
  const list = plan.contract.responsibilities;
  const { index, item } = locateById(list, id, 'responsibility', RESPONSIBILITIES);
  return withContract(plan, {
    ...plan.contract,
    responsibilities: replaceAt(list, index, applyChanges(item, changes)),
  });
}

export function removeResponsibility(plan: TreatmentPlan, id: string): TreatmentPlan {
  assertEditable(plan);
  const list = plan.contract.responsibilities;
  const { index } = locateById(list, id, 'responsibility', RESPONSIBILITIES);
  return withContract(plan, { ...plan.contract, responsibilities: removeAt(list, index) });
}

/** The responsibilities split by party, in plan order, for the client / clinician / family columns. */
export function responsibilitiesByParty(plan: TreatmentPlan): Record<Party, Responsibility[]> {
  const split: Record<Party, Responsibility[]> = { client: [], clinician: [], family: [], other: [] };
  for (const responsibility of plan.contract.responsibilities) split[responsibility.party].push(responsibility);
  return split;
}

/** Records the consent to treatment. A plan has one: refused when one is recorded (edit or withdraw that one). */
export function recordConsent(plan: TreatmentPlan, consent: ConsentToTreatment): TreatmentPlan {
  assertEditable(plan);
  if (plan.contract.consent) {
    throw new PlanEditError('not-allowed', 'Consent to treatment is already recorded; change that record instead.', {
      path: 'contract.consent',
    });
  }
  assertNewIds(plan, [consent.id], 'contract.consent');
  return withContract(plan, { ...plan.contract, consent });
}

function requireConsent(plan: TreatmentPlan): ConsentToTreatment {
  const consent = plan.contract.consent;
  if (!consent)
    throw new PlanEditError('not-found', 'No consent to treatment is recorded yet.', { path: 'contract.consent' });
  return consent;
}

export function editConsent(plan: TreatmentPlan, changes: Changes<ConsentToTreatment>): TreatmentPlan {
  assertEditable(plan);
  return withContract(plan, { ...plan.contract, consent: applyChanges(requireConsent(plan), changes) });
}

/**
 * The client (or guardian) withdraws consent: the consent becomes inactive and its period ends that day. Allowed
 * on a signed plan, since consent can be withdrawn at any time.
 */
export function withdrawConsent(plan: TreatmentPlan, at: IsoDateTime): TreatmentPlan {
  assertOpen(plan);
  const consent = requireConsent(plan);
  if (consent.status === 'inactive') {
    throw new PlanEditError('not-allowed', 'Consent to treatment has already been withdrawn.', {
      path: 'contract.consent.status',
    });
  }
  return withContract(plan, { ...plan.contract, consent: { ...consent, status: 'inactive', end: datePart(at) } });
}
