/**
 * Business ids of the records the plan maps to that have no id of their own in the model: they are derived
 * from the plan's id (they belong to that plan), or from a code (a shared place-of-service location).
 */
import type { Code, TreatmentPlan } from '../plan/treatment-plan.ts';
import { SYSTEM } from './codes.ts';

export const recordKeys = {
  session: (plan: TreatmentPlan): string => plan.session.id ?? `${plan.id}/session`,
  schedule: (plan: TreatmentPlan): string => `${plan.id}/care-schedule`,
  occupation: (plan: TreatmentPlan): string => `${plan.id}/occupation`,
  psychosocialHistory: (plan: TreatmentPlan): string => `${plan.id}/psychosocial-history`,
  participants: (plan: TreatmentPlan): string => `${plan.id}/participants`,
  placeOfService: (code: Code): string =>
    code.system === SYSTEM.placeOfService ? `place-of-service/${code.code}` : `place/${code.system}|${code.code}`,
};
