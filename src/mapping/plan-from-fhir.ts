/**
 * `planFromFhir`: the tolerant reader (DESIGN.md §2, §4). It takes the resources as loaded (Bundles are opened
 * up), picks the plan's CarePlan, and builds the TreatmentPlan from it and the records it links. It accepts what
 * real servers send (contained resources, inline activity details, R5-style goal relationships, proposals,
 * plans without narrative or goals, conditions coded in ICD-10-CM only, SNOMED CT only or words only) and
 * reports whatever it cannot place, with the resource, the element's FHIRPath and the reason.
 */
import type * as fhir from 'fhir/r4';
import type { TreatmentPlan } from '../plan/treatment-plan.ts';
import { carePlanFromFhir } from './careplan-from-fhir.ts';
import { leftoverReason } from './leftovers.ts';
import { ASSEMBLED_PLAN, assembledCarePlan } from './plan-assembly.ts';
import { chooseCarePlan, otherCarePlans } from './plan-selection.ts';
import type { OtherCarePlan } from './plan-selection.ts';
import { createReadContext } from './read-context.ts';
import type { NotUnderstood } from './read-context.ts';
import { indexResources } from './resource-index.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

export type { NotUnderstood } from './read-context.ts';
export { selectCarePlan } from './plan-selection.ts';
export type { OtherCarePlan } from './plan-selection.ts';

export interface PlanFromFhirOptions {
  /** The plan to read: its business id or its address (`CarePlan/123`). Default: see `selectCarePlan`. */
  readonly planId?: string;
}

export interface PlanReading {
  readonly plan: TreatmentPlan;
  readonly notUnderstood: readonly NotUnderstood[];
}

/** Records that only give context (names, places): not reported when nothing links to them. */
const CONTEXT = new Set(['Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Organization', 'Location']);

const isCarePlan = (l: Located): l is Located<fhir.CarePlan> => l.resource.resourceType === 'CarePlan';

function emptyPlan(index: ResourceIndex): TreatmentPlan {
  const patient = index.all.find((l) => l.resource.resourceType === 'Patient');
  return {
    id: '',
    status: 'unknown',
    intent: 'plan',
    title: '',
    contributors: [],
    client: { reference: patient?.address ?? '', name: '', identifiers: [] },
    session: {},
    history: { treatmentHistory: [], assessmentIds: [] },
    presentingConcerns: [],
    diagnoses: [],
    contract: { goalsForChange: [], responsibilities: [] },
    strengths: [],
    schedule: {},
    goals: [],
    interventions: [],
    progress: { measurements: [], notes: [] },
    signatures: [],
    review: {},
    considerations: { clientPreferences: [], culturalConsiderations: [], participants: [] },
  };
}

/** Where the plan came from: a CarePlan of the input, assembled from records without one, or nothing. */
export type PlanSource = 'care-plan' | 'assembled' | 'none';

export interface FullReading extends PlanReading {
  /** Addresses of every record (and inline part) placed in the plan, for the writer and for checks. */
  readonly placed: ReadonlySet<string>;
  readonly source: PlanSource;
  /** Why this CarePlan was read, in a sentence (empty when there is none). */
  readonly because: string;
  /** The other care plans of the input, for the UI to offer. */
  readonly otherPlans: readonly OtherCarePlan[];
}

/** The reading with the addresses of every record (and inline part) it placed, for the writer. */
export function readPlan(resources: readonly fhir.FhirResource[], options: PlanFromFhirOptions = {}): FullReading {
  const index = indexResources(resources);
  const choice = chooseCarePlan(index, options.planId);
  const hasCarePlans = index.all.some(isCarePlan);
  // No CarePlan at all: a draft of the loose records (plan-assembly.ts). A plan asked for and missing: nothing.
  const assembled = !hasCarePlans && options.planId === undefined ? assembledCarePlan(index) : undefined;
  const at = choice.chosen ?? assembled;
  // CarePlan.subject is required, but data from elsewhere may lack it.
  const subject = (at?.resource as Partial<fhir.CarePlan> | undefined)?.subject;
  const ctx = createReadContext(index, subject?.reference);
  const read = at ? carePlanFromFhir(at, ctx) : emptyPlan(index);
  const plan: TreatmentPlan = assembled ? { ...read, id: '', status: 'draft' } : read;
  for (const located of index.all) {
    if (ctx.used(located) || CONTEXT.has(located.resource.resourceType)) continue;
    ctx.report(located, located.resource.resourceType, leftoverReason(located, index, at !== undefined));
  }
  const placed = new Set([...ctx.placed].filter((a) => a !== ASSEMBLED_PLAN));
  return {
    plan,
    notUnderstood: ctx.notUnderstood,
    placed,
    source: assembled ? 'assembled' : at ? 'care-plan' : 'none',
    because: assembled ? 'no care plan in the records: a draft assembled from them' : choice.because,
    otherPlans: otherCarePlans(index, choice.chosen),
  };
}

/** Reads the plan from the resources as loaded, and says what it could not place. */
export function planFromFhir(resources: readonly fhir.FhirResource[], options: PlanFromFhirOptions = {}): PlanReading {
  const { plan, notUnderstood } = readPlan(resources, options);
  return { plan, notUnderstood };
}
