/**
 * A library goal made real: a `PlanGoal` with its objectives and the interventions that serve them, with fresh ids
 * and due dates counted from the day it is picked. The result goes into a plan through `addGoal` and
 * `addIntervention`, goal first, since an intervention may only name goals that are already there.
 */
import {
  isCalendarDate,
  newGoal,
  newIntervention,
  type IdFactory,
  type Intervention,
  type IsoDate,
  type MeasurableTarget,
  type PlanGoal,
} from '../../plan/index.ts';
import type { GoalTemplate, Serves, TargetTemplate } from './template.ts';

export interface InstantiateOptions {
  /** The day the goal is picked: its start date, and the day due dates count from. */
  readonly today: IsoDate;
  readonly newId: IdFactory;
  /** Ids of the plan's diagnoses and concerns that the goal addresses. */
  readonly addresses?: readonly string[];
}

export interface InstantiatedGoal {
  readonly goal: PlanGoal;
  readonly interventions: readonly Intervention[];
}

/** `weeks` whole weeks after a calendar date (UTC arithmetic on the date alone, so no zone can shift it). */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + weeks * 7));
  return shifted.toISOString().slice(0, 10);
}

function targetsFrom(templates: readonly TargetTemplate[], today: IsoDate): MeasurableTarget[] {
  return templates.map(({ measure, comparator, value, dueInWeeks }) => ({
    measure,
    comparator,
    value,
    dueDate: addWeeks(today, dueInWeeks),
  }));
}

export function instantiateGoal(template: GoalTemplate, options: InstantiateOptions): InstantiatedGoal {
  const { today, newId, addresses = [] } = options;
  const goal = newGoal(
    {
      description: template.description,
      priority: template.priority,
      startDate: today,
      targets: targetsFrom(template.targets, today),
      addresses,
      objectives: template.objectives.map((objective) => ({
        description: objective.description,
        startDate: today,
        targets: targetsFrom(objective.targets, today),
      })),
    },
    newId
  );
  const idOf = (serves: Serves): string => {
    if (serves === 'goal') return goal.id;
    const objective = goal.objectives[serves];
    if (!objective) throw new RangeError(`“${template.id}” has no objective ${serves + 1}.`);
    return objective.id;
  };
  const interventions = template.interventions.map((intervention) =>
    newIntervention(
      {
        technique: intervention.technique,
        application: intervention.application,
        frequency: intervention.frequency,
        performer: intervention.performer,
        goalIds: [...new Set((intervention.serves ?? ['goal']).map(idOf))],
        start: today,
      },
      newId
    )
  );
  return { goal, interventions };
}
