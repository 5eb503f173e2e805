import type { ReactElement } from 'react';
import {
  suggestAchievement,
  type AchievementSuggestion,
  type GoalLike,
  type MeasurableTarget,
  type Measurement,
  type PersonRef,
  type TreatmentPlan,
} from '../../plan/index.ts';
import { seriesFor } from '../../plan/tracking.ts';
import { aimWords } from '../../workspace/outline-words.ts';
import { fieldAnchor } from '../../workspace/sections.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { AchievementReview } from './AchievementReview.tsx';
import { AddScoreForm } from './AddScoreForm.tsx';
import { LazyProgressChart } from './LazyProgressChart.tsx';
import { ProgressNotes } from './ProgressNotes.tsx';
import { ScoreTable } from './ScoreTable.tsx';

export interface GoalProgressProps {
  readonly item: GoalLike;
  /** Its plan path: `goals[0]` or `goals[0].objectives[1]`. */
  readonly path: string;
  /** `Goal 1`, `Objective 1.2`. */
  readonly label: string;
  readonly headingLevel: 3 | 4;
  readonly editing: PlanEditing;
  readonly author: PersonRef | undefined;
  readonly now: () => Date;
}

interface TrackedTarget {
  readonly target: MeasurableTarget;
  readonly index: number;
  readonly series: readonly Measurement[];
}

/** The targets that name a measure, each with its series of scores. */
export function trackedTargets(plan: TreatmentPlan, item: GoalLike): TrackedTarget[] {
  return item.targets.flatMap((target, index) =>
    target.measure.text.trim() === '' ? [] : [{ target, index, series: seriesFor(plan, item, target) }]
  );
}

/**
 * The suggestion from the first target that has scores: the goal's main measure. None without scores, where
 * "in progress, no scores yet" would only invite overwriting the clinician's own judgement.
 */
export function goalSuggestion(tracked: readonly TrackedTarget[], today: string): AchievementSuggestion | undefined {
  const chosen = tracked.find((t) => t.series.length > 0);
  return chosen === undefined ? undefined : suggestAchievement(chosen.target, chosen.series, today);
}

/** One goal or objective in the Progress section: its status and suggestion, a chart per target, its notes. */
export function GoalProgress({
  item,
  path,
  label,
  headingLevel,
  editing,
  author,
  now,
}: GoalProgressProps): ReactElement {
  const idBase = fieldAnchor(`progress.${item.id}`);
  const tracked = trackedTargets(editing.plan, item);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const TargetHeading = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <article className="goal-progress" aria-labelledby={`${idBase}-title`}>
      <Heading id={`${idBase}-title`}>
        {label}: {item.description.text}
      </Heading>
      <AchievementReview
        // A new status from anywhere (the Goals section, a reload) resets the choice offered in the list.
        key={item.achievement ?? ''}
        item={item}
        path={path}
        suggestion={goalSuggestion(tracked, editing.today)}
        idBase={idBase}
        editing={editing}
      />
      {tracked.length === 0 ? (
        <p className="muted">No measurable target yet: add one under Goals and objectives to chart its scores.</p>
      ) : (
        tracked.map(({ target, index, series }) => (
          <section key={index} className="target-progress" aria-labelledby={`${idBase}-target-${String(index)}-title`}>
            <TargetHeading id={`${idBase}-target-${String(index)}-title`}>
              {target.measure.text}: {aimWords(target, { due: true })}
            </TargetHeading>
            {series.length === 0 ? (
              <p className="muted">No scores recorded yet.</p>
            ) : (
              <>
                <LazyProgressChart
                  target={target}
                  scores={series.map((m) => ({ id: m.id, date: m.date, value: m.value.value }))}
                />
                <ScoreTable target={target} scores={series} />
              </>
            )}
            <AddScoreForm
              item={item}
              target={target}
              idBase={`${idBase}-target-${String(index)}-score`}
              editing={editing}
              now={now}
            />
          </section>
        ))
      )}
      <ProgressNotes
        goalId={item.id}
        about={label.toLowerCase()}
        idBase={idBase}
        editing={editing}
        author={author}
        now={now}
      />
    </article>
  );
}
