/**
 * A client's plans, oldest first, as one set of creates. Each plan is written the way the app saves it: against
 * what the earlier saves left on the server (simulated-server.ts), so a revision `replaces` the plan it revises
 * and updates the goals it carries over instead of copying them. The updates are then folded into the creates
 * they update, and references to the simulated server's records become the creates' `urn:uuid:` full URLs, so
 * the whole history loads into an empty server as one transaction.
 */
import type * as fhir from 'fhir/r4';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import type { WriteEntry, WriteSet } from '../../src/mapping/write-set.ts';
import { mapReferences } from './references.ts';
import { addressOfNew, applyWriteSet } from './simulated-server.ts';

/**
 * Writes one plan against what the server holds (the mapping's `planToFhir`); `supersedes` is the plan it
 * revises, when it replaces the one before it.
 */
export type PlanWriter = (
  plan: TreatmentPlan,
  stored: readonly fhir.FhirResource[],
  supersedes: TreatmentPlan | undefined
) => WriteSet;

/** The resource as the client sends it: no server id, version or timestamp. */
function asSent<T extends fhir.FhirResource>(resource: T): T {
  const copy = { ...resource };
  delete copy.id;
  if (copy.meta) {
    const meta = { ...copy.meta };
    delete meta.versionId;
    delete meta.lastUpdated;
    copy.meta = meta;
  }
  return copy;
}

export function planHistoryAsCreates(plans: readonly TreatmentPlan[], write: PlanWriter): WriteEntry[] {
  let stored: fhir.FhirResource[] = [];
  const entries: WriteEntry[] = [];
  /** `Type/<uuid>` of each create, to its `urn:uuid:` full URL. */
  const placeholders = new Map<string, string>();
  for (const [n, plan] of plans.entries()) {
    const previous = plans[n - 1];
    const writeSet = write(plan, stored, previous && plan.review.replaces === previous.id ? previous : undefined);
    for (const entry of writeSet) {
      if (entry.request.method === 'POST') {
        placeholders.set(addressOfNew(entry.resource.resourceType, entry.fullUrl), entry.fullUrl);
        entries.push(entry);
        continue;
      }
      const index = entries.findIndex((e) => e.fullUrl === placeholders.get(entry.request.url));
      const created = entries[index];
      if (created === undefined) {
        throw new Error(`Plan ${plan.id} updates ${entry.request.url}, which no earlier plan created`);
      }
      entries[index] = { ...created, resource: asSent(entry.resource) };
    }
    stored = applyWriteSet(stored, writeSet);
  }
  // `Goal/<uuid>` and `CarePlan/<uuid>/_history/1` alike point at the create (a transaction has no versions yet).
  const toPlaceholder = (reference: string): string | undefined =>
    placeholders.get(reference.replace(/\/_history\/[^/]+$/, ''));
  return entries.map((entry) => ({ ...entry, resource: mapReferences(entry.resource, toPlaceholder) }));
}
