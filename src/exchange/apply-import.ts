/**
 * `applyImport`: writes a prepared import to the target server, only when the report allows it (issue 6 §2):
 * errors block the write, warnings need the user's confirmation.
 *
 * How it is written is the caller's choice, from the target's write strategy (issue 5, src/workspace/strategies;
 * src/workspace/exchange-import.ts `importWriting` turns it into these options). By default, one transaction
 * with conditional creates and `If-Match` on updates (savePlanTransaction); `write` replaces that sender, e.g.
 * with ordered steps for a server that takes no transactions; `fileAs` files the import another way altogether,
 * e.g. as a clinical note plus what the server takes, for a server that takes no CarePlan (Epic, Oracle Health).
 */
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../fhir/gateway.ts';
import { outcomeMessages } from '../fhir/fhir-error.ts';
import { savePlanTransaction } from '../fhir/save-plan-transaction.ts';
import type { SaveResult } from '../fhir/save-result.ts';
import type { ImportReport } from './import-report.ts';
import type { ImportResult, WrittenRecord } from './import-result.ts';

/**
 * Sends the import's transaction Bundle to the target (as one transaction, or as its entries one by one); every
 * HTTP outcome is a SaveResult, never an exception.
 */
export type ImportWriter = (target: FhirGateway, transaction: fhir.Bundle) => Promise<SaveResult>;

export interface ApplyImportOptions {
  /** The user has seen the report's warnings and wants the import anyway. Default false. */
  readonly confirmWarnings?: boolean;
  /** How the transaction Bundle is sent. Default: savePlanTransaction (one transaction). */
  readonly write?: ImportWriter;
  /**
   * Files the import another way, once the report's checks pass: on a target that takes no plans the plan goes
   * through the server's write strategy (a clinical note plus what the server takes) instead of the transaction.
   */
  readonly fileAs?: (report: ImportReport) => Promise<ImportResult>;
}

export function importFailureMessage(save: Exclude<SaveResult, { kind: 'saved' }>): string {
  switch (save.kind) {
    case 'conflict':
      return `The target server reports a conflict (${String(save.status)}): a record changed there since the report was prepared. Prepare the import again.`;
    case 'rejected': {
      const said = save.issues.map((i) => i.message).join('; ') || outcomeMessages(save.outcome).join('; ');
      return `The target server refused the import (${String(save.status)})${said === '' ? '' : `: ${said}`}.`;
    }
    case 'unauthorized':
      return 'The target server did not accept the credentials: sign in again, then import again.';
    case 'unreachable':
      return `No usable answer from the target server (${save.error.message}); whether the import was written is unknown. Prepare it again: records already written will be matched, not duplicated.`;
  }
}

export async function applyImport(
  report: ImportReport,
  target: FhirGateway,
  options: ApplyImportOptions = {}
): Promise<ImportResult> {
  const errors = report.issues.filter((i) => i.severity === 'error');
  if (!report.ok || errors.length > 0) {
    const first = errors[0];
    return {
      kind: 'refused',
      reason: report.patient.kind === 'ambiguous' ? 'patient' : 'errors',
      message: `Nothing was written: the report has ${String(errors.length)} error(s)${first ? `, first at ${first.location}: ${first.message}` : ''}.`,
    };
  }
  if (report.target !== target.baseUrl) {
    return {
      kind: 'refused',
      reason: 'errors',
      message: `Nothing was written: the report was prepared for ${report.target}, not for ${target.baseUrl}.`,
    };
  }
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  if (warnings.length > 0 && options.confirmWarnings !== true) {
    return {
      kind: 'refused',
      reason: 'unconfirmed-warnings',
      message: `Nothing was written: the report has ${String(warnings.length)} warning(s) to confirm first.`,
    };
  }
  if (options.fileAs !== undefined) return options.fileAs(report);
  const entries = report.transaction.entry ?? [];
  const matched = report.actions.filter((a) => a.action === 'match').length;
  const planAction = report.actions.find(
    (a) =>
      a.resourceType === 'CarePlan' &&
      report.plan !== undefined &&
      report.plan.id !== '' &&
      (a.source === report.plan.id || a.identifier?.endsWith(`|${report.plan.id}`) === true)
  );
  if (entries.length === 0) {
    return {
      kind: 'written',
      created: 0,
      updated: 0,
      matched,
      records: [],
      ...(planAction?.existing !== undefined ? { plan: planAction.existing } : {}),
    };
  }
  const save = await (options.write ?? savePlanTransaction)(target, report.transaction);
  if (save.kind !== 'saved') return { kind: 'failed', message: importFailureMessage(save), save };
  const records = save.locations.map((saved): WrittenRecord => ({
    resourceType: entries[saved.entryIndex]?.resource?.resourceType ?? '',
    location: saved.location ?? '',
    status: saved.status,
  }));
  const created = records.filter((r) => r.status.startsWith('201')).length;
  const planEntry = entries.findIndex((e) => planAction !== undefined && e.fullUrl === planAction.fullUrl);
  const plan = records[planEntry]?.location.replace(/\/_history\/.*$/, '') ?? planAction?.existing;
  const answered = (method: string, status: string): number =>
    records.filter((r, i) => r.status.startsWith(status) && entries[i]?.request?.method === method).length;
  return {
    kind: 'written',
    created,
    updated: answered('PUT', '200'),
    // A conditional create that found the record after the report was prepared answers 200: nothing new.
    matched: matched + answered('POST', '200'),
    records,
    ...(plan !== undefined && plan !== '' ? { plan } : {}),
  };
}
