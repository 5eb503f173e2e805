import { useEffect, useRef, useState, type ComponentType, type ReactElement } from 'react';
import type { TreatmentPlan } from '../plan/index.ts';
import { zonedNow } from '../workspace/clock.ts';
import type { PrintViewProps } from './PrintView.tsx';

export interface PrintPlanProps {
  readonly plan: TreatmentPlan;
  readonly now: () => Date;
}

type PrintState =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'open'; readonly View: ComponentType<PrintViewProps>; readonly printedAt: string }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The "Print" button beside the plan's title and the printable view it opens. The view is its own chunk, loaded on
 * first use (issue 4 §6 "Weight"); while it is open the workspace stays mounted underneath, hidden, so nothing
 * typed is lost.
 */
export function PrintPlan({ plan, now }: PrintPlanProps): ReactElement {
  const [state, setState] = useState<PrintState>({ kind: 'closed' });
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  // Back on the plan, focus returns to Print; only after the view is gone, as the workspace is hidden until then.
  useEffect(() => {
    if (state.kind !== 'closed' || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [state]);

  const open = async (): Promise<void> => {
    setState({ kind: 'loading' });
    try {
      const { PrintView } = await import('./PrintView.tsx');
      setState({ kind: 'open', View: PrintView, printedAt: zonedNow(now()) });
    } catch {
      setState({
        kind: 'failed',
        message: 'The printable view could not be loaded. Check the connection and try Print again.',
      });
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button-secondary"
        aria-busy={state.kind === 'loading'}
        disabled={state.kind === 'loading'}
        onClick={() => {
          void open();
        }}
      >
        {state.kind === 'loading' ? 'Preparing the printable plan…' : 'Print'}
      </button>
      {state.kind === 'failed' ? (
        <p role="alert" className="notice">
          {state.message}
        </p>
      ) : null}
      {state.kind === 'open' ? (
        <state.View
          plan={plan}
          printedAt={state.printedAt}
          onClose={() => {
            refocus.current = true;
            setState({ kind: 'closed' });
          }}
        />
      ) : null}
    </>
  );
}
