/**
 * What every section of the workspace receives: the working plan, whether it may change, and one way to change it.
 * Every change is one of src/plan's edit functions; a refusal (`PlanEditError`) is shown next to the field its
 * `path` names, never thrown at the clinician.
 */
import type { IdFactory, IsoDate, TreatmentPlan } from '../plan/index.ts';

export type PlanChange = (plan: TreatmentPlan) => TreatmentPlan;

export interface PlanEditing {
  readonly plan: TreatmentPlan;
  /** True when nothing may change (no write access, a signed or older plan); controls are disabled. */
  readonly readOnly: boolean;
  /**
   * True when record keeping may go on although the content is locked: scores, progress notes, achievement and
   * signatures on a signed plan (src/plan/lock.ts). False with no write access, on a closed or an older plan.
   */
  readonly canRecord: boolean;
  /** Today's date, for status dates and new parts. */
  readonly today: IsoDate;
  readonly newId: IdFactory;
  /** Ids of the parts already saved in the client's record (they are retired, not removed). */
  readonly saved: ReadonlySet<string>;
  /**
   * Applies a change made at the field `path`. A refused edit leaves the plan as it was and its message shows at
   * the refusal's path (or at `path` when the refusal names none).
   */
  readonly edit: (path: string, change: PlanChange) => void;
  /** The message to show next to the field at `path`: a refused edit, else a broken rule. */
  readonly messageAt: (path: string) => string | undefined;
  /**
   * Problems the EHR holds whose Condition fields this strategy cannot save (src/workspace/held-problems.ts); their
   * plan-level choices (role, removal, linked goals) stay editable. Absent when every problem can change.
   */
  readonly heldProblems?: HeldProblems;
}

export interface HeldProblems {
  /** Model ids of the problems (diagnoses and presenting concerns) the EHR holds. */
  readonly ids: ReadonlySet<string>;
  /** Shown beside each of them. */
  readonly reason: string;
}

/** The editing to give the Condition-level fields of the problem `id`: read-only when the EHR holds it here. */
export function problemFieldEditing(editing: PlanEditing, id: string): PlanEditing {
  return editing.heldProblems?.ids.has(id) === true ? { ...editing, readOnly: true } : editing;
}
