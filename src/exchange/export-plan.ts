/**
 * `exportPlan`: one plan of a client's records with everything it references, as a FHIR document Bundle (a
 * Composition with one section per plan section, readable without our profiles) or as a transaction Bundle
 * ready to load into another server (conditional creates on identifiers, so loading twice creates nothing).
 */
import type * as fhir from 'fhir/r4';
import { readPlanInput, type PlanInputReading } from '../mapping/read-plan-input.ts';
import { indexResources } from '../mapping/resource-index.ts';
import { planClosure } from './plan-closure.ts';
import { planDocument } from './plan-document.ts';
import { portableRecords, portableTransaction } from './portable-records.ts';

export type ExportFormat = 'document' | 'transaction';

export interface ExportOptions {
  /** The plan to export: its business id or `CarePlan/id`. Default: the client's current plan (selectCarePlan). */
  readonly planId?: string;
  readonly format: ExportFormat;
  /** When the export is made: Bundle.timestamp, and the Composition's date. */
  readonly now: Date;
}

/**
 * The plan an export writes, read from `records`: the one `planId` names (business id or `CarePlan/id`), else the
 * client's current plan. Throws an Error with a sentence when the records hold no plan (or not the one asked for).
 * Shared by every export format (FHIR here, C-CDA in ./ccda/plan-to-ccda.ts).
 */
export function planToExport(records: readonly fhir.FhirResource[], planId: string | undefined): PlanInputReading {
  const reading = readPlanInput(records, planId === undefined ? {} : { planId });
  if (reading.source !== 'care-plan') {
    throw new Error(
      planId === undefined ? 'These records hold no treatment plan to export.' : `These records hold no plan ${planId}.`
    );
  }
  return reading;
}

/**
 * `records`: the client's records as loadPlanRecords returns them, plus the Patient. Throws an Error when the
 * records hold no plan (or not the one asked for).
 */
export function exportPlan(records: readonly fhir.FhirResource[], options: ExportOptions): fhir.Bundle {
  const reading = planToExport(records, options.planId);
  // The records as given, not as the reader repaired them: what is exported is what the server holds.
  const index = indexResources(records);
  const client = index.resolve(reading.plan.client.reference);
  if (client?.resource.resourceType !== 'Patient') {
    // Without it the export could not be matched to the client on another server.
    throw new Error(
      `The records hold no Patient record for the plan's client (${reading.plan.client.reference || 'none'}): add it to export the plan.`
    );
  }
  const portable = portableRecords(planClosure(index, reading.placed), index);
  switch (options.format) {
    case 'transaction':
      return portableTransaction(portable.entries);
    case 'document':
      return planDocument(reading.plan, reading.placed, portable, options.now);
  }
}
