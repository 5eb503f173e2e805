/**
 * The mapping between the treatment plan and FHIR R4 (DESIGN.md §2, §4): `planFromFhir` reads, `planToFhir`
 * writes a write set, `writeSetToTransaction` makes it one transaction Bundle. Pure functions, no IO.
 */
export { planFromFhir, selectCarePlan } from './plan-from-fhir.ts';
export type { NotUnderstood, OtherCarePlan, PlanFromFhirOptions, PlanReading, PlanSource } from './plan-from-fhir.ts';
export { readPlanInput } from './read-plan-input.ts';
export type { PlanInputReading } from './read-plan-input.ts';
export { planToFhir } from './plan-to-fhir.ts';
export type { PlanToFhirOptions } from './plan-to-fhir.ts';
export { writeSetToTransaction } from './write-set.ts';
export type { WriteEntry, WriteRequest, WriteSet } from './write-set.ts';
export { planNarrative } from './narrative.ts';
export { signatureOrder } from './careplan-from-fhir.ts';
export { planVersionOnRecord } from './plan-version.ts';
