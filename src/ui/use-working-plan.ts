import { useCallback, useState } from 'react';
import { attemptEdit, type TreatmentPlan } from '../plan/index.ts';
import type { PlanChange } from './plan-editing.ts';

export interface EditFailure {
  /** Where to show it: the refusal's own path, else the field that made the change. */
  readonly path: string;
  readonly message: string;
}

export interface WorkingPlan {
  readonly plan: TreatmentPlan;
  /** True once the clinician changed something since the plan was loaded, restored or saved. */
  readonly changed: boolean;
  readonly failure: EditFailure | undefined;
  readonly edit: (path: string, change: PlanChange) => void;
  /** Starts over from another plan (reload, discard, revision); `changed` says whether it holds unsaved edits. */
  readonly replace: (plan: TreatmentPlan, changed: boolean) => void;
}

/** The plan being edited, changed only through src/plan's edit functions (via `attemptEdit`). */
export function useWorkingPlan(initial: TreatmentPlan, initiallyChanged: boolean): WorkingPlan {
  const [state, setState] = useState<{ plan: TreatmentPlan; changed: boolean; failure: EditFailure | undefined }>({
    plan: initial,
    changed: initiallyChanged,
    failure: undefined,
  });
  const edit = useCallback((path: string, change: PlanChange): void => {
    setState((current) => {
      const outcome = attemptEdit(() => change(current.plan));
      if (outcome.ok) return { plan: outcome.plan, changed: true, failure: undefined };
      return { ...current, failure: { path: outcome.error.path ?? path, message: outcome.error.message } };
    });
  }, []);
  const replace = useCallback((plan: TreatmentPlan, changed: boolean): void => {
    setState({ plan, changed, failure: undefined });
  }, []);
  return { ...state, edit, replace };
}
