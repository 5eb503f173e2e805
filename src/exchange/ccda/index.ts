/**
 * C-CDA for the exchange (issue 6 §1): a plan as a C-CDA R2.1 Care Plan document, and a C-CDA document
 * (Care Plan, or CCD-style with Health Concerns, Problems, Goals, Plan of Treatment, Interventions and
 * Outcomes sections) imported as a plan through the same report and write as FHIR input. Import it with a
 * dynamic `import()` from the app: @medplum/ccda is loaded only when a document is imported.
 */
export { planToCcda } from './plan-to-ccda.ts';
export type { CcdaExport, CcdaExportOptions } from './plan-to-ccda.ts';
export { ccdaImportInput, CcdaInputError, prepareCcdaImport } from './ccda-import.ts';
export type { CcdaImportInput, CcdaInputErrorCode } from './ccda-import.ts';
