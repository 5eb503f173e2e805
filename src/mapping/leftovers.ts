/**
 * Why a record of the input was not placed in the plan, in words a health-IT person understands: reported once
 * per record (the path is its type), never per element.
 */
import type * as fhir from 'fhir/r4';
import { notTreatmentConsent } from './consent-from-fhir.ts';
import { observationKind } from './observation-from-fhir.ts';
import { isMentalHealthPlan } from './plan-selection.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

const panels = new WeakMap<ResourceIndex, Map<Located, Located>>();

/** The panel that lists `at` in hasMember (computed once per input: Synthea records hold thousands). */
function panelOf(at: Located, index: ResourceIndex): Located | undefined {
  let members = panels.get(index);
  if (!members) {
    members = new Map();
    for (const l of index.all) {
      if (l.resource.resourceType !== 'Observation') continue;
      for (const m of l.resource.hasMember ?? []) {
        const found = index.resolve(m.reference, l);
        if (found && !members.has(found)) members.set(found, l);
      }
    }
    panels.set(index, members);
  }
  return members.get(at);
}

export function leftoverReason(at: Located, index: ResourceIndex, hasPlan: boolean): string {
  const resource = at.resource;
  if (resource.resourceType === 'CarePlan') {
    return isMentalHealthPlan(at as Located<fhir.CarePlan>, index)
      ? 'another mental-health care plan (open it by its id)'
      : 'another care plan, not a mental-health plan (open it by its id)';
  }
  if (resource.resourceType === 'Consent') return notTreatmentConsent(resource);
  if (resource.resourceType === 'Provenance') {
    // Provenance.target is required, but data from elsewhere may lack it.
    const targets = (resource as Partial<fhir.Provenance>).target ?? [];
    const what = targets.map((t) => t.reference ?? t.display ?? '').filter((t) => t !== '');
    return `a signature or provenance of ${what.join(', ') || 'another record'}, not of the plan`;
  }
  if (resource.resourceType === 'QuestionnaireResponse')
    return 'questionnaire answers are not part of the plan; their total score is, as an Observation';
  if (resource.resourceType === 'Observation') {
    const kind = observationKind(resource);
    if (kind === 'panel')
      return 'a questionnaire panel has no score of its own; only a total score among its members is read';
    const panel = panelOf(at, index);
    if (panel && kind === undefined)
      return `an answer to one item of the panel ${panel.address}; the plan keeps total scores only`;
    if (kind === undefined) return 'an observation with no number to track and no place in the plan';
  }
  return hasPlan ? 'not linked from the plan' : 'no care plan to place it in';
}
