import { useState, type ReactElement, type SyntheticEvent } from 'react';
import {
  addProgressNote,
  attemptEdit,
  datePart,
  newProgressNote,
  type PersonRef,
  type ProgressNote,
} from '../../plan/index.ts';
import { instantOf } from '../../plan/calendar.ts';
import { dateWords } from '../../workspace/outline-words.ts';
import { describedBy } from '../fields/field-ids.ts';
import { FieldMessage } from '../fields/FieldMessage.tsx';
import type { PlanEditing } from '../plan-editing.ts';
import { recordedAt } from './score-entry.ts';

export interface ProgressNotesProps {
  /** The goal or objective the notes are about; absent for notes on the whole plan. */
  readonly goalId?: string;
  /** What the notes are about, for labels: `Goal 1`, `the whole plan`. */
  readonly about: string;
  readonly idBase: string;
  readonly editing: PlanEditing;
  /** Who writes a new note: the signed-in clinician, else the plan's provider. */
  readonly author: PersonRef | undefined;
  readonly now: () => Date;
}

/** Newest first: the latest session is what the clinician reads first. */
function newestFirst(notes: readonly ProgressNote[]): ProgressNote[] {
  const at = (note: ProgressNote): number => instantOf(note.date) ?? 0;
  return [...notes].sort((a, b) => at(b) - at(a));
}

/** Progress notes on one goal (or the whole plan): the list with date and author, and a new note. */
export function ProgressNotes({ goalId, about, idBase, editing, author, now }: ProgressNotesProps): ReactElement {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const notes = newestFirst(editing.plan.progress.notes.filter((note) => note.goalId === goalId));
  const disabled = !editing.canRecord;
  const inputId = `${idBase}-new-note`;

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (text.trim() === '') {
      setProblem('Write the note first.');
      return;
    }
    const note = newProgressNote(
      {
        date: recordedAt(editing.today, now()),
        text: text.trim(),
        ...(author === undefined ? {} : { author }),
        ...(goalId === undefined ? {} : { goalId }),
      },
      editing.newId
    );
    const outcome = attemptEdit(() => addProgressNote(editing.plan, note));
    if (!outcome.ok) {
      setProblem(outcome.error.message);
      return;
    }
    setProblem(undefined);
    editing.edit('progress.notes', (plan) => addProgressNote(plan, note));
    setText('');
  };

  return (
    <div className="progress-notes">
      {notes.length === 0 ? (
        <p className="muted">No progress notes on {about} yet.</p>
      ) : (
        <ol className="plain-list note-list" aria-label={`Progress notes on ${about}, newest first`}>
          {notes.map((note) => (
            <li key={note.id} className="progress-note">
              <p className="note-meta">
                {dateWords(datePart(note.date))}
                {note.author === undefined ? '' : `, ${note.author.name}`}
              </p>
              <p className="note-text">{note.text === '' ? '(The text of this note was not loaded.)' : note.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="add-note" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>New progress note on {about}</label>
        <textarea
          id={inputId}
          rows={3}
          value={text}
          disabled={disabled}
          onChange={(event) => {
            setText(event.target.value);
          }}
          {...describedBy(`${inputId}-message`, problem)}
        />
        <FieldMessage id={`${inputId}-message`} message={problem} />
        <div className="field-row">
          <button type="submit" disabled={disabled}>
            Add note<span className="visually-hidden"> on {about}</span>
          </button>
          {author === undefined ? null : <span className="muted">Written as {author.name}</span>}
        </div>
      </form>
    </div>
  );
}
