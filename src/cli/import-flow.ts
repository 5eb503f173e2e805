/**
 * The safe import both `import` and `copy` run: prepare the report against the target (validation, planned
 * actions, patient match), print it, and write only when it allows: no errors, warnings confirmed with --yes,
 * and not --dry-run. The write follows the target's write strategy, as the app chooses it: one transaction of
 * conditional creates, ordered steps where the server takes no transactions, or a clinical note plus what the
 * server takes where it takes no care plans (src/workspace/exchange-import.ts importWriting, src/exchange
 * applyImport).
 */
import { nodeConformanceDefinitions } from '../../tools/profiles/definitions.ts';
import {
  applyImport,
  prepareImport,
  withNotUnderstood,
  type ImportResult,
  type NotUnderstoodItem,
  type ParsedInput,
} from '../exchange/index.ts';
import type { CommandContext } from './context.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { exitCodeForStatus } from './cli-error.ts';
import { reportJson, reportLines, resultLines } from './import-report-text.ts';
import type { ServerAccess } from './server-access.ts';
import { loadPlanRecords } from '../fhir/load-plan-records.ts';
import { serverProfile } from '../fhir/server-profile.ts';
import { importWriting } from '../workspace/exchange-import.ts';
import { chooseStrategy } from '../workspace/strategies/choose-strategy.ts';

export interface ImportFlowOptions {
  readonly patient?: string;
  readonly planId?: string;
  readonly dryRun: boolean;
  readonly confirmWarnings: boolean;
  /** What the input held that the plan cannot represent, found before the FHIR import (a C-CDA document's). */
  readonly notUnderstood?: readonly NotUnderstoodItem[];
  /** Added to the JSON output (e.g. `copy` says where the plan came from). */
  readonly extraJson?: Readonly<Record<string, unknown>>;
}

function exitCodeFor(result: ImportResult): ExitCode {
  switch (result.kind) {
    case 'written':
      return EXIT.ok;
    case 'refused':
      return result.reason === 'errors' || result.reason === 'empty' ? EXIT.invalidInput : EXIT.usage;
    case 'failed':
      switch (result.save.kind) {
        case 'conflict':
          return EXIT.conflict;
        case 'rejected':
          return exitCodeForStatus(result.save.status);
        case 'unauthorized':
        case 'unreachable':
          return EXIT.unreachableOrAuth;
      }
  }
}

export async function runImport(
  context: CommandContext,
  target: ServerAccess,
  input: ParsedInput,
  options: ImportFlowOptions
): Promise<ExitCode> {
  context.progress('Loading FHIR R4 and the treatment-plan profiles ...');
  const definitions = await nodeConformanceDefinitions();
  context.progress(`Checking ${input.resourceCount} resource(s) against ${target.gateway.baseUrl} ...`);
  // The target's write strategy, as the app would choose it (issue 5): a server that takes no care plans gets
  // the import as a clinical note plus the problems and scores it takes.
  const profile = serverProfile({
    smartConfiguration: undefined,
    capabilityStatement: target.statement,
    grantedScope: undefined,
  });
  const prepared = await prepareImport(input, target.gateway, {
    definitions,
    requiredSearchParams: profile.requiredSearchParams,
    ...(options.patient === undefined ? {} : { patient: options.patient }),
    ...(options.planId === undefined ? {} : { planId: options.planId }),
  });
  const report = withNotUnderstood(prepared, options.notUnderstood ?? []);
  for (const line of reportLines(report)) context.say(line);

  if (options.dryRun) {
    context.say(report.ok ? 'Dry run: nothing written.' : 'Dry run: nothing written; the errors above would block it.');
    if (context.common.json) context.json({ ...options.extraJson, dryRun: true, report: reportJson(report) });
    return report.ok ? EXIT.ok : EXIT.invalidInput;
  }
  const matched = report.patient.kind === 'matched' ? report.patient.reference.replace(/^Patient\//, '') : undefined;
  const how = importWriting(
    chooseStrategy(profile, target.gateway),
    matched === undefined
      ? undefined
      : {
          loadRecords: async () => (await loadPlanRecords(target.gateway, matched, profile)).resources,
          now: context.io.now,
        }
  );
  if (how.kind === 'blocked') {
    context.say(how.reason);
    if (context.common.json)
      context.json({ ...options.extraJson, dryRun: false, report: reportJson(report), blocked: how.reason });
    return EXIT.serverRejection;
  }
  context.progress(`Writing to ${target.gateway.baseUrl} ... (${how.how})`);
  const result = await applyImport(report, target.gateway, {
    confirmWarnings: options.confirmWarnings,
    ...how.options,
  });
  for (const line of resultLines(result)) context.say(line);
  if (result.kind === 'refused' && result.reason === 'unconfirmed-warnings') {
    context.say('Re-run with --yes to import despite the warnings.');
  }
  if (context.common.json) {
    context.json({ ...options.extraJson, dryRun: false, report: reportJson(report), result: resultJson(result) });
  }
  return exitCodeFor(result);
}

function resultJson(result: ImportResult): unknown {
  if (result.kind !== 'failed') return result;
  const { save, ...rest } = result;
  return { ...rest, save: save.kind === 'unreachable' ? { kind: save.kind, message: save.error.message } : save };
}
