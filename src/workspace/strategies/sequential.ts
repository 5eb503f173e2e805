/**
 * The structured, sequential strategy (issue 5 §2): for servers that let the app write the plan but take no
 * atomic transactions (none at all, or run like a batch as Medplum does unless configured). The plan's records
 * go one request at a time (`../../fhir/sequential-writes.ts`): each record after the records it links to, the
 * CarePlan last, every create conditional on the record's identifier. A save that stops partway leaves what was
 * written in place and the plan never pointing at a record that does not exist; saving again finishes the job
 * without duplicates.
 * @see https://hl7.org/fhir/R4/http.html#ccreate
 */
import type { FhirGateway } from '../../fhir/gateway.ts';
import { saveInSequence } from '../../fhir/sequential-writes.ts';
import type { ServerProfile } from '../../fhir/server-profile.ts';
import { writeSetToTransaction } from '../../mapping/index.ts';
import { planWriteSet } from '../save-plan.ts';
import type { StrategyInput, StrategyOutcome, WriteStrategy } from './write-strategy.ts';

const SENDS = 'Save sends the plan one record at a time, the plan itself last.';
const PARTWAY =
  'If a save stops partway, what was written stays, nothing points at a missing record, and saving again ' +
  'finishes it without duplicates.';

/** Why this server gets ordered steps rather than one transaction. */
function because(run: ServerProfile['transactions']['run']): string {
  switch (run) {
    case 'none':
      return 'This server takes no transactions.';
    case 'as-batch':
      return 'This server may apply a transaction only in part.';
    case 'unknown':
      return 'This server does not say whether it takes transactions.';
    case 'atomic':
      return '';
  }
}

/** What Save does on this server, and why, for the clinician. */
export function sequentialExplanation(profile: Pick<ServerProfile, 'transactions'>): string {
  return [because(profile.transactions.run), SENDS, PARTWAY].filter((text) => text !== '').join(' ');
}

export function sequentialStrategy(gateway: FhirGateway, profile: ServerProfile): WriteStrategy {
  // A type whose statement says nothing is assumed to honour If-None-Exist; one that says no is searched first.
  const conditionalCreate = (resourceType: string): boolean => profile.types?.[resourceType]?.conditionalCreate ?? true;
  return {
    kind: 'sequential',
    explanation: sequentialExplanation(profile),
    edits: 'plan',
    save: async ({ plan, loaded }: StrategyInput): Promise<StrategyOutcome> => {
      const writeSet = planWriteSet(plan, loaded);
      if (writeSet.length === 0) return { kind: 'nothing-to-save' };
      // The write set in a transaction's shape, never sent as one: its entry indexes place the server's issues.
      const request = writeSetToTransaction(writeSet);
      const saved = await saveInSequence(gateway, request, { conditionalCreate });
      return { kind: 'sent', result: saved.result, requests: saved.requests, request };
    },
  };
}
