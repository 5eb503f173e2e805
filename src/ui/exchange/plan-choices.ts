import type { PlansOnRecord } from '../../workspace/plans-on-record.ts';

/** A plan of the client's record, as offered in the panel's pickers. */
export interface PlanChoice {
  /** `CarePlan/id`: what the exporter and the reader open. */
  readonly address: string;
  readonly label: string;
}

/** The current plan first, then the earlier ones, newest first. */
export function planChoices(plans: PlansOnRecord): PlanChoice[] {
  const current =
    plans.current !== undefined && plans.currentAddress !== undefined
      ? [{ address: plans.currentAddress, label: `Current plan: ${plans.current.plan.title} (as saved)` }]
      : [];
  const others = plans.others.map((plan) => ({
    address: plan.address,
    label: `${plan.title} (${[plan.status, plan.replaced ? 'replaced' : '', plan.date?.slice(0, 10) ?? '']
      .filter(Boolean)
      .join(', ')})`,
  }));
  return [...current, ...others];
}
