/**
 * Which CarePlan of the input is the plan to read, and the others, so the UI can offer them. A record set may
 * hold many care plans (Synthea writes one per condition, with `intent = order` and SNOMED CT categories only).
 */
import type * as fhir from 'fhir/r4';
import { CODING, SYSTEM } from './codes.ts';
import { codingIn, hasCoding } from './concept.ts';
import { idOf } from './read-context.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

/** A care plan of the input the reader did not open, as the UI lists it. */
export interface OtherCarePlan {
  /** What `planId` takes to read it: our business id, else `CarePlan/<id>` (or its fullUrl). */
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly intent: string;
  readonly mentalHealth: boolean;
}

/**
 * Categories that make a plan a mental-health plan when read: ours (US Core assess-plan, SNOMED CT 718347000),
 * and SNOMED CT 736254008 "Psychiatry care plan (record artifact)", which Synthea writes for psychiatric care.
 * Reading only: the app never writes the last one.
 */
const MENTAL_HEALTH_CATEGORIES: readonly fhir.Coding[] = [
  CODING.mentalHealthCarePlan,
  CODING.assessPlan,
  { system: SYSTEM.snomed, code: '736254008' },
];
/** ICD-10-CM chapter F: mental, behavioural and neurodevelopmental disorders. */
const MENTAL_DISORDER_ICD10 = /^F\d/;

const isCarePlan = (l: Located): l is Located<fhir.CarePlan> => l.resource.resourceType === 'CarePlan';

/** A mental-health plan: one of the categories above, or it addresses an ICD-10-CM chapter F condition. */
export function isMentalHealthPlan(at: Located<fhir.CarePlan>, index: ResourceIndex): boolean {
  const categories = at.resource.category ?? [];
  if (categories.some((c) => MENTAL_HEALTH_CATEGORIES.some((m) => hasCoding(c, m)))) return true;
  return (at.resource.addresses ?? []).some((r) => {
    const found = index.resolve(r.reference, at);
    if (found?.resource.resourceType !== 'Condition') return false;
    return MENTAL_DISORDER_ICD10.test(codingIn(found.resource.code, SYSTEM.icd10cm)?.code ?? '');
  });
}

const STATUS_RANK: Partial<Record<string, number>> = { active: 0, draft: 1, 'on-hold': 2 };

const recency = (plan: fhir.CarePlan): string => plan.created ?? plan.period?.start ?? plan.meta?.lastUpdated ?? '';

export interface CarePlanChoice {
  readonly chosen: Located<fhir.CarePlan> | undefined;
  /** Why this one, in a sentence for the UI (empty when there is no care plan). */
  readonly because: string;
}

/**
 * The plan's CarePlan: the one asked for; else the newest active mental-health plan that no other plan of the
 * input replaces (a draft or on-hold one when none is active; any CarePlan when none is a mental-health plan).
 */
export function chooseCarePlan(index: ResourceIndex, planId?: string): CarePlanChoice {
  const plans = index.all.filter(isCarePlan);
  if (planId !== undefined) {
    const chosen = plans.find((p) => p.address === planId || idOf(p) === planId);
    return { chosen, because: chosen ? 'the plan asked for' : `no care plan ${planId} in the records` };
  }
  const replaced = new Set(
    plans.flatMap((p) => (p.resource.replaces ?? []).flatMap((r) => index.resolve(r.reference, p) ?? []))
  );
  // Plans that replace each other in a circle: read them all as current rather than none.
  const unreplaced = plans.filter((p) => !replaced.has(p));
  const current = unreplaced.length > 0 ? unreplaced : plans;
  const mental = current.filter((p) => isMentalHealthPlan(p, index));
  const candidates = mental.length > 0 ? mental : current;
  const chosen = [...candidates].sort((a, b) => {
    const rank = (STATUS_RANK[a.resource.status] ?? 9) - (STATUS_RANK[b.resource.status] ?? 9);
    const ra = recency(a.resource);
    const rb = recency(b.resource);
    return rank || (rb > ra ? 1 : rb < ra ? -1 : 0);
  })[0];
  if (!chosen) return { chosen, because: '' };
  const kind = mental.length > 0 ? 'mental-health care plan' : 'care plan (none is a mental-health plan)';
  const others = plans.length > 1 ? ` of ${plans.length}` : '';
  return { chosen, because: `the newest ${chosen.resource.status} ${kind}${others} that no other plan replaces` };
}

export function selectCarePlan(index: ResourceIndex, planId?: string): Located<fhir.CarePlan> | undefined {
  return chooseCarePlan(index, planId).chosen;
}

/** The care plans of the input other than `chosen`. */
export function otherCarePlans(index: ResourceIndex, chosen: Located | undefined): OtherCarePlan[] {
  return index.all.filter(isCarePlan).flatMap((p) =>
    p === chosen
      ? []
      : [
          {
            id: idOf(p),
            title: p.resource.title ?? p.resource.description ?? '',
            status: p.resource.status,
            intent: p.resource.intent,
            mentalHealth: isMentalHealthPlan(p, index),
          },
        ]
  );
}
