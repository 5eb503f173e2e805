import type { ReactElement } from 'react';
import {
  ACHIEVEMENTS,
  retireGoal,
  retireObjective,
  setAchievement,
  setGoalLifecycle,
  type GoalLike,
} from '../../plan/index.ts';
import { LIFECYCLES } from '../../plan/model/goals.ts';
import { codeWords } from '../../workspace/outline-words.ts';
import { SelectField } from '../fields/SelectField.tsx';
import type { PlanEditing } from '../plan-editing.ts';

export interface StatusFieldsProps {
  readonly item: GoalLike;
  readonly kind: 'goal' | 'objective';
  readonly path: string;
  readonly editing: PlanEditing;
}

/** Where a goal or objective stands (lifecycle) and how it is going (achievement). Completing keeps its history. */
export function StatusFields({ item, kind, path, editing }: StatusFieldsProps): ReactElement {
  return (
    <>
      <SelectField
        label="Status"
        path={`${path}.lifecycle`}
        value={item.lifecycle}
        options={LIFECYCLES.map((l) => ({ value: l, label: codeWords(l) }))}
        editing={editing}
        onCommit={(value) => {
          const lifecycle = LIFECYCLES.find((l) => l === value) ?? 'active';
          editing.edit(`${path}.lifecycle`, (plan) => {
            if (lifecycle === 'completed' || lifecycle === 'cancelled') {
              const retirement = { outcome: lifecycle, on: editing.today };
              return kind === 'goal'
                ? retireGoal(plan, item.id, retirement)
                : retireObjective(plan, item.id, retirement);
            }
            return setGoalLifecycle(plan, item.id, lifecycle, editing.today);
          });
        }}
      />
      <SelectField
        label="Progress"
        path={`${path}.achievement`}
        value={item.achievement}
        emptyLabel="Not assessed"
        options={ACHIEVEMENTS.map((a) => ({ value: a, label: codeWords(a) }))}
        editing={editing}
        onCommit={(value) => {
          const achievement = ACHIEVEMENTS.find((a) => a === value) ?? null;
          editing.edit(`${path}.achievement`, (plan) => setAchievement(plan, item.id, achievement, editing.today));
        }}
      />
    </>
  );
}
