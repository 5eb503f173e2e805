import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { PlanRecords } from '../../fhir/load-plan-records.ts';
import type { TreatmentPlan } from '../../plan/index.ts';
import { readPlansOnRecord } from '../../workspace/plans-on-record.ts';
import type { WorkspaceSetup } from '../workspace-setup.ts';
import { CompareSection } from './CompareSection.tsx';
import { ExportSection } from './ExportSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import { planChoices } from './plan-choices.ts';
import './exchange.css';

export interface ExchangePanelProps {
  readonly setup: Pick<WorkspaceSetup, 'gateway' | 'patient' | 'writing' | 'now' | 'requiredSearchParams'>;
  readonly records: PlanRecords;
  readonly clientName: string;
  readonly refresh: () => Promise<PlanRecords>;
  readonly onImported?: (records: PlanRecords) => void;
  /** The plan on screen, with unsaved changes, when one is open. */
  readonly onScreen?: TreatmentPlan;
  readonly onClose: () => void;
}

/**
 * The Exchange panel (issue 6 §3), its own chunk loaded on first use: export a plan as a file, import a file or a
 * paste with its report, and compare two plans per section. The workspace stays on screen around it.
 */
export function ExchangePanel(props: ExchangePanelProps): ReactElement {
  const { setup, records, clientName, refresh, onImported, onScreen, onClose } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const reading = useMemo(() => readPlansOnRecord(records.resources), [records]);
  const choices = useMemo(() => (reading.ok ? planChoices(reading.plans) : []), [reading]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section
      className="exchange-panel"
      aria-labelledby="exchange-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="exchange-heading">
        <h2 id="exchange-heading" ref={heading} tabIndex={-1}>
          Export, import and compare {clientName}’s plans
        </h2>
        <button type="button" className="button-secondary" onClick={onClose}>
          Close exchange
        </button>
      </div>
      {reading.ok ? null : (
        <p role="alert" className="notice">
          {reading.problem}
        </p>
      )}
      <section aria-labelledby="exchange-export-heading" className="exchange-part">
        <h3 id="exchange-export-heading">Export</h3>
        <ExportSection records={records.resources} choices={choices} clientName={clientName} now={setup.now} />
      </section>
      <section aria-labelledby="exchange-import-heading" className="exchange-part">
        <h3 id="exchange-import-heading">Import</h3>
        <ImportSection
          gateway={setup.gateway}
          {...(setup.requiredSearchParams === undefined ? {} : { requiredSearchParams: setup.requiredSearchParams })}
          patient={setup.patient}
          clientName={clientName}
          writing={setup.writing}
          refresh={refresh}
          {...(onImported ? { onImported } : {})}
        />
      </section>
      <section aria-labelledby="exchange-compare-heading" className="exchange-part">
        <h3 id="exchange-compare-heading">Compare</h3>
        <CompareSection records={records.resources} choices={choices} {...(onScreen ? { onScreen } : {})} />
      </section>
    </section>
  );
}
