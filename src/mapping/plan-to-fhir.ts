/**
 * `planToFhir`: the writer (DESIGN.md §2, §4). From the plan and what was loaded it makes the write set of a
 * save: new records with `urn:uuid:` full URLs, references between records (never contained), a conditional
 * create on each new record's business identifier, and updates that start from the loaded record, overwrite
 * only what the app owns and carry `If-Match`. Records that would not change are left out, so saving an
 * unchanged plan writes nothing.
 */
import type * as fhir from 'fhir/r4';
import type { TreatmentPlan } from '../plan/treatment-plan.ts';
import { inlineActivityIndex } from './activity-detail.ts';
import { careTeamDrafts } from './care-team-to-fhir.ts';
import { carePlanDraft, supersededDraft } from './careplan-to-fhir.ts';
import { SUBSTANCE_USE_ICD10, SYSTEM } from './codes.ts';
import { conditionDrafts } from './condition-to-fhir.ts';
import { consentDrafts } from './consent-to-fhir.ts';
import type { Draft, WriteContext } from './draft.ts';
import { encounterDrafts } from './encounter-to-fhir.ts';
import { goalDrafts } from './goal-to-fhir.ts';
import { materialise, planLabels, registerRecords } from './materialise.ts';
import { observationDrafts } from './observation-to-fhir.ts';
import { readPlan } from './plan-from-fhir.ts';
import { procedureDrafts } from './procedure-to-fhir.ts';
import { progressNoteDrafts } from './progress-note-to-fhir.ts';
import { provenanceDrafts } from './provenance-to-fhir.ts';
import { indexResources } from './resource-index.ts';
import type { ResourceIndex } from './resource-index.ts';
import { serviceRequestDrafts } from './service-request-to-fhir.ts';
import type { WriteEntry, WriteSet } from './write-set.ts';

export interface PlanToFhirOptions {
  /**
   * The plan this one revises (see `revisePlan`): its CarePlan, when loaded, is written as `completed`. Goals
   * carried over are the same Goal records, referenced from both plans.
   */
  readonly supersedes?: TreatmentPlan;
}

/**
 * What reading this plan's loaded CarePlan placed: links to these records are the app's to rewrite. Any other
 * loaded link is kept, including links a record shares with another plan (a goal or intervention carried over
 * into a revision keeps pointing at what the old plan needs).
 */
function placedByThisPlan(
  loaded: readonly fhir.FhirResource[],
  index: ResourceIndex,
  planId: string
): ReadonlySet<string> {
  const own = index.byKey('CarePlan', planId);
  return own ? readPlan(loaded, { planId: own.address }).placed : new Set();
}

/** A plan with a substance-use diagnosis: what it writes is labelled ETH beside PSY (42 CFR Part 2). */
export function isSubstanceUsePlan(plan: TreatmentPlan): boolean {
  return plan.diagnoses.some((d) =>
    d.condition.codes.some((c) => c.system === SYSTEM.icd10cm && SUBSTANCE_USE_ICD10.test(c.code))
  );
}

/** The write set that saves `plan`, given the resources `loaded` from the server (none for a new plan). */
export function planToFhir(
  plan: TreatmentPlan,
  loaded: readonly fhir.FhirResource[],
  options: PlanToFhirOptions = {}
): WriteSet {
  const index = indexResources(loaded);
  const placed = placedByThisPlan(loaded, index, plan.id);
  const loadedPlan = index.byKey('CarePlan', plan.id);
  const inline = (id: string): boolean =>
    loadedPlan !== undefined && inlineActivityIndex(id, loadedPlan.address) !== undefined;
  const sessionDrafts = encounterDrafts(plan);
  const superseded = options.supersedes && index.byKey('CarePlan', options.supersedes.id);
  const drafts: Draft[] = [
    ...conditionDrafts(plan),
    ...goalDrafts(plan),
    ...observationDrafts(plan),
    ...serviceRequestDrafts(plan).filter((d) => !inline(d.key)),
    ...sessionDrafts,
    ...consentDrafts(plan),
    ...procedureDrafts(plan),
    ...progressNoteDrafts(plan),
    ...careTeamDrafts(plan),
    carePlanDraft(plan, sessionDrafts.length > 0),
    ...(options.supersedes && superseded ? [supersededDraft(options.supersedes)] : []),
    ...provenanceDrafts(plan),
  ];
  const registry = registerRecords(drafts, index);
  const ctx: WriteContext = {
    plan,
    loaded: index,
    ref: (type, key) => registry.ref(type, key),
    refs: (type, keys) =>
      keys.flatMap((key) => {
        const reference = registry.ref(type, key);
        return reference === undefined ? [] : [{ reference }];
      }),
    placed: (reference, from) => {
      const origin = from ? index.locate(from) : undefined;
      const found = index.resolve(reference.reference, origin);
      return found !== undefined && placed.has(found.address);
    },
    placedAddress: (address) => placed.has(address),
  };
  const labels = planLabels(isSubstanceUsePlan(plan));
  return drafts.flatMap((d): WriteEntry[] => {
    const entry = materialise(d, ctx, registry, labels);
    return entry ? [entry] : [];
  });
}
