import type * as fhir from 'fhir/r4';
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { EXCHANGE_FORMATS, exportFile, type ExchangeFormat } from '../../workspace/exchange-files.ts';
import type { PlanChoice } from './plan-choices.ts';

export interface ExportSectionProps {
  readonly records: readonly fhir.FhirResource[];
  readonly choices: readonly PlanChoice[];
  readonly clientName: string;
  readonly now: () => Date;
}

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preparing' }
  | {
      readonly kind: 'ready';
      readonly url: string;
      readonly name: string;
      readonly bytes: number;
      readonly notCarried: readonly string[];
    }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Export: one plan of the record, as saved, in the chosen format, downloaded as a file named after the client and
 * the day. The download is a link to a blob: URL (a navigation, which the page's policy allows), clicked for the
 * user and left on screen in case the browser asked first.
 */
export function ExportSection({ records, choices, clientName, now }: ExportSectionProps): ReactElement {
  const id = useId();
  const [planId, setPlanId] = useState(choices[0]?.address ?? '');
  const [format, setFormat] = useState<ExchangeFormat>('document');
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const link = useRef<HTMLAnchorElement>(null);
  const url = state.kind === 'ready' ? state.url : undefined;

  useEffect(() => {
    if (url === undefined) return undefined;
    link.current?.click();
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [url]);

  const start = async (): Promise<void> => {
    setState({ kind: 'preparing' });
    try {
      const file = await exportFile({ records, planId, format, clientName, now: now() });
      const blob = new Blob([file.text], { type: file.type });
      setState({
        kind: 'ready',
        url: URL.createObjectURL(blob),
        name: file.name,
        bytes: blob.size,
        notCarried: file.notCarried,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setState({ kind: 'failed', message: `The plan could not be exported: ${reason}` });
    }
  };

  if (choices.length === 0) {
    return <p className="muted">This client has no saved plan to export yet.</p>;
  }
  return (
    <form
      className="exchange-form"
      onSubmit={(event) => {
        event.preventDefault();
        // The button stays focusable while the file is prepared (a disabled one would drop the keyboard focus).
        if (state.kind !== 'preparing') void start();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-plan`}>Plan to export</label>
        <select
          id={`${id}-plan`}
          value={planId}
          onChange={(event) => {
            setPlanId(event.currentTarget.value);
          }}
        >
          {choices.map((choice) => (
            <option key={choice.address} value={choice.address}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Format</legend>
        {EXCHANGE_FORMATS.map((option) => (
          <label key={option.format} className="exchange-option">
            <input
              type="radio"
              name={`${id}-format`}
              value={option.format}
              checked={format === option.format}
              onChange={() => {
                setFormat(option.format);
              }}
            />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
      <p className="muted">
        The plan is exported as saved on the record; unsaved changes on screen are not in the file.
      </p>
      <button type="submit" aria-disabled={state.kind === 'preparing'} aria-busy={state.kind === 'preparing'}>
        {state.kind === 'preparing' ? 'Preparing the file…' : 'Download'}
      </button>
      <div aria-live="polite">
        {state.kind === 'ready' ? (
          <div className="exchange-download">
            <p>
              Downloaded{' '}
              <a ref={link} href={state.url} download={state.name}>
                {state.name}
              </a>{' '}
              ({Math.max(1, Math.round(state.bytes / 1024))} KB). If it did not download, use the link.
            </p>
            {state.notCarried.length === 0 ? null : (
              <>
                <p>What C-CDA cannot carry (listed in the document’s last section too):</p>
                <ul>
                  {state.notCarried.map((sentence, index) => (
                    <li key={index}>{sentence}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : null}
      </div>
      {state.kind === 'failed' ? (
        <p role="alert" className="notice">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
