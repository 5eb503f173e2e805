/**
 * Ids and where things are. Every part of a plan that becomes its own record has an id that is unique across the
 * whole plan (see the identity note in `treatment-plan.ts`). New ids come from the caller through an `IdFactory`,
 * so the functions here stay pure and tests stay deterministic; paths (`goals[2].objectives[0]`) name a part for
 * the UI to highlight.
 */
import type { GoalLike, PlanGoal, TreatmentPlan } from './treatment-plan.ts';

/** Hands out a fresh id on each call. The app uses `randomIds`; tests use `sequentialIds`. */
export type IdFactory = () => string;

/** `goal-1`, `goal-2`, ...: predictable ids for tests and examples (never purely numeric: DESIGN.md §4 pitfalls). */
export function sequentialIds(prefix: string): IdFactory {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}-${next}`;
  };
}

/** Random UUIDs, as the app assigns them to the parts a clinician adds. */
export const randomIds: IdFactory = () => globalThis.crypto.randomUUID();

export type PartKind =
  | 'plan'
  | 'session'
  | 'past-treatment'
  | 'presenting-concern'
  | 'diagnosis'
  | 'responsibility'
  | 'consent'
  | 'strength'
  | 'goal'
  | 'objective'
  | 'intervention'
  | 'measurement'
  | 'progress-note'
  | 'signature'
  | 'participant';

export interface PartLocation {
  readonly id: string;
  readonly kind: PartKind;
  readonly path: string;
}

/** Every id in the plan with what it belongs to and where it is, in document order. */
export function partsOf(plan: TreatmentPlan): PartLocation[] {
  const parts: PartLocation[] = [{ id: plan.id, kind: 'plan', path: 'id' }];
  const add = (kind: PartKind, base: string, items: readonly { readonly id: string }[]): void => {
    items.forEach((item, index) => parts.push({ id: item.id, kind, path: `${base}[${index}]` }));
  };
  if (plan.session.id !== undefined) parts.push({ id: plan.session.id, kind: 'session', path: 'session.id' });
  add('past-treatment', 'history.treatmentHistory', plan.history.treatmentHistory);
  add('presenting-concern', 'presentingConcerns', plan.presentingConcerns);
  add('diagnosis', 'diagnoses', plan.diagnoses);
  add('responsibility', 'contract.responsibilities', plan.contract.responsibilities);
  if (plan.contract.consent) parts.push({ id: plan.contract.consent.id, kind: 'consent', path: 'contract.consent' });
  add('strength', 'strengths', plan.strengths);
  plan.goals.forEach((goal, g) => {
    parts.push({ id: goal.id, kind: 'goal', path: `goals[${g}]` });
    add('objective', `goals[${g}].objectives`, goal.objectives);
  });
  add('intervention', 'interventions', plan.interventions);
  add('measurement', 'progress.measurements', plan.progress.measurements);
  add('progress-note', 'progress.notes', plan.progress.notes);
  add('signature', 'signatures', plan.signatures);
  add('participant', 'considerations.participants', plan.considerations.participants);
  return parts;
}

/** Where a goal or an objective is: its goal, its index, and its path. */
export interface GoalLikeLocation {
  readonly item: GoalLike;
  readonly goal: PlanGoal;
  readonly goalIndex: number;
  /** Present when the id is an objective's. */
  readonly objectiveIndex?: number;
  readonly path: string;
}

/** Finds a goal or an objective by id. */
export function locateGoalLike(plan: TreatmentPlan, id: string): GoalLikeLocation | undefined {
  for (const [goalIndex, goal] of plan.goals.entries()) {
    if (goal.id === id) return { item: goal, goal, goalIndex, path: `goals[${goalIndex}]` };
    const objectiveIndex = goal.objectives.findIndex((objective) => objective.id === id);
    const objective = goal.objectives[objectiveIndex];
    if (objective) {
      return {
        item: objective,
        goal,
        goalIndex,
        objectiveIndex,
        path: `goals[${goalIndex}].objectives[${objectiveIndex}]`,
      };
    }
  }
  return undefined;
}

/** Every goal and objective with its path, goals before their objectives. */
export function goalLikesOf(plan: TreatmentPlan): GoalLikeLocation[] {
  return plan.goals.flatMap((goal, goalIndex) => [
    { item: goal, goal, goalIndex, path: `goals[${goalIndex}]` },
    ...goal.objectives.map((item, objectiveIndex) => ({
      item,
      goal,
      goalIndex,
      objectiveIndex,
      path: `goals[${goalIndex}].objectives[${objectiveIndex}]`,
    })),
  ]);
}

/** The ids of a goal and of all its objectives. */
export function goalFamilyIds(goal: PlanGoal): string[] {
  return [goal.id, ...goal.objectives.map((objective) => objective.id)];
}
