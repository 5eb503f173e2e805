/**
 * What ships with the app for writing a plan: the searchable diagnosis list and the goal library. Pure data and
 * functions over `src/plan` types; no FHIR, no React.
 */
export { DIAGNOSES, diagnosisByIcd10cm, type CatalogDiagnosis, type DiagnosisGroup } from './diagnoses/index.ts';
export { normaliseForSearch, searchDiagnoses } from './diagnosis-search.ts';
export * from './goal-library/index.ts';
export { CATALOG_SYSTEM } from './systems.ts';
export { hasValidVerhoeffCheckDigit, isSnomedConceptId } from './verhoeff.ts';
