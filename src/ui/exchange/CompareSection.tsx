import type * as fhir from 'fhir/r4';
import { useId, useState, type ReactElement } from 'react';
import type { TreatmentPlan } from '../../plan/index.ts';
import { planFromText, withoutRecordAddresses } from '../../workspace/compare-file.ts';
import { diffPlans, type SectionChanges } from '../../workspace/plan-diff.ts';
import { openPlanOnRecord } from '../../workspace/plans-on-record.ts';
import type { PlanChoice } from './plan-choices.ts';
import { PlanTextSource, type SourceText } from './PlanTextSource.tsx';

export interface CompareSectionProps {
  readonly records: readonly fhir.FhirResource[];
  readonly choices: readonly PlanChoice[];
  /** The plan on screen, with any unsaved changes, when a plan is open. */
  readonly onScreen?: TreatmentPlan;
}

const SCREEN = 'screen';
const FILE = 'file';

const MARK: Readonly<Record<SectionChanges['changes'][number]['kind'], string>> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

type CompareState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'comparing' }
  | { readonly kind: 'compared'; readonly before: string; readonly after: string; readonly sections: SectionChanges[] }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Compare: two plans of this client (the plan on screen, the current one as saved, earlier ones), or a plan and a
 * file, per section: what was added, removed or changed from the first to the second (src/workspace/plan-diff.ts).
 */
export function CompareSection({ records, choices, onScreen }: CompareSectionProps): ReactElement {
  const id = useId();
  const befores = [...choices.slice(1), ...choices.slice(0, 1)];
  const afters = [
    ...(onScreen ? [{ address: SCREEN, label: 'The plan on screen (with unsaved changes)' }] : []),
    ...choices,
  ];
  const [before, setBefore] = useState(befores[0]?.address ?? FILE);
  const [after, setAfter] = useState(afters[0]?.address ?? '');
  const [file, setFile] = useState<SourceText | undefined>(undefined);
  const [state, setState] = useState<CompareState>({ kind: 'idle' });

  const labelOf = (address: string): string =>
    address === FILE
      ? (file?.from ?? 'the file')
      : ([...afters, ...befores].find((c) => c.address === address)?.label ?? address);

  const planAt = async (address: string): Promise<TreatmentPlan> => {
    if (address === SCREEN && onScreen) return onScreen;
    if (address === FILE) {
      if (file === undefined) throw new Error('Choose a file or paste its text first.');
      return planFromText(file.text);
    }
    const opened = openPlanOnRecord(records, address);
    if (!opened.ok) throw new Error(opened.problem);
    return opened.value.plan;
  };

  const compare = async (): Promise<void> => {
    setState({ kind: 'comparing' });
    try {
      const [first, second] = await Promise.all([planAt(before), planAt(after)]);
      // A file's records live elsewhere: compare what the plans say, not where their records are kept.
      const fromFile = before === FILE || after === FILE;
      setState({
        kind: 'compared',
        before: labelOf(before),
        after: labelOf(after),
        sections: fromFile
          ? diffPlans(withoutRecordAddresses(first), withoutRecordAddresses(second))
          : diffPlans(first, second),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setState({ kind: 'failed', message: `The plans could not be compared: ${reason}` });
    }
  };

  if (afters.length === 0) return <p className="muted">This client has no plan to compare yet.</p>;
  return (
    <div className="exchange-form">
      <div className="exchange-pair">
        <div className="field">
          <label htmlFor={`${id}-before`}>Compare (earlier)</label>
          <select
            id={`${id}-before`}
            value={before}
            onChange={(event) => {
              setBefore(event.currentTarget.value);
              setState({ kind: 'idle' });
            }}
          >
            {befores.map((choice) => (
              <option key={choice.address} value={choice.address}>
                {choice.label}
              </option>
            ))}
            <option value={FILE}>A file or pasted text…</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-after`}>with (later)</label>
          <select
            id={`${id}-after`}
            value={after}
            onChange={(event) => {
              setAfter(event.currentTarget.value);
              setState({ kind: 'idle' });
            }}
          >
            {afters.map((choice) => (
              <option key={choice.address} value={choice.address}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {before === FILE ? (
        <PlanTextSource
          purpose="plan to compare"
          onChange={(next) => {
            setFile(next);
            setState({ kind: 'idle' });
          }}
        />
      ) : null}
      <button
        type="button"
        disabled={before === FILE && file === undefined}
        aria-disabled={state.kind === 'comparing'}
        aria-busy={state.kind === 'comparing'}
        onClick={() => {
          // Kept focusable while busy (a disabled button would drop the keyboard focus): a second press waits.
          if (state.kind !== 'comparing') void compare();
        }}
      >
        {state.kind === 'comparing' ? 'Comparing…' : 'Compare'}
      </button>
      {state.kind === 'failed' ? (
        <p role="alert" className="notice">
          {state.message}
        </p>
      ) : null}
      <div aria-live="polite">
        {state.kind === 'compared' ? (
          <div className="exchange-compare-sections">
            <h4>
              From “{state.before}” to “{state.after}”
            </h4>
            {state.sections.length === 0 ? (
              <p>No differences: the two plans say the same in every section.</p>
            ) : (
              state.sections.map((section) => (
                <section key={section.section} aria-label={`Differences: ${section.title}`}>
                  <h5>{section.title}</h5>
                  <ul>
                    {section.changes.map((change, index) => (
                      <li key={index} className={`exchange-change exchange-${change.kind}`}>
                        <span className="exchange-mark">{MARK[change.kind]}:</span> {change.text}
                      </li>
                    ))}
                  </ul>
                </section>
              ))
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
