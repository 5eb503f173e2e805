/**
 * The Progress section (issue 4 §3): for each goal and objective, how it is going (the status on record and what
 * the scores suggest, confirmed or overridden by the clinician), a chart of each measured target with "Add a
 * score", and progress notes; then notes on the whole plan and the outcome summary.
 *
 * All of it is record keeping: it stays open on a signed plan, whose content is locked (`editing.canRecord`, not
 * `editing.readOnly`), and a score or note added here is saved with the plan.
 */
import type { ReactElement } from 'react';
import { setOutcomeSummary, type PersonRef } from '../../plan/index.ts';
import { TextField } from '../fields/TextField.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { GoalProgress, trackedTargets } from './GoalProgress.tsx';
import { ProgressNotes } from './ProgressNotes.tsx';
import './progress.css';

/** Who records progress and when: the signed-in clinician (if known) and the workspace's clock. */
export interface ProgressRecorder {
  readonly author?: PersonRef | undefined;
  readonly now: () => Date;
}

export interface ProgressSectionProps {
  readonly editing: PlanEditing;
  readonly recorder?: ProgressRecorder;
}

const systemClock: ProgressRecorder = { now: () => new Date() };

export function ProgressSection({ editing, recorder = systemClock }: ProgressSectionProps): ReactElement {
  const { plan } = editing;
  const provider = plan.session.provider;
  // The note's author: whoever is signed in, else the plan's provider (a note always names its clinician if it can).
  const author =
    recorder.author ??
    (provider === undefined
      ? plan.author
      : { name: provider.name, ...(provider.reference === undefined ? {} : { reference: provider.reference }) });
  // Summary and notes are record keeping too: editable whenever progress can be recorded.
  const recording: PlanEditing = { ...editing, readOnly: !editing.canRecord };
  return (
    <>
      {plan.goals.length === 0 ? <p className="muted">No goals yet: progress is tracked against goals.</p> : null}
      <ol className="plain-list progress-goals">
        {plan.goals.map((goal, g) => {
          const number = String(g + 1);
          const objectives = goal.objectives.flatMap((objective, o) =>
            trackedTargets(plan, objective).length > 0 ||
            plan.progress.notes.some((note) => note.goalId === objective.id)
              ? [{ objective, o }]
              : []
          );
          return (
            <li key={goal.id} className="progress-goal">
              <GoalProgress
                item={goal}
                path={`goals[${String(g)}]`}
                label={`Goal ${number}`}
                headingLevel={3}
                editing={editing}
                author={author}
                now={recorder.now}
              />
              {objectives.length === 0 ? null : (
                <details className="progress-objectives">
                  <summary>
                    Progress on the objectives of goal {number} ({String(objectives.length)})
                  </summary>
                  <ol className="plain-list">
                    {objectives.map(({ objective, o }) => (
                      <li key={objective.id}>
                        <GoalProgress
                          item={objective}
                          path={`goals[${String(g)}].objectives[${String(o)}]`}
                          label={`Objective ${number}.${String(o + 1)}`}
                          headingLevel={4}
                          editing={editing}
                          author={author}
                          now={recorder.now}
                        />
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          );
        })}
      </ol>
      <section className="plan-progress" aria-labelledby="progress-whole-plan-title">
        <h3 id="progress-whole-plan-title">The whole plan</h3>
        <ProgressNotes
          about="the whole plan"
          idBase="progress-plan"
          editing={editing}
          author={author}
          now={recorder.now}
        />
        <TextField
          label="Outcome summary"
          hint="Written at review or discharge."
          path="progress.outcomeSummary"
          value={plan.progress.outcomeSummary}
          editing={recording}
          multiline
          onCommit={(text) => {
            editing.edit('progress.outcomeSummary', (current) => setOutcomeSummary(current, text));
          }}
        />
      </section>
    </>
  );
}
