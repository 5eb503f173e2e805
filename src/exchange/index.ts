/**
 * Moving treatment plans between FHIR servers (issue 6 §1, §2): export a plan with everything it references as
 * a document or a transaction Bundle, and import one safely: parse, prepare a report against the target server
 * (validation, planned actions, patient match, what the model cannot represent), then apply it: by default one
 * transaction, or however the caller writes for the target (ordered steps, a clinical note). Used by the app and
 * by the command-line tool (src/cli); C-CDA lives in ./ccda/.
 */
export { exportPlan } from './export-plan.ts';
export type { ExportFormat, ExportOptions } from './export-plan.ts';
export {
  importInputFromJson,
  ImportInputError,
  jsonError,
  looksLikeXml,
  MAX_IMPORT_BYTES,
  parseImportInput,
  utf8Length,
} from './import-input.ts';
export type { ImportInputErrorCode, InputShape, ParsedInput } from './import-input.ts';
export { prepareImport } from './prepare-import.ts';
export type { PrepareImportOptions } from './prepare-import.ts';
export { applyImport, importFailureMessage } from './apply-import.ts';
export type { ApplyImportOptions } from './apply-import.ts';
export { notUnderstoodSentence, withNotUnderstood } from './import-report.ts';
export type {
  ImportIssue,
  ImportIssueSeverity,
  ImportReport,
  NotUnderstoodItem,
  PatientCandidate,
  PatientMatch,
  PlannedAction,
  PlannedActionKind,
} from './import-report.ts';
export type { ImportResult, WrittenRecord } from './import-result.ts';
