/** The import report and result as lines for a terminal, and as JSON for pipelines. */
import type { ImportReport, ImportResult, PatientMatch, PlannedAction } from '../exchange/index.ts';

function patientLine(patient: PatientMatch): string {
  switch (patient.kind) {
    case 'matched':
      return `Patient: ${patient.reference} (${patient.name}), matched by ${patient.by}`;
    case 'ambiguous':
      return `Patient: ambiguous, choose one with --patient: ${patient.candidates
        .map((c) => `${c.reference} (${c.name}${c.birthDate ? `, born ${c.birthDate}` : ''})`)
        .join('; ')}`;
    case 'absent':
      return `Patient: not on the target. ${patient.message}`;
  }
}

/**
 * Creates as counts per type (a plan is often a hundred records); updates and matches one by one, since they
 * touch what the target already holds. `--json` lists every action.
 */
function actionLines(actions: readonly PlannedAction[]): string[] {
  const created = new Map<string, number>();
  for (const a of actions)
    if (a.action === 'create') created.set(a.resourceType, (created.get(a.resourceType) ?? 0) + 1);
  return [
    ...(created.size > 0 ? [`  create ${[...created].map(([type, n]) => `${type} ${n}`).join(', ')}`] : []),
    ...actions
      .filter((a) => a.action !== 'create')
      .map(
        (a) =>
          `  ${a.action.padEnd(6)} ${a.existing ?? a.resourceType}: ${a.description}` +
          (a.identifier ? ` (${a.identifier})` : '')
      ),
  ];
}

export function reportLines(report: ImportReport): string[] {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.filter((i) => i.severity === 'warning').length;
  const count = (kind: string) => report.actions.filter((a) => a.action === kind).length;
  const checked = report.validation === 'profiles' ? 'FHIR R4 and the treatment-plan profiles' : 'structure only';
  return [
    `Import into ${report.target} (validated against ${checked})`,
    patientLine(report.patient),
    ...(report.plan
      ? [`Plan: ${report.plan.title || '(untitled)'}${report.plan.id ? ` [${report.plan.id}]` : ''}`]
      : []),
    `Issues: ${errors} error(s), ${warnings} warning(s), ${report.issues.length - errors - warnings} note(s)`,
    ...report.issues.map((i) => `  ${i.severity.padEnd(11)} ${i.location}: [${i.rule}] ${i.message}`),
    `Actions: create ${count('create')}, update ${count('update')}, match ${count('match')}`,
    ...actionLines(report.actions),
    ...(report.notUnderstood.length > 0
      ? [`Not understood (kept out of the plan): ${report.notUnderstood.length}`]
      : []),
    ...report.notUnderstood.map((line) => `  - ${line}`),
  ];
}

export function resultLines(result: ImportResult): string[] {
  switch (result.kind) {
    case 'written':
      if (result.filedAs !== undefined) return [`Written: ${result.filedAs}`];
      return [
        `Written: ${result.created} created, ${result.matched} already there${result.plan ? `; the plan is ${result.plan}` : ''}`,
      ];
    case 'refused':
      return [`Nothing written: ${result.message}`];
    case 'failed':
      return [`${partlyWritten(result) ? 'Only part written' : 'Nothing written'}: ${result.message}`];
  }
}

/** The report without the transaction and the plan model (large; the transaction is the input re-addressed). */
export function reportJson(report: ImportReport): Record<string, unknown> {
  const { transaction, plan, ...rest } = report;
  return {
    ...rest,
    transactionEntries: transaction.entry?.length ?? 0,
    ...(plan ? { plan: { id: plan.id, title: plan.title, status: plan.status } } : {}),
  };
}

function partlyWritten(result: Extract<ImportResult, { kind: 'failed' }>): boolean {
  const { save } = result;
  return (save.kind === 'rejected' || save.kind === 'conflict') && save.written === 'some';
}
