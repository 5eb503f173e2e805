/**
 * The structured, transactional strategy (issue 5 §2): the whole plan in one `transaction` Bundle with `If-Match` on
 * updates, all or nothing, for servers whose transactions are atomic. This is the save of issue 4 (`save-plan.ts`).
 * @see https://hl7.org/fhir/R4/http.html#transaction
 */
import type { FhirGateway } from '../../fhir/gateway.ts';
import { savePlan } from '../save-plan.ts';
import type { StrategyInput, StrategyOutcome, WriteStrategy } from './write-strategy.ts';

export const TRANSACTION_EXPLANATION =
  'Saves the whole plan in one transaction: the server writes all of it or, if anything is refused, none of it.';

export function transactionStrategy(gateway: FhirGateway): WriteStrategy {
  return {
    kind: 'transaction',
    explanation: TRANSACTION_EXPLANATION,
    edits: 'plan',
    save: async ({ plan, loaded }: StrategyInput): Promise<StrategyOutcome> => {
      const attempt = await savePlan(gateway, plan, loaded);
      if (attempt.kind === 'nothing-to-save') return attempt;
      return { kind: 'sent', result: attempt.result, requests: 1, request: attempt.request };
    },
  };
}
