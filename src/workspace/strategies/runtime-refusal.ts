/**
 * A 403 or 405 to a write tells what the server does not allow better than its CapabilityStatement did (issue 5
 * §1): the refused write, read from a save's outcome, updates the server profile and the strategy is chosen again.
 * @see https://hl7.org/fhir/R4/http.html#2.21.0.4
 */
import type * as fhir from 'fhir/r4';
import type { RuntimeRefusal } from '../../fhir/server-profile.ts';
import type { StrategyKind, StrategyOutcome } from './write-strategy.ts';

function interactionOf(entry: fhir.BundleEntry | undefined): 'create' | 'update' | undefined {
  const method = entry?.request?.method;
  if (method === 'POST') return 'create';
  return method === 'PUT' || method === 'PATCH' ? 'update' : undefined;
}

/**
 * The refusal in a save's outcome, when the result says the server refused the write itself (`refusal`, set on a
 * 403 or 405: write-refusal.ts): the write of the entry the server (or the strategy) named; failing that, for the
 * transactional strategy, the transaction Bundle itself. A strategy that sends one request at a time always names
 * the failed one, so without a name nothing is learnt.
 */
export function refusalOf(outcome: StrategyOutcome, strategy: StrategyKind): RuntimeRefusal | undefined {
  if (outcome.kind !== 'sent' || outcome.result.kind !== 'rejected' || outcome.result.refusal === undefined) {
    return undefined;
  }
  const { status, issues } = outcome.result;
  if (status !== 403 && status !== 405) return undefined;
  const named = issues.find((issue) => issue.entryIndex !== undefined)?.entryIndex;
  const entry = named === undefined ? undefined : outcome.request?.entry?.[named];
  const interaction = interactionOf(entry);
  const resourceType = entry?.resource?.resourceType ?? entry?.request?.url.split(/[/?]/)[0];
  if (interaction !== undefined && resourceType !== undefined) return { status, resourceType, interaction };
  return strategy === 'transaction' && named === undefined ? { status, interaction: 'transaction' } : undefined;
}
