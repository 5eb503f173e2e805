/** The goals and objectives the plan is working on now: those not completed or cancelled. */
import { hasContent } from '../concepts.ts';
import type { GoalLike, MeasurableTarget, Objective, PlanGoal, TreatmentPlan } from '../treatment-plan.ts';

export interface CurrentGoal {
  readonly goal: PlanGoal;
  readonly path: string;
  readonly objectives: readonly { readonly objective: Objective; readonly path: string }[];
}

export function isCurrent(item: GoalLike): boolean {
  return item.lifecycle !== 'completed' && item.lifecycle !== 'cancelled';
}

export function currentGoals(plan: TreatmentPlan): CurrentGoal[] {
  return plan.goals.flatMap((goal, g) =>
    isCurrent(goal)
      ? [
          {
            goal,
            path: `goals[${g}]`,
            objectives: goal.objectives.flatMap((objective, o) =>
              isCurrent(objective) ? [{ objective, path: `goals[${g}].objectives[${o}]` }] : []
            ),
          },
        ]
      : []
  );
}

/** A target that says what is measured, the value to reach and its unit. */
export function isMeasurable(target: MeasurableTarget): boolean {
  return hasContent(target.measure) && Number.isFinite(target.value.value) && target.value.unit.trim() !== '';
}
