/** Numbers that make sense: percentages 0-100, scores not negative, targets that can be met, positive counts. */
import { goalLikesOf } from '../ids.ts';
import type { Amount, Comparator, Frequency, TreatmentPlan } from '../treatment-plan.ts';
import type { RuleViolation } from './rule-violation.ts';

/** UCUM units whose values cannot be negative: scores and percentages. */
const NON_NEGATIVE = new Set(['{score}', '%']);

function rangeProblem(amount: Amount): string | undefined {
  if (amount.unit === '%' && (amount.value < 0 || amount.value > 100)) return 'A percentage is between 0 and 100.';
  if (amount.unit === '{score}' && amount.value < 0) return 'A score cannot be negative.';
  return undefined;
}

function unreachable(comparator: Comparator, amount: Amount): string | undefined {
  if (NON_NEGATIVE.has(amount.unit) && comparator === '<' && amount.value <= 0) {
    return `Nothing is below ${amount.value} ${amount.unit}, so this target can never be met.`;
  }
  if (amount.unit === '%' && comparator === '>' && amount.value >= 100) {
    return 'Nothing is above 100 %, so this target can never be met.';
  }
  return undefined;
}

function frequencyProblems(frequency: Frequency | undefined, path: string): RuleViolation[] {
  if (!frequency) return [];
  return (['count', 'per'] as const).flatMap((field) =>
    Number.isFinite(frequency[field]) && frequency[field] > 0
      ? []
      : [
          {
            rule: 'positive-number' as const,
            severity: 'error' as const,
            message: 'A frequency needs a number of times above zero per a period above zero.',
            path: `${path}.${field}`,
          },
        ]
  );
}

export function checkAmounts(plan: TreatmentPlan): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const range = (message: string, path: string): void => {
    violations.push({ rule: 'amount-range', severity: 'error', message, path });
  };
  for (const { item, path } of goalLikesOf(plan)) {
    item.targets.forEach((target, t) => {
      const at = `${path}.targets[${t}].value`;
      const problem = rangeProblem(target.value) ?? unreachable(target.comparator, target.value);
      if (problem !== undefined) range(`“${item.description.text}”: ${problem}`, `${at}.value`);
    });
  }
  plan.progress.measurements.forEach((measurement, m) => {
    const problem = rangeProblem(measurement.value);
    if (problem !== undefined)
      range(
        `${measurement.measure.text} on ${measurement.date}: ${problem}`,
        `progress.measurements[${m}].value.value`
      );
  });

  const minutes = plan.schedule.sessionMinutes;
  if (minutes !== undefined && !(Number.isFinite(minutes) && minutes > 0)) {
    violations.push({
      rule: 'positive-number',
      severity: 'error',
      message: 'A session lasts some minutes: the length must be above zero.',
      path: 'schedule.sessionMinutes',
    });
  }
  violations.push(...frequencyProblems(plan.schedule.sessionFrequency, 'schedule.sessionFrequency'));
  plan.interventions.forEach((intervention, i) => {
    violations.push(...frequencyProblems(intervention.frequency, `interventions[${i}].frequency`));
  });
  return violations;
}
