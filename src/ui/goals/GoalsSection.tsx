import type { ReactElement, ReactNode } from 'react';
import {
  addGoal,
  addIntervention,
  newGoal,
  type GoalInput,
  type IdFactory,
  type Intervention,
  type IsoDate,
  type PlanGoal,
  type TreatmentPlan,
} from '../../plan/index.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import { fieldIds } from '../fields/field-ids.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { GoalCard } from './GoalCard.tsx';
import { AddTextRow } from '../fields/AddTextRow.tsx';

/** A goal built whole, with fresh ids, and the interventions that serve it or its objectives. */
export interface PickedGoal {
  readonly goal: PlanGoal;
  readonly interventions: readonly Intervention[];
}

/** What a goal library needs from the workspace to build a goal that fits the plan. */
export interface GoalLibraryContext {
  /** The workspace's today: the start date, and the day due dates count from. */
  readonly today: IsoDate;
  readonly newId: IdFactory;
  /** Ids of the diagnoses the plan treats (focus, not resolved): what a picked goal addresses. */
  readonly addresses: readonly string[];
}

/**
 * The hook for the goal library (issue 4 §2; the catalog builds it): render whatever lets the clinician choose a
 * starting goal, and call `onPick` with it. A `GoalInput` gets fresh ids from the workspace; a `PickedGoal` is
 * added as built, goal first, then its interventions.
 */
export type GoalLibraryRenderer = (
  onPick: (picked: GoalInput | PickedGoal) => void,
  disabled: boolean,
  context: GoalLibraryContext
) => ReactNode;

function isPickedGoal(picked: GoalInput | PickedGoal): picked is PickedGoal {
  return 'goal' in picked && 'interventions' in picked;
}

/** The ids of the diagnoses the plan treats now: role `focus`, and not inactive, in remission or resolved. */
export function focusDiagnosisIds(plan: TreatmentPlan): string[] {
  const current = new Set(['active', 'recurrence', 'relapse']);
  return plan.diagnoses
    .filter((diagnosis) => diagnosis.role === 'focus' && current.has(diagnosis.clinicalStatus))
    .map((diagnosis) => diagnosis.id);
}

export interface GoalsSectionProps {
  readonly editing: PlanEditing;
  readonly renderGoalLibrary?: GoalLibraryRenderer;
}

/** Goals with measurable targets and their objectives; new ones written here or picked from the library. */
export function GoalsSection({ editing, renderGoalLibrary }: GoalsSectionProps): ReactElement {
  const add = (input: GoalInput): void => {
    editing.edit('goals', (plan) => addGoal(plan, newGoal({ startDate: editing.today, ...input }, editing.newId)));
  };
  const pick = (picked: GoalInput | PickedGoal): void => {
    if (!isPickedGoal(picked)) {
      add(picked);
      return;
    }
    editing.edit('goals', (plan) => picked.interventions.reduce(addIntervention, addGoal(plan, picked.goal)));
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
        <AddTextRow
          id="new-goal"
          label="New goal"
          buttonLabel="Add goal"
          disabled={editing.readOnly}
          onAdd={(text) => {
            add({ description: text });
          }}
        />
        <FieldMessage id={fieldIds('goals').message} message={editing.messageAt('goals')} />
      </div>
      {renderGoalLibrary === undefined ? (
        <p className="muted">The goal library is not available yet.</p>
      ) : (
        <div className="goal-library">
          {renderGoalLibrary(pick, editing.readOnly, {
            today: editing.today,
            newId: editing.newId,
            addresses: focusDiagnosisIds(editing.plan),
          })}
        </div>
      )}
    </>
  );
}
