/**
 * The one way an edit says no. Every edit function either returns a new plan or throws a `PlanEditError` whose
 * message a clinician can read and whose `path` names the field to highlight (same path syntax as the rules:
 * `goals[2].objectives[0]`). Nothing else is thrown for a refused edit; `attemptEdit` turns it into a value for
 * the UI.
 */
import type { TreatmentPlan } from './treatment-plan.ts';

export type PlanEditErrorCode =
  /** The plan has been signed: changing it starts a revision (a new plan that replaces it). */
  | 'plan-locked'
  /** The plan is completed, revoked or entered in error: nothing more can be recorded on it. */
  | 'plan-closed'
  /** No part of the plan has the id or index the edit names. */
  | 'not-found'
  /** A new part reuses an id the plan already has (ids are unique across the plan). */
  | 'duplicate-id'
  /** The part is still referred to (e.g. goals address the diagnosis); `related` lists the paths that refer to it. */
  | 'in-use'
  /** The part has history (it was saved, or has measurements or notes): retire it instead of removing it. */
  | 'has-history'
  /** The edit does not make sense for this part (e.g. the same person signing twice in the same role). */
  | 'not-allowed';

export interface PlanEditErrorDetails {
  /** The field the refusal is about. */
  readonly path?: string;
  /** Other fields involved, e.g. the goals that still address a diagnosis. */
  readonly related?: readonly string[];
}

export class PlanEditError extends Error {
  override readonly name = 'PlanEditError';
  readonly code: PlanEditErrorCode;
  readonly path: string | undefined;
  readonly related: readonly string[];

  constructor(code: PlanEditErrorCode, message: string, details: PlanEditErrorDetails = {}) {
    super(message);
    this.code = code;
    this.path = details.path;
    this.related = details.related ?? [];
  }
}

export type EditOutcome =
  { readonly ok: true; readonly plan: TreatmentPlan } | { readonly ok: false; readonly error: PlanEditError };

/** Runs an edit and returns its refusal as a value; anything other than a `PlanEditError` still rises (a bug). */
export function attemptEdit(edit: () => TreatmentPlan): EditOutcome {
  try {
    return { ok: true, plan: edit() };
  } catch (error) {
    if (error instanceof PlanEditError) return { ok: false, error };
    throw error;
  }
}
