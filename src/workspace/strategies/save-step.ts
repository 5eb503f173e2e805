/**
 * A write strategy as one save step of the signing flow (`../sign-plan.ts`), which needs a request Bundle to place
 * the server's issues: a strategy that sent no Bundle gets an empty one, so issues are shown without an entry.
 */
import type * as fhir from 'fhir/r4';
import type { SaveAttempt } from '../save-plan.ts';
import type { SaveStep } from '../sign-plan.ts';
import type { StrategyOutcome, WriteStrategy } from './write-strategy.ts';

export const NO_REQUEST: fhir.Bundle = { resourceType: 'Bundle', type: 'batch', entry: [] };

export function attemptOf(outcome: StrategyOutcome): SaveAttempt {
  return outcome.kind === 'nothing-to-save'
    ? outcome
    : { kind: 'sent', request: outcome.request ?? NO_REQUEST, result: outcome.result };
}

/** Saves through `strategy`; `observe` sees every outcome (to learn from a refusal). */
export function strategySaveStep(
  strategy: WriteStrategy,
  now: () => Date,
  observe?: (outcome: StrategyOutcome) => void
): SaveStep {
  return async (plan, loaded) => {
    const outcome = await strategy.save({ plan, loaded, now: now() });
    observe?.(outcome);
    return attemptOf(outcome);
  };
}
