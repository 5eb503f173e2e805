import type { ReactElement } from 'react';
import type { PlanOnRecord } from '../workspace/plans-on-record.ts';

export interface EarlierPlansProps {
  readonly plans: readonly PlanOnRecord[];
  readonly onOpen: (address: string) => void;
}

/** The client's other care plans (older, replaced), each openable read-only. */
export function EarlierPlans({ plans, onOpen }: EarlierPlansProps): ReactElement | null {
  if (plans.length === 0) return null;
  return (
    <details className="panel">
      <summary>Earlier plans ({plans.length})</summary>
      <ul className="plain-list">
        {plans.map((plan) => (
          <li key={plan.address} className="inline-item">
            <span>
              {plan.title}{' '}
              <span className="muted">
                (
                {[plan.status, plan.replaced ? 'replaced' : '', plan.date?.slice(0, 10) ?? '']
                  .filter(Boolean)
                  .join(', ')}
                )
              </span>
            </span>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                onOpen(plan.address);
              }}
            >
              Open read-only<span className="visually-hidden"> {plan.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
