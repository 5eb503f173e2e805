/**
 * Which of a client's care plans is the current one, and which are older. The choice itself is the reader's
 * (`planFromFhir` picks the newest active mental-health plan that nothing replaces); this module lists the rest so
 * the workspace can offer them read-only (issue 4 §1).
 */
import type * as fhir from 'fhir/r4';
import { planFromFhir, type PlanReading } from '../mapping/index.ts';

/** A care plan on the client's record, as listed beside the current one. */
export interface PlanOnRecord {
  /** `CarePlan/<id>`: what `planFromFhir(resources, { planId })` opens. */
  readonly address: string;
  readonly title: string;
  readonly status: fhir.CarePlan['status'];
  /** When it was written (created, else its period start). */
  readonly date?: string;
  /** True when a later plan says it replaces this one. */
  readonly replaced: boolean;
}

export interface PlansOnRecord {
  /** The current plan, or undefined when the client has none yet. */
  readonly current: PlanReading | undefined;
  readonly currentAddress: string | undefined;
  /** Every other care plan, newest first. */
  readonly others: readonly PlanOnRecord[];
}

const isCarePlan = (resource: fhir.FhirResource): resource is fhir.CarePlan => resource.resourceType === 'CarePlan';

/** Whether the plan read from the resources (business id, or `CarePlan/<id>` for a foreign plan) is this record. */
function isRecordOf(resource: fhir.CarePlan, planId: string): boolean {
  return `CarePlan/${resource.id ?? ''}` === planId || (resource.identifier ?? []).some((i) => i.value === planId);
}

export function plansOnRecord(resources: readonly fhir.FhirResource[]): PlansOnRecord {
  const carePlans = resources.filter(isCarePlan);
  const reading = carePlans.length > 0 ? planFromFhir(resources) : undefined;
  const current = reading !== undefined && reading.plan.id !== '' ? reading : undefined;
  const currentRecord = current ? carePlans.find((p) => isRecordOf(p, current.plan.id)) : undefined;
  const replacedIds = new Set(
    carePlans.flatMap((p) => (p.replaces ?? []).map((r) => (r.reference ?? '').replace(/\/_history\/.*$/, '')))
  );
  const others = carePlans
    .filter((p) => p !== currentRecord)
    .map((p): PlanOnRecord => {
      const address = `CarePlan/${p.id ?? ''}`;
      const date = p.created ?? p.period?.start;
      return {
        address,
        title: p.title ?? 'Untitled care plan',
        status: p.status,
        ...(date === undefined ? {} : { date }),
        replaced: replacedIds.has(address),
      };
    })
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return {
    current,
    currentAddress: currentRecord ? `CarePlan/${currentRecord.id ?? ''}` : undefined,
    others,
  };
}

function readable<T>(
  read: () => T
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `The client's records were loaded but this app could not read them (${detail}).` };
  }
}

export type PlansReading =
  { readonly ok: true; readonly plans: PlansOnRecord } | { readonly ok: false; readonly problem: string };

/**
 * `plansOnRecord`, with a reader fault turned into a sentence: the records loaded, but the app could not read them,
 * which the workspace says instead of going blank.
 */
export function readPlansOnRecord(resources: readonly fhir.FhirResource[]): PlansReading {
  const read = readable(() => plansOnRecord(resources));
  return read.ok ? { ok: true, plans: read.value } : read;
}

/** Opens another plan of the record, read-only; a reader fault comes back as a sentence. */
export function openPlanOnRecord(
  resources: readonly fhir.FhirResource[],
  address: string
): { readonly ok: true; readonly value: PlanReading } | { readonly ok: false; readonly problem: string } {
  return readable(() => planFromFhir(resources, { planId: address }));
}
