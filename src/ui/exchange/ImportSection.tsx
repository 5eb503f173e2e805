import type * as fhir from 'fhir/r4';
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { applyImport, type ImportReport, type ImportResult } from '../../exchange/index.ts';
import type { FhirGateway } from '../../fhir/gateway.ts';
import type { ServerTraits } from '../../fhir/server-traits.ts';
import type { PlanRecords } from '../../fhir/load-plan-records.ts';
import { describeError } from '../../smart/describe-error.ts';
import { importWriting, prepareTextImport, wrongClient } from '../../workspace/exchange-import.ts';
import type { StrategyChoice } from '../../workspace/strategies/choose-strategy.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { PlanTextSource, type SourceText } from './PlanTextSource.tsx';

export interface ImportSectionProps {
  readonly gateway: FhirGateway;
  /** Search parameters the server insists on per type, for the lookups that tell what it already holds. */
  readonly requiredSearchParams?: ServerTraits['requiredSearchParams'];
  readonly patient: fhir.Patient;
  readonly clientName: string;
  readonly writing: StrategyChoice;
  /** Loads the client's records again, so the workspace shows what was imported. */
  readonly refresh: () => Promise<PlanRecords>;
  readonly onImported?: (records: PlanRecords) => void;
}

type ImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking'; readonly loadingDefinitions: boolean }
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'report'; readonly report: ImportReport; readonly from: string }
  | { readonly kind: 'writing'; readonly report: ImportReport; readonly from: string }
  | { readonly kind: 'done'; readonly result: ImportResult; readonly reloadProblem?: string }
  | { readonly kind: 'failed'; readonly report: ImportReport; readonly from: string; readonly message: string };

function doneWords(result: Extract<ImportResult, { kind: 'written' }>): string {
  if (result.filedAs !== undefined) return result.filedAs;
  if (result.created === 0 && result.updated === 0) {
    return `Nothing new: all ${String(result.matched)} records were already on the server, so nothing was written.`;
  }
  return `Imported: ${String(result.created)} new, ${String(result.updated)} changed, ${String(result.matched)} already on the server.`;
}

/**
 * Import: a file or a paste is checked against this server and shown as a report; errors block the write,
 * warnings need a confirmation, the records must be the launched client's, and the write goes through the
 * server's strategy. Afterwards the workspace's records are loaded again.
 */
export function ImportSection(props: ImportSectionProps): ReactElement {
  const { gateway, patient, clientName, writing, refresh, onImported, requiredSearchParams = {} } = props;
  const id = useId();
  const [source, setSource] = useState<SourceText | undefined>(undefined);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  const outcome = useRef<HTMLParagraphElement>(null);
  const how = importWriting(writing, {
    loadRecords: async () => (await refresh()).resources,
    now: () => new Date(),
  });

  // The report and its button are gone once written: the keyboard focus moves to what happened.
  useEffect(() => {
    if (state.kind === 'done') outcome.current?.focus();
  }, [state.kind]);

  if (how.kind === 'blocked') {
    return (
      <p className="notice" role="note">
        {how.reason}
      </p>
    );
  }

  const check = async (text: string, from: string): Promise<void> => {
    setState({ kind: 'checking', loadingDefinitions: false });
    setConfirmed(false);
    try {
      const report = await prepareTextImport(text, gateway, {
        requiredSearchParams,
        onLoadingDefinitions: () => {
          setState({ kind: 'checking', loadingDefinitions: true });
        },
      });
      setState({ kind: 'report', report, from });
    } catch (error) {
      const reason =
        error instanceof Error &&
        (error.name === 'ImportInputError' || error.name === 'CcdaInputError' || error.name === 'DefinitionsLoadError')
          ? error.message
          : `The server could not be asked about the records: ${describeError(error).sentence}`;
      setState({ kind: 'unreadable', message: `${reason} Nothing was written.` });
    }
  };

  const write = async (report: ImportReport, from: string): Promise<void> => {
    setState({ kind: 'writing', report, from });
    const result = await applyImport(report, gateway, { confirmWarnings: confirmed, ...how.options }).catch(
      (error: unknown): ImportResult => ({
        kind: 'refused',
        reason: 'errors',
        message: `The import stopped: ${describeError(error).sentence}`,
      })
    );
    if (result.kind !== 'written') {
      setState({ kind: 'failed', report, from, message: result.message });
      return;
    }
    try {
      const records = await refresh();
      onImported?.(records);
      setState({ kind: 'done', result });
    } catch (error) {
      setState({
        kind: 'done',
        result,
        reloadProblem: `The records were written, but loading them again failed (${describeError(error).sentence}). Launch the app again to see them.`,
      });
    }
  };

  const shown = state.kind === 'report' || state.kind === 'writing' || state.kind === 'failed' ? state : undefined;
  const refusal = shown === undefined ? undefined : wrongClient(shown.report, patient);
  const errors = shown?.report.issues.filter((i) => i.severity === 'error').length ?? 0;
  const warnings = shown?.report.issues.filter((i) => i.severity === 'warning').length ?? 0;
  const blockedBecause =
    refusal ??
    (errors > 0
      ? `The report has ${String(errors)} error${errors === 1 ? '' : 's'}: correct the file, then check it again. Nothing was written.`
      : warnings > 0 && !confirmed
        ? 'Confirm the warnings above to import.'
        : undefined);

  return (
    <div className="exchange-form">
      <p className="muted">{how.how}</p>
      <PlanTextSource
        purpose="file to import"
        disabled={state.kind === 'checking' || state.kind === 'writing'}
        onChange={(next) => {
          setSource(next);
          setState({ kind: 'idle' });
        }}
      />
      <button
        type="button"
        disabled={source === undefined}
        aria-disabled={state.kind === 'checking' || state.kind === 'writing'}
        aria-busy={state.kind === 'checking'}
        onClick={() => {
          // Kept focusable while busy (a disabled button would drop the keyboard focus): a press then waits.
          if (source !== undefined && state.kind !== 'checking' && state.kind !== 'writing') {
            void check(source.text, source.from);
          }
        }}
      >
        {state.kind === 'checking' ? 'Checking against the server…' : 'Check the import'}
      </button>
      <div aria-live="polite" className="exchange-status">
        {state.kind === 'checking' ? (
          <p role="status">
            <span className="spinner" aria-hidden="true" />{' '}
            {state.loadingDefinitions
              ? 'Loading FHIR R4 and the plan profiles…'
              : 'Checking the records and what this server already holds…'}
          </p>
        ) : null}
        {state.kind === 'done' ? (
          <p role="status" className="exchange-done" ref={outcome} tabIndex={-1}>
            {state.result.kind === 'written' ? doneWords(state.result) : state.result.message}
          </p>
        ) : null}
      </div>
      {state.kind === 'unreadable' ? (
        <p role="alert" className="notice">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'done' && state.reloadProblem !== undefined ? (
        <p role="alert" className="notice">
          {state.reloadProblem}
        </p>
      ) : null}
      {shown === undefined ? null : (
        <>
          <ImportReportView report={shown.report} from={shown.from} />
          {refusal === undefined ? null : (
            <p role="alert" className="notice">
              {refusal}
            </p>
          )}
          {refusal === undefined && errors === 0 && warnings > 0 ? (
            <div className="field">
              <input
                id={`${id}-confirm`}
                type="checkbox"
                checked={confirmed}
                disabled={state.kind === 'writing'}
                onChange={(event) => {
                  setConfirmed(event.currentTarget.checked);
                }}
              />{' '}
              <label htmlFor={`${id}-confirm`}>
                I have read the {warnings} warning{warnings === 1 ? '' : 's'} and want to import anyway
              </label>
            </div>
          ) : null}
          <button
            type="button"
            disabled={blockedBecause !== undefined}
            aria-disabled={state.kind === 'writing'}
            aria-busy={state.kind === 'writing'}
            aria-describedby={blockedBecause === undefined ? undefined : `${id}-blocked`}
            onClick={() => {
              if (state.kind !== 'writing') void write(shown.report, shown.from);
            }}
          >
            {state.kind === 'writing' ? 'Importing…' : `Import into ${clientName}’s record`}
          </button>
          {blockedBecause === undefined ? null : (
            <p id={`${id}-blocked`} className="muted">
              {blockedBecause}
            </p>
          )}
          {state.kind === 'failed' ? (
            <p role="alert" className="notice">
              {state.message} Your plan on screen is unchanged.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
