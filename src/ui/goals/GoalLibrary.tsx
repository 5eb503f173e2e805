/**
 * The goal library picker (issue 4 §2): choose a presenting problem, read its starting goals with their objectives
 * and interventions, and add one to the plan, where the clinician tailors it. The library is loaded on first render
 * through a dynamic import, so it stays out of the first page load.
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import type * as Library from '../../catalog/goal-library/index.ts';
import type { GoalLibraryContext, GoalLibraryRenderer, PickedGoal } from './GoalsSection.tsx';

/** The parts of the catalog the picker uses. */
export type GoalLibraryModule = Pick<typeof Library, 'libraryProblems' | 'libraryEntry' | 'instantiateGoal'>;

export interface GoalLibraryProps {
  readonly onPick: (picked: PickedGoal) => void;
  readonly disabled: boolean;
  readonly context: GoalLibraryContext;
  /** Where the library comes from; defaults to a dynamic import of the catalog's goal library. */
  readonly load?: () => Promise<GoalLibraryModule>;
}

const loadCatalog = (): Promise<GoalLibraryModule> => import('../../catalog/goal-library/index.ts');

type Loading =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly library: GoalLibraryModule }
  | { readonly status: 'failed' };

function describeFrequency(frequency: Library.InterventionTemplate['frequency']): string | undefined {
  if (frequency === undefined) return undefined;
  const units: Record<typeof frequency.unit, string> = { d: 'day', wk: 'week', mo: 'month' };
  const unit = units[frequency.unit];
  const times = frequency.count === 1 ? 'once' : `${String(frequency.count)} times`;
  const per = frequency.per === 1 ? `a ${unit}` : `every ${String(frequency.per)} ${unit}s`;
  return `${times} ${per}`;
}

function LibraryGoal({
  template,
  disabled,
  onAdd,
}: {
  readonly template: Library.GoalTemplate;
  readonly disabled: boolean;
  readonly onAdd: () => void;
}): ReactElement {
  const headingId = useId();
  return (
    <li className="item-card library-goal">
      <h4 id={headingId}>{template.description}</h4>
      {template.objectives.length > 0 ? (
        <>
          <p className="muted">Objectives</p>
          <ul>
            {template.objectives.map((objective, index) => (
              <li key={index}>{objective.description}</li>
            ))}
          </ul>
        </>
      ) : null}
      {template.interventions.length > 0 ? (
        <>
          <p className="muted">Interventions</p>
          <ul>
            {template.interventions.map((intervention, index) => {
              const frequency = describeFrequency(intervention.frequency);
              return (
                <li key={index}>
                  {intervention.technique.text}: {intervention.application}
                  {frequency === undefined ? null : ` (${frequency})`}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <button type="button" disabled={disabled} aria-describedby={headingId} onClick={onAdd}>
        Add this goal
      </button>
    </li>
  );
}

/** A select of presenting problems and, for the one chosen, its starting goals, each ready to add. */
export function GoalLibrary({ onPick, disabled, context, load = loadCatalog }: GoalLibraryProps): ReactElement {
  const selectId = useId();
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  const [problemId, setProblemId] = useState<Library.ProblemId | ''>('');
  const [added, setAdded] = useState<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    load().then(
      (library) => {
        if (current) setLoading({ status: 'loaded', library });
      },
      () => {
        if (current) setLoading({ status: 'failed' });
      }
    );
    return () => {
      current = false;
    };
  }, [load]);

  if (loading.status === 'loading') return <p className="muted">Loading the goal library…</p>;
  if (loading.status === 'failed') return <p className="muted">The goal library could not be loaded.</p>;

  const { library } = loading;
  const problems = library.libraryProblems();
  const entry = problemId === '' ? undefined : library.libraryEntry(problemId);
  const add = (template: Library.GoalTemplate): void => {
    onPick(
      library.instantiateGoal(template, {
        today: context.today,
        newId: context.newId,
        addresses: context.addresses,
      })
    );
    setAdded(template.description);
  };

  return (
    <section aria-labelledby={`${selectId}-heading`}>
      <h3 id={`${selectId}-heading`}>Goal library</h3>
      <div className="field">
        <label htmlFor={selectId}>Presenting problem</label>
        <select
          id={selectId}
          value={problemId}
          onChange={(event) => {
            setProblemId(event.target.value as Library.ProblemId | '');
            setAdded(undefined);
          }}
        >
          <option value="">Choose a presenting problem</option>
          {problems.map((problem) => (
            <option key={problem.id} value={problem.id}>
              {problem.title}
            </option>
          ))}
        </select>
      </div>
      {entry === undefined ? null : (
        <>
          <p className="muted">{entry.summary}</p>
          <ul className="plain-list">
            {entry.goals.map((template) => (
              <LibraryGoal
                key={template.id}
                template={template}
                disabled={disabled}
                onAdd={() => {
                  add(template);
                }}
              />
            ))}
          </ul>
        </>
      )}
      <p role="status" className="muted">
        {added === undefined ? '' : `Added “${added}” to the plan; tailor it above.`}
      </p>
    </section>
  );
}

/** The renderer the workspace's goals section takes (`SessionScreen`'s `renderGoalLibrary`). */
export const renderGoalLibrary: GoalLibraryRenderer = (onPick, disabled, context) => (
  <GoalLibrary onPick={onPick} disabled={disabled} context={context} />
);
