/**
 * Revising a plan after review (issue 3 §2): a new plan that replaces the old one. What continues is carried
 * over, not copied: a continuing goal keeps its id (so it stays the same record, referenced from both plans)
 * and says which plan it came from. What belonged to the old plan's period stays with it: its session, its
 * signatures, its progress notes and outcome summary, finished goals and the interventions and measurements
 * tied only to them. Saving the revision marks the old plan completed (the mapping does that, given the old
 * plan).
 */
import { addMonths } from './calendar.ts';
import type { GoalLifecycle, IsoDate, PlanGoal, TreatmentPlan } from './treatment-plan.ts';

const FINISHED: ReadonlySet<GoalLifecycle> = new Set(['completed', 'cancelled']);
const DEFAULT_REVIEW_MONTHS = 3;

/** Whole months from one date to another, within the 1 to 6 months plans are reviewed in. */
function reviewMonths(start: IsoDate | undefined, end: IsoDate | undefined): number {
  if (start === undefined || end === undefined) return DEFAULT_REVIEW_MONTHS;
  const months =
    (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(start.slice(5, 7));
  return Math.min(6, Math.max(1, months));
}

/**
 * The revision of `plan` started on `today`, with the business id `newId`. It is a draft: it needs the
 * clinician's changes and new signatures.
 */
export function revisePlan(plan: TreatmentPlan, today: IsoDate, newId: string): TreatmentPlan {
  const goals: PlanGoal[] = plan.goals
    .filter((g) => !FINISHED.has(g.lifecycle))
    .map((g) => ({ ...g, carriedFrom: plan.id }));
  const goalIds = new Set(goals.flatMap((g) => [g.id, ...g.objectives.map((o) => o.id)]));
  const interventions = plan.interventions
    .filter((i) => i.status !== 'completed' && i.status !== 'revoked')
    .filter((i) => i.goalIds.length === 0 || i.goalIds.some((id) => goalIds.has(id)))
    .map((i) => ({ ...i, goalIds: i.goalIds.filter((id) => goalIds.has(id)) }));
  const measurements = plan.progress.measurements.filter((m) => m.goalId === undefined || goalIds.has(m.goalId));
  const measurementIds = new Set(measurements.map((m) => m.id));
  // The revision is created when it is saved; it does not inherit the old plan's creation time.
  const header = Object.fromEntries(Object.entries(plan).filter(([key]) => key !== 'created')) as Omit<
    TreatmentPlan,
    'created'
  >;
  return {
    ...header,
    id: newId,
    status: 'draft',
    intent: 'plan',
    session: {},
    history: { ...plan.history, assessmentIds: plan.history.assessmentIds.filter((id) => measurementIds.has(id)) },
    goals,
    interventions,
    progress: { measurements, notes: [] },
    signatures: [],
    review: {
      periodStart: today,
      nextReviewDate: addMonths(today, reviewMonths(plan.review.periodStart, plan.review.nextReviewDate)),
      replaces: plan.id,
    },
  };
}
