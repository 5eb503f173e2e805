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
import { CODING } from './codes.ts';
import { hasCoding } from './concept.ts';
import { createReadContext, idOf } from './read-context.ts';
import type { NotUnderstood } from './read-context.ts';
import { indexResources } from './resource-index.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

export type { NotUnderstood } from './read-context.ts';

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

const isMentalHealth = (plan: fhir.CarePlan): boolean =>
  (plan.category ?? []).some((c) => hasCoding(c, CODING.mentalHealthCarePlan) || hasCoding(c, CODING.assessPlan));

const STATUS_RANK: Partial<Record<fhir.CarePlan['status'], number>> = { active: 0, draft: 1, 'on-hold': 2 };

const recency = (plan: fhir.CarePlan): string => plan.created ?? plan.period?.start ?? plan.meta?.lastUpdated ?? '';

/**
 * The plan's CarePlan: the one asked for; else the newest active mental-health plan that no other plan of the
 * input replaces (a draft or on-hold one when none is active; any CarePlan when none is a mental-health plan).
 */
export function selectCarePlan(index: ResourceIndex, planId?: string): Located<fhir.CarePlan> | undefined {
  const plans = index.all.filter(isCarePlan);
  if (planId !== undefined) return plans.find((p) => p.address === planId || idOf(p) === planId);
  const replaced = new Set(
    plans.flatMap((p) => (p.resource.replaces ?? []).flatMap((r) => index.resolve(r.reference, p) ?? []))
  );
  const current = plans.filter((p) => !replaced.has(p));
  const mental = current.filter((p) => isMentalHealth(p.resource));
  const candidates = mental.length > 0 ? mental : current;
  return [...candidates].sort((a, b) => {
    const rank = (STATUS_RANK[a.resource.status] ?? 9) - (STATUS_RANK[b.resource.status] ?? 9);
    return rank || (recency(b.resource) > recency(a.resource) ? 1 : recency(b.resource) < recency(a.resource) ? -1 : 0);
  })[0];
}

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

/** The reading with the addresses of every record (and inline part) it placed, for the writer. */
export function readPlan(
  resources: readonly fhir.FhirResource[],
  options: PlanFromFhirOptions = {}
): PlanReading & { readonly placed: ReadonlySet<string> } {
  const index = indexResources(resources);
  const chosen = selectCarePlan(index, options.planId);
  const ctx = createReadContext(index, chosen?.resource.subject.reference);
  const plan = chosen ? carePlanFromFhir(chosen, ctx) : emptyPlan(index);
  for (const located of index.all) {
    if (ctx.used(located) || CONTEXT.has(located.resource.resourceType)) continue;
    const reason = !chosen
      ? 'no care plan to place it in'
      : isCarePlan(located)
        ? 'another care plan (read it with planId)'
        : 'not linked from the plan';
    ctx.report(located, located.resource.resourceType, reason);
  }
  return { plan, notUnderstood: ctx.notUnderstood, placed: ctx.placed };
}

/** Reads the plan from the resources as loaded, and says what it could not place. */
export function planFromFhir(resources: readonly fhir.FhirResource[], options: PlanFromFhirOptions = {}): PlanReading {
  const { plan, notUnderstood } = readPlan(resources, options);
  return { plan, notUnderstood };
}
