/**
 * The complete example plans, one entry per client of the guide, in the order the sandbox lists them. A client's
 * plans are oldest first: George Smith's revised plan replaces his first one, so both are in his example.
 */
import type { TreatmentPlan } from '../../../src/plan/treatment-plan.ts';
import { georgeSmithInitialPlan } from './george-smith-initial.ts';
import { georgeSmithPlan } from './george-smith.ts';
import { johnDoePlan } from './john-doe.ts';
import { michaelJonesPlan } from './michael-jones.ts';
import { robertJohnsonPlan } from './robert-johnson.ts';

export interface ClientExample {
  /** The sandbox's id of the client (`Patient/<client>`), also the example's file name. */
  readonly client: string;
  /** Oldest first; the last one is the current plan. */
  readonly plans: readonly TreatmentPlan[];
}

export const EXAMPLES: readonly ClientExample[] = [
  { client: 'george-smith', plans: [georgeSmithInitialPlan, georgeSmithPlan] },
  { client: 'robert-johnson', plans: [robertJohnsonPlan] },
  { client: 'michael-jones', plans: [michaelJonesPlan] },
  { client: 'john-doe', plans: [johnDoePlan] },
];

/** The plan in use now: the newest of the client's plans. */
export function currentPlan(example: ClientExample): TreatmentPlan {
  const plan = example.plans.at(-1);
  if (!plan) throw new Error(`The example for ${example.client} has no plan`);
  return plan;
}
