/** The outline of goals (with targets, scores, notes and objectives) and of the interventions that serve them. */
import type { GoalLike, PlanGoal, TreatmentPlan } from '../plan/index.ts';
import { entry, list, orNone, paragraph, rows } from './outline-blocks.ts';
import {
  amountWords,
  codeWords,
  dateWords,
  frequencyWords,
  partyWords,
  periodWords,
  targetWords,
} from './outline-words.ts';
import type { OutlineBlock } from './plan-outline.ts';

/** `Goal 2`, `Objective 2.1` for every goal and objective id, in the plan's order. */
export function goalNumbers(goals: readonly PlanGoal[]): ReadonlyMap<string, string> {
  const numbers = new Map<string, string>();
  goals.forEach((goal, g) => {
    numbers.set(goal.id, `Goal ${String(g + 1)}`);
    goal.objectives.forEach((objective, o) => {
      numbers.set(objective.id, `Objective ${String(g + 1)}.${String(o + 1)}`);
    });
  });
  return numbers;
}

function goalLikeBlocks(plan: TreatmentPlan, goal: GoalLike, extra: readonly OutlineBlock[]): OutlineBlock[] {
  const addressed = goal.addresses.map(
    (id) =>
      plan.diagnoses.find((d) => d.id === id)?.condition.text ??
      plan.presentingConcerns.find((c) => c.id === id)?.concern.text ??
      id
  );
  return [
    ...rows(
      ['Status', codeWords(goal.lifecycle)],
      ['Progress', goal.achievement === undefined ? undefined : codeWords(goal.achievement)],
      ['Status as of', dateWords(goal.statusDate)],
      ['Started', dateWords(goal.startDate)],
      ['Set by', goal.expressedBy === undefined ? undefined : partyWords(goal.expressedBy)],
      ['Addresses', addressed.length === 0 ? undefined : addressed.join('; ')]
    ),
    ...extra,
    ...list('Measurable targets', goal.targets.map(targetWords), true),
    ...list('Notes', goal.notes),
  ];
}

/** Scores and measures by date, progress notes, and the outcome summary (issue 4 §3). */
export function progressSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const numbers = goalNumbers(plan.goals);
  const about = (goalId: string | undefined): string =>
    goalId === undefined ? '' : ` (${numbers.get(goalId) ?? 'a goal no longer in the plan'})`;
  const byDate = <T extends { readonly date: string }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => a.date.localeCompare(b.date));
  const scores = byDate(plan.progress.measurements).map(
    (m) =>
      `${dateWords(m.date) ?? m.date}: ${m.measure.text} ${amountWords(m.value.value, m.value.unit)}${about(m.goalId)}` +
      (m.note === undefined || m.note.trim() === '' ? '' : `. ${m.note}`)
  );
  const notes = byDate(plan.progress.notes).map(
    (n) =>
      `${dateWords(n.date) ?? n.date}${n.author === undefined ? '' : `, ${n.author.name}`}${about(n.goalId)}: ${n.text}`
  );
  return [
    ...list('Scores and measures', scores, true),
    ...list('Progress notes', notes, true),
    ...paragraph('Outcome summary', plan.progress.outcomeSummary),
  ];
}

export function goalsSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const numbers = goalNumbers(plan.goals);
  return orNone(
    plan.goals.map((goal) =>
      entry(`${numbers.get(goal.id) ?? 'Goal'}: ${goal.description.text}`, [
        ...goalLikeBlocks(
          plan,
          goal,
          rows(
            ['Priority', goal.priority === undefined ? undefined : codeWords(goal.priority)],
            ['Continues from plan', goal.carriedFrom]
          )
        ),
        ...(goal.objectives.length === 0 ? [{ kind: 'none', text: 'No objectives yet.' } as const] : []),
        ...goal.objectives.map((objective) =>
          entry(
            `${numbers.get(objective.id) ?? 'Objective'}: ${objective.description.text}`,
            goalLikeBlocks(plan, objective, [])
          )
        ),
      ])
    ),
    'No goals yet.'
  );
}

export function interventionsSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const numbers = goalNumbers(plan.goals);
  return orNone(
    plan.interventions.map((intervention, index) => {
      const performer = [
        intervention.performerRef?.name,
        intervention.performer === undefined ? undefined : partyWords(intervention.performer).toLowerCase(),
      ].filter((part) => part !== undefined);
      const performedBy =
        performer.length === 0
          ? undefined
          : performer.length === 1
            ? performer[0]
            : `${performer[0] ?? ''} (${performer[1] ?? ''})`;
      return entry(`Intervention ${String(index + 1)}: ${intervention.technique.text}`, [
        ...rows(
          ['How it is applied', intervention.application],
          ['How often', intervention.frequency === undefined ? undefined : frequencyWords(intervention.frequency)],
          ['Performed by', performedBy],
          ['Serves', intervention.goalIds.map((id) => numbers.get(id) ?? id).join(', ') || 'No goal linked'],
          ['Status', codeWords(intervention.status)],
          ['When', periodWords(intervention.start, intervention.end)]
        ),
      ]);
    }),
    'No interventions yet.'
  );
}
