import type { ReactElement } from 'react';

export interface NoPlanYetProps {
  readonly clientName: string;
  /** What the new plan will start with, e.g. "2 diagnoses and 1 recent score". */
  readonly prefill: string;
  /** Why a plan cannot be started here; undefined when it can. */
  readonly blockedBecause: string | undefined;
  readonly onStart: () => void;
}

/** The client has no treatment plan: offer to start one from what the EHR already holds. */
export function NoPlanYet({ clientName, prefill, blockedBecause, onStart }: NoPlanYetProps): ReactElement {
  return (
    <section className="panel no-plan" aria-labelledby="no-plan-heading">
      <h2 id="no-plan-heading">No plan yet</h2>
      <p>
        {clientName} has no treatment plan in this record. A new plan starts with {prefill} from the record, with you as
        the provider; you fill in the rest.
      </p>
      <button
        type="button"
        disabled={blockedBecause !== undefined}
        onClick={onStart}
        aria-describedby="no-plan-blocked"
      >
        Start a plan
      </button>
      {blockedBecause === undefined ? null : (
        <p id="no-plan-blocked" className="muted">
          {blockedBecause}
        </p>
      )}
    </section>
  );
}
