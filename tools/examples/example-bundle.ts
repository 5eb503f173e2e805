/**
 * A client's example as a self-contained transaction Bundle: the client's plans written by the mapping
 * (`planToFhir`), oldest first, folded into one set of creates (plan-history.ts), with the EHR records they refer
 * to created conditionally beside them (ehr-records.ts).
 */
import type * as fhir from 'fhir/r4';
import { planToFhir } from '../../src/mapping/plan-to-fhir.ts';
import { writeSetToTransaction } from '../../src/mapping/write-set.ts';
import { sandboxRecords } from '../../src/sandbox/seed/sandbox-seed.ts';
import { withEhrRecords } from './ehr-records.ts';
import { planHistoryAsCreates } from './plan-history.ts';
import type { PlanWriter } from './plan-history.ts';
import { SYSTEM } from './plans/example-codes.ts';
import type { ClientExample } from './plans/example-plans.ts';

/**
 * The day the examples describe ("today" for them): the sandbox's records as of this day are the ones the
 * Bundles create. It makes John Doe's birth date 2009-07-30, as in his plan.
 */
export const EXAMPLE_DATE = new Date('2026-11-27T12:00:00Z');

const writePlan: PlanWriter = (plan, stored, supersedes) => planToFhir(plan, stored, supersedes ? { supersedes } : {});

/** The EHR's records the examples may refer to, as of EXAMPLE_DATE. */
export function exampleRecords(): fhir.Resource[] {
  return sandboxRecords(EXAMPLE_DATE);
}

/** Throws when a plan's client differs from the EHR's record of them (so the two cannot drift apart). */
function checkClient(example: ClientExample, records: readonly fhir.Resource[]): void {
  const patient = records.find((r): r is fhir.Patient => r.resourceType === 'Patient' && r.id === example.client);
  for (const plan of example.plans) {
    const mrn = plan.client.identifiers.find((i) => i.system === SYSTEM.mrn)?.value;
    const recorded = patient?.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value;
    if (
      plan.client.reference !== `Patient/${example.client}` ||
      plan.client.birthDate !== patient?.birthDate ||
      mrn !== recorded
    ) {
      throw new Error(`Plan ${plan.id} describes ${plan.client.name} differently from Patient/${example.client}`);
    }
  }
}

export function exampleBundle(
  example: ClientExample,
  records: readonly fhir.Resource[] = exampleRecords()
): fhir.Bundle {
  checkClient(example, records);
  const creates = planHistoryAsCreates(example.plans, writePlan);
  return writeSetToTransaction(withEhrRecords(creates, records));
}
