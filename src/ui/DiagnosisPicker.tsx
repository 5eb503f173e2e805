import { useId, useState, type ReactElement } from 'react';
import type { Concept } from '../plan/index.ts';

export interface DiagnosisPickerProps {
  /** Finds diagnoses for the words typed (the catalog's ICD-10-CM + SNOMED list, or the record's own). */
  readonly search: (query: string) => readonly Concept[];
  readonly onPick: (condition: Concept) => void;
  readonly disabled: boolean;
}

function codesText(concept: Concept): string {
  return concept.codes.map((c) => c.code).join(' · ');
}

/** Search, then pick a coded diagnosis, or add one in words when the list has none that fits. */
export function DiagnosisPicker({ search, onPick, disabled }: DiagnosisPickerProps): ReactElement {
  const id = useId();
  const [query, setQuery] = useState('');
  const results = query.trim() === '' ? [] : search(query).slice(0, 20);
  const pick = (concept: Concept): void => {
    onPick(concept);
    setQuery('');
  };
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={`${id}-query`}>Search diagnoses</label>
        <span className="field-hint" id={`${id}-hint`}>
          Type words or a code (e.g. depressive, F33.1), then choose from the list.
        </span>
        <div className="field-row">
          <input
            id={`${id}-query`}
            type="search"
            value={query}
            disabled={disabled}
            aria-describedby={`${id}-hint`}
            aria-controls={`${id}-results`}
            onChange={(event) => {
              setQuery(event.target.value);
            }}
          />
          <button
            type="button"
            className="button-secondary"
            disabled={disabled || query.trim() === ''}
            onClick={() => {
              pick({ text: query.trim(), codes: [] });
            }}
          >
            Add as written
          </button>
        </div>
      </div>
      <ul id={`${id}-results`} className="picker-results" aria-live="polite" aria-label="Matching diagnoses">
        {query.trim() !== '' && results.length === 0 ? <li className="muted">No match in the list.</li> : null}
        {results.map((concept, index) => (
          <li key={`${String(index)}-${concept.text}`}>
            <button
              type="button"
              className="picker-choice"
              disabled={disabled}
              onClick={() => {
                pick(concept);
              }}
            >
              <span>{concept.text}</span>
              <span className="muted">{codesText(concept)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
