import { useState, type ReactElement } from 'react';
import { ACHIEVEMENTS, setAchievement, type AchievementSuggestion, type GoalLike } from '../../plan/index.ts';
import { codeWords, dateWords } from '../../workspace/outline-words.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { isAchievement } from './progress-words.ts';

/** The reason without the UCUM code for a score (`< 10 {score}` reads `< 10`). */
function readableReason(reason: string): string {
  return reason.replaceAll(' {score}', '');
}

export interface AchievementReviewProps {
  readonly item: GoalLike;
  /** The plan path of the goal or objective (`goals[0]`), where a refusal is shown. */
  readonly path: string;
  /** What the scores suggest, when the item has a target to measure against. */
  readonly suggestion: AchievementSuggestion | undefined;
  readonly idBase: string;
  readonly editing: PlanEditing;
}

/**
 * How the goal is going: the status on record, what the scores suggest and why, and the clinician's decision,
 * confirming the suggestion or choosing another status. Record keeping, so open on a signed plan.
 */
export function AchievementReview({ item, path, suggestion, idBase, editing }: AchievementReviewProps): ReactElement {
  const [choice, setChoice] = useState<string>(item.achievement ?? '');
  const disabled = !editing.canRecord;
  const at = `${path}.achievement`;
  const message = editing.messageAt(at);
  const set = (achievement: NonNullable<GoalLike['achievement']>): void => {
    setChoice(achievement);
    editing.edit(at, (plan) => setAchievement(plan, item.id, achievement, editing.today));
  };
  const current =
    item.achievement === undefined
      ? 'Not assessed yet'
      : `${codeWords(item.achievement)}${item.statusDate === undefined ? '' : ` (since ${dateWords(item.statusDate) ?? item.statusDate})`}`;
  return (
    <div className="achievement-review">
      <p>
        <strong>Progress on record:</strong> <span className="achievement-current">{current}</span>
      </p>
      {suggestion === undefined ? null : (
        <div className="achievement-suggestion">
          <p>
            <strong>Suggested from the scores:</strong>{' '}
            <span className="achievement-suggested">{codeWords(suggestion.achievement)}</span>.{' '}
            <span className="muted">{readableReason(suggestion.reason)}</span>
          </p>
          <button
            type="button"
            disabled={disabled}
            onClick={() => {
              set(suggestion.achievement);
            }}
          >
            Confirm “{codeWords(suggestion.achievement)}”
            <span className="visually-hidden"> for “{item.description.text}”</span>
          </button>
        </div>
      )}
      <div className="field-row achievement-override">
        <label htmlFor={`${idBase}-override`}>{suggestion === undefined ? 'Set progress' : 'Or set progress to'}</label>
        <select
          id={`${idBase}-override`}
          value={choice}
          disabled={disabled}
          onChange={(event) => {
            setChoice(event.target.value);
          }}
        >
          <option value="">Choose…</option>
          {ACHIEVEMENTS.map((a) => (
            <option key={a} value={a}>
              {codeWords(a)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button-secondary"
          disabled={disabled || !isAchievement(choice) || choice === item.achievement}
          onClick={() => {
            if (isAchievement(choice)) set(choice);
          }}
        >
          Set progress<span className="visually-hidden"> of “{item.description.text}”</span>
        </button>
      </div>
      <FieldMessage id={`${idBase}-achievement-message`} message={message} />
    </div>
  );
}
