/**
 * A measurable goal has a measure and a target value with a unit, due on or after the goal starts; an objective,
 * as a step toward its goal, is due no later than the goal.
 */
import { isCalendarDate } from '../calendar.ts';
import { hasContent } from '../concepts.ts';
import { goalLikesOf } from '../ids.ts';
import type { GoalLike, TreatmentPlan } from '../treatment-plan.ts';
import type { RuleViolation } from './rule-violation.ts';

function latestDue(item: GoalLike): string | undefined {
  const dates = item.targets.flatMap((t) => (t.dueDate !== undefined && isCalendarDate(t.dueDate) ? [t.dueDate] : []));
  return dates.sort().at(-1);
}

export function checkGoals(plan: TreatmentPlan): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const { item, goal, objectiveIndex, path } of goalLikesOf(plan)) {
    const name = `“${item.description.text}”`;
    const goalDue = objectiveIndex === undefined ? undefined : latestDue(goal);
    item.targets.forEach((target, t) => {
      const at = `${path}.targets[${t}]`;
      const report = (
        rule: RuleViolation['rule'],
        message: string,
        field: string,
        severity: RuleViolation['severity'] = 'error'
      ): void => {
        violations.push({ rule, severity, message, path: `${at}.${field}` });
      };
      if (!hasContent(target.measure)) {
        report(
          'target-measure',
          `${name}: a target does not say what is measured (e.g. the PHQ-9 total score).`,
          'measure'
        );
      }
      if (!Number.isFinite(target.value.value)) {
        report('target-value', `${name}: a target has no value to reach.`, 'value.value');
      }
      if (target.value.unit.trim() === '') {
        report(
          'target-unit',
          `${name}: a target value has no unit (a score, a percentage, days per week ...).`,
          'value.unit'
        );
      }
      const due = target.dueDate;
      if (due === undefined || !isCalendarDate(due)) return;
      if (item.startDate !== undefined && isCalendarDate(item.startDate) && due < item.startDate) {
        report('target-due-after-start', `${name} is due on ${due}, before it starts on ${item.startDate}.`, 'dueDate');
      }
      if (goalDue !== undefined && due > goalDue) {
        report(
          'objective-due-within-goal',
          `${name} is due on ${due}, after its goal “${goal.description.text}” (due ${goalDue}); a step usually comes before the goal.`,
          'dueDate',
          'warning'
        );
      }
    });
  }
  return violations;
}
