import { useState, type ReactElement, type ReactNode } from 'react';
import { addGoal, newGoal, type GoalInput } from '../../plan/index.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { GoalCard } from './GoalCard.tsx';

/**
 * The hook for the goal library (issue 4 §2; the catalog builds it): render whatever lets the clinician choose a
 * starting goal, and call `onPick` with it. The workspace gives every part fresh ids and adds it to the plan.
 */
export type GoalLibraryRenderer = (onPick: (goal: GoalInput) => void, disabled: boolean) => ReactNode;

export interface GoalsSectionProps {
  readonly editing: PlanEditing;
  readonly renderGoalLibrary?: GoalLibraryRenderer;
}

/** Goals with measurable targets and their objectives; new ones written here or picked from the library. */
export function GoalsSection({ editing, renderGoalLibrary }: GoalsSectionProps): ReactElement {
  const [draft, setDraft] = useState('');
  const add = (input: GoalInput): void => {
    editing.edit('goals', (plan) => addGoal(plan, newGoal({ startDate: editing.today, ...input }, editing.newId)));
  };
  return (
    <>
      {editing.plan.goals.length === 0 ? <p className="muted">No goals yet.</p> : null}
      <ol className="plain-list">
        {editing.plan.goals.map((goal, index) => (
          <GoalCard key={goal.id} goal={goal} index={index} editing={editing} />
        ))}
      </ol>
      <div className="field">
        <label htmlFor="new-goal">New goal</label>
        <div className="field-row">
          <input
            id="new-goal"
            type="text"
            value={draft}
            disabled={editing.readOnly}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
          <button
            type="button"
            disabled={editing.readOnly || draft.trim() === ''}
            onClick={() => {
              add({ description: draft.trim() });
              setDraft('');
            }}
          >
            Add goal
          </button>
        </div>
        <FieldMessage id={fieldIds('goals').message} message={editing.messageAt('goals')} />
      </div>
      {renderGoalLibrary === undefined ? (
        <p className="muted">The goal library is not available yet.</p>
      ) : (
        <div className="goal-library">{renderGoalLibrary(add, editing.readOnly)}</div>
      )}
    </>
  );
}
