import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactElement } from 'react';
import type { PlanRecords } from '../fhir/load-plan-records.ts';
import type { TreatmentPlan } from '../plan/index.ts';
import { displayName } from '../workspace/person-names.ts';
import type { ExchangePanelProps } from './exchange/ExchangePanel.tsx';
import type { WorkspaceSetup } from './workspace-setup.ts';

export interface ExchangePlanProps {
  readonly setup: Pick<WorkspaceSetup, 'gateway' | 'patient' | 'writing' | 'now' | 'requiredSearchParams'>;
  readonly records: PlanRecords;
  readonly refresh: () => Promise<PlanRecords>;
  /** Told after an import wrote records and they were loaded again. */
  readonly onImported?: (records: PlanRecords) => void;
  /** The plan on screen, with unsaved changes, when one is open. */
  readonly onScreen?: TreatmentPlan;
}

type PanelComponent = ComponentType<ExchangePanelProps>;

/** Shown instead of the panel when its chunk could not be loaded; closing and opening again retries. */
function PanelNotLoaded({ onClose }: Pick<ExchangePanelProps, 'onClose'>): ReactElement {
  return (
    <div role="alert" className="notice">
      <p>The exchange panel could not be loaded. Check the connection, then open it again. Nothing was changed.</p>
      <button type="button" className="button-secondary" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** A fresh lazy component per opening, so that a failed load is tried again next time. */
const lazyPanel = (): PanelComponent =>
  lazy(() =>
    import('./exchange/ExchangePanel.tsx').then(
      (module) => ({ default: module.ExchangePanel }),
      () => ({ default: PanelNotLoaded as PanelComponent })
    )
  );

/**
 * The "Export, import, compare" button beside Print and the Exchange panel it opens (issue 6 §3). The panel is its
 * own chunk, loaded on first use; the workspace stays on screen, so nothing typed is lost.
 */
export function ExchangePlan({ setup, records, refresh, onImported, onScreen }: ExchangePlanProps): ReactElement {
  const [Panel, setPanel] = useState<PanelComponent | undefined>(undefined);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const clientName = displayName(setup.patient.name) ?? 'this client';

  useEffect(() => {
    if (Panel !== undefined || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [Panel]);

  const close = (): void => {
    refocus.current = true;
    setPanel(undefined);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button-secondary"
        aria-expanded={Panel !== undefined}
        onClick={() => {
          if (Panel === undefined) setPanel(() => lazyPanel());
          else close();
        }}
      >
        Export, import, compare
      </button>
      {Panel === undefined ? null : (
        <div className="exchange-slot">
          <Suspense
            fallback={
              <p role="status" className="loading">
                <span className="spinner" aria-hidden="true" /> Loading export, import and compare…
              </p>
            }
          >
            <Panel
              setup={setup}
              records={records}
              clientName={clientName}
              refresh={refresh}
              onClose={close}
              {...(onImported ? { onImported } : {})}
              {...(onScreen ? { onScreen } : {})}
            />
          </Suspense>
        </div>
      )}
    </>
  );
}
