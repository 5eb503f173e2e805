/**
 * An import into a server that takes no plans (issue 6 §2: "an import into an EHR that cannot take CarePlans
 * becomes a note plus what it can take"). The imported plan is filed through the server's write strategy (a
 * clinical note with the problems and scores the server accepts, or the companion store and a note), once it is
 * put on the target's footing:
 * - the client is the patient the report matched on the target;
 * - parts the target already holds (matched by identifier) are named by their address there, as records the EHR
 *   wrote are (`Condition/123`), so they are linked, not written again;
 * - references to anything else the target does not hold (the file's `urn:uuid:` people) keep their names only.
 */
import type * as fhir from 'fhir/r4';
import { importFailureMessage, type ImportReport, type ImportResult } from '../exchange/index.ts';
import { locationAddress } from '../fhir/landing.ts';
import { RECORD_ID_SYSTEM } from '../mapping/codes.ts';
import type { TreatmentPlan } from '../plan/index.ts';
import type { WriteStrategy } from './strategies/write-strategy.ts';

export interface FileImportContext {
  /** The client's records on the target as they are now (the note strategy writes only what is new). */
  readonly loadRecords: () => Promise<readonly fhir.FhirResource[]>;
  readonly now: () => Date;
}

/** The plan's part ids the target already holds, each with its address there (`dx-mdd` → `Condition/123`). */
function heldAddresses(report: ImportReport): Map<string, string> {
  const prefix = `${RECORD_ID_SYSTEM}|`;
  const held = new Map<string, string>();
  for (const action of report.actions) {
    if (action.existing !== undefined && action.identifier?.startsWith(prefix) === true) {
      held.set(action.identifier.slice(prefix.length), action.existing);
    }
  }
  return held;
}

function rebase(
  value: unknown,
  ids: ReadonlyMap<string, string>,
  keepReference: (ref: string) => string | undefined
): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => rebase(item, ids, keepReference));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'reference' && typeof item === 'string') {
      const kept = keepReference(item);
      if (kept !== undefined) out[key] = kept;
      continue;
    }
    out[key] = rebase(item, ids, keepReference);
  }
  return out;
}

/** The imported plan as the target knows it (see the module comment). */
export function planOnTarget(
  plan: TreatmentPlan,
  report: ImportReport,
  loaded: readonly fhir.FhirResource[]
): TreatmentPlan {
  const client = report.patient.kind === 'matched' ? report.patient.reference : undefined;
  const onTarget = new Set(loaded.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const fileClient = plan.client.reference;
  const keepReference = (reference: string): string | undefined => {
    if (reference === fileClient) return client;
    return onTarget.has(reference) ? reference : undefined;
  };
  const ids = heldAddresses(report);
  // The plan's own id stays the file's: it names the note, so importing the same plan again files the same note.
  ids.delete(plan.id);
  return { ...(rebase(plan, ids, keepReference) as TreatmentPlan), id: plan.id };
}

function filedWords(strategy: WriteStrategy, created: number, updated: number): string {
  const where =
    strategy.kind === 'companion' ? "the practice's companion store, with a note in the chart" : 'a clinical note';
  return `Filed as ${where}: ${String(created)} new and ${String(updated)} changed record(s) on the server.`;
}

/** `applyImport`'s `fileAs` for a server whose strategy files plans as notes (or in a companion store). */
export function fileImportWith(strategy: WriteStrategy, context: FileImportContext) {
  return async (report: ImportReport): Promise<ImportResult> => {
    if (report.plan === undefined) {
      return {
        kind: 'refused',
        reason: 'empty',
        message: 'Nothing was written: the input holds no treatment plan to file as a note.',
      };
    }
    const loaded = await context.loadRecords();
    const plan = planOnTarget(report.plan, report, loaded);
    const outcome = await strategy.save({ plan, loaded, now: context.now() });
    if (outcome.kind === 'nothing-to-save') {
      return { kind: 'written', created: 0, updated: 0, matched: 0, records: [], filedAs: filedWords(strategy, 0, 0) };
    }
    const { result } = outcome;
    if (result.kind !== 'saved') return { kind: 'failed', message: importFailureMessage(result), save: result };
    const records = result.locations.map((saved) => ({
      // The Location may be absolute (`https://ehr.example/fhir/Condition/123/_history/1`).
      resourceType: locationAddress(saved.location ?? '')?.resourceType ?? '',
      location: saved.location ?? '',
      status: saved.status,
    }));
    const created = records.filter((r) => r.status.startsWith('201')).length;
    const updated = records.filter((r) => r.status.startsWith('200')).length;
    return { kind: 'written', created, updated, matched: 0, records, filedAs: filedWords(strategy, created, updated) };
  };
}
