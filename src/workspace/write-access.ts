/**
 * Whether the workspace may save on this server in this session, and if not, why (issue 4 §5: "read-only, and says
 * why"). A save writes the plan and its goals in one transaction, so both must be creatable and updatable, and the
 * server must take transactions (the other write strategies come with issue 5).
 */
import type * as fhir from 'fhir/r4';
import { serverTraits } from '../fhir/server-traits.ts';
import { explainCell, planCapabilities, type PlanInteraction } from '../smart/capabilities.ts';
import type { SmartConfiguration } from '../smart/smart-configuration.ts';

export type WriteAccess =
  { readonly kind: 'writable' } | { readonly kind: 'read-only'; readonly reasons: readonly string[] };

export interface WriteAccessInput {
  readonly smartConfiguration: SmartConfiguration | undefined;
  readonly capabilityStatement: fhir.CapabilityStatement | undefined;
  readonly grantedScope: string | undefined;
}

const NEEDED: readonly string[] = ['CarePlan', 'Goal'];
const WRITES: readonly PlanInteraction[] = ['create', 'update'];
const VERB: Readonly<Record<PlanInteraction, string>> = { read: 'Reading', create: 'Creating', update: 'Updating' };

export function writeAccess(input: WriteAccessInput): WriteAccess {
  const reasons: string[] = [];
  for (const row of planCapabilities(input)) {
    if (!NEEDED.includes(row.resourceType)) continue;
    for (const interaction of WRITES) {
      const cell = row[interaction];
      if (cell.allowed === 'no') {
        const why = explainCell(row.resourceType, interaction, cell).replace(/^No: /, '');
        reasons.push(`${VERB[interaction]} ${row.resourceType} is not possible: ${why}`);
      }
    }
  }
  if (serverTraits(input.capabilityStatement).transaction === 'no') {
    reasons.push('The server does not accept transactions, which this app needs to save a plan in one step.');
  }
  return reasons.length === 0 ? { kind: 'writable' } : { kind: 'read-only', reasons };
}
