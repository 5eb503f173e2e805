import { useId, useState, type ReactElement } from 'react';

/** The text of a file the user chose, or of a paste, with where it came from. */
export interface SourceText {
  readonly text: string;
  /** The file's name, or `pasted text`. */
  readonly from: string;
}

export interface PlanTextSourceProps {
  /** What the text is for, in the labels (`file to import`). */
  readonly purpose: string;
  readonly disabled?: boolean;
  readonly onChange: (source: SourceText | undefined) => void;
}

/**
 * Choose a file or paste its text: FHIR JSON (a Bundle, resources, NDJSON) or a C-CDA document. The file is read
 * in the browser; nothing is sent by choosing it.
 */
export function PlanTextSource({ purpose, disabled = false, onChange }: PlanTextSourceProps): ReactElement {
  const id = useId();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const choose = (next: 'file' | 'paste'): void => {
    setMode(next);
    setProblem(undefined);
    onChange(undefined);
  };
  return (
    <fieldset className="exchange-source" disabled={disabled}>
      <legend>Where the {purpose} comes from</legend>
      <div className="exchange-choices">
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'file'}
            onChange={() => {
              choose('file');
            }}
          />{' '}
          A file
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'paste'}
            onChange={() => {
              choose('paste');
            }}
          />{' '}
          Pasted text
        </label>
      </div>
      {mode === 'file' ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>Choose the {purpose}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,.ndjson,.xml,application/json,application/fhir+json,application/xml,text/xml"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setProblem(undefined);
              if (file === undefined) {
                onChange(undefined);
                return;
              }
              file.text().then(
                (text) => {
                  onChange({ text, from: file.name });
                },
                () => {
                  setProblem(`The file ${file.name} could not be read. Choose it again.`);
                  onChange(undefined);
                }
              );
            }}
          />
          <p className="muted">FHIR JSON (a Bundle, resources or NDJSON) or a C-CDA document (XML).</p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-paste`}>Paste the {purpose}</label>
          <textarea
            id={`${id}-paste`}
            rows={6}
            spellCheck={false}
            onChange={(event) => {
              const text = event.currentTarget.value;
              onChange(text.trim() === '' ? undefined : { text, from: 'pasted text' });
            }}
          />
        </div>
      )}
      {problem === undefined ? null : (
        <p role="alert" className="notice">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
