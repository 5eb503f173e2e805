/**
 * How a server runs a transaction Bundle, and the reason the app believes it: the statement's own words on its
 * `transaction` interaction first (the sandbox says when a transaction "runs like a batch"), then the vendor's
 * known rules, then R4, which defines a transaction as all or nothing.
 * @see https://hl7.org/fhir/R4/http.html#transaction
 */
import type * as fhir from 'fhir/r4';
import type { AccessReason } from './server-profile.ts';
import type { ServerTraits } from './server-traits.ts';
import type { TransactionRun, VendorRule } from './vendor-rules.ts';

export interface TransactionFact {
  readonly run: TransactionRun | 'unknown';
  readonly reason: AccessReason;
}

/** Statement words that say how its transactions run, e.g. the sandbox's "run like a batch". */
function statementTransactionRun(statement: fhir.CapabilityStatement | undefined): TransactionRun | undefined {
  const rest = statement?.rest?.find((entry) => entry.mode === 'server');
  const words = rest?.interaction?.find((i) => i.code === 'transaction')?.documentation;
  if (words === undefined) return undefined;
  if (/\b(like|as) a batch\b|\bnot atomic\b/i.test(words)) return 'as-batch';
  return /\batomic\b/i.test(words) ? 'atomic' : undefined;
}

export function transactionFact(
  statement: fhir.CapabilityStatement | undefined,
  traits: ServerTraits,
  rule: VendorRule | undefined
): TransactionFact {
  const said = statementTransactionRun(statement);
  if (said !== undefined) {
    const text = said === 'atomic' ? 'transactions are atomic' : 'a transaction runs like a batch, not atomically';
    return { run: said, reason: { source: 'CapabilityStatement', text } };
  }
  if (rule?.transaction !== undefined) {
    const text = {
      atomic: `${rule.name} runs transactions atomically`,
      'as-batch': `${rule.name} may run a transaction like a batch, entry by entry, and its statement does not say otherwise`,
      none: `${rule.name} takes no transaction Bundles`,
    }[rule.transaction];
    return { run: rule.transaction, reason: { source: 'vendor rule', text } };
  }
  switch (traits.transaction) {
    case 'yes':
      // R4 defines a transaction as all or nothing (http.html#transaction).
      return { run: 'atomic', reason: { source: 'CapabilityStatement', text: 'the server takes transactions' } };
    case 'no':
      return { run: 'none', reason: { source: 'CapabilityStatement', text: 'the server takes no transactions' } };
    case 'unknown':
      return {
        run: 'unknown',
        reason: { source: 'assumed', text: 'the server did not say whether it takes transactions' },
      };
  }
}
