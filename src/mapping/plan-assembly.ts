/**
 * Records with no CarePlan (a Goal, some Conditions, a PHQ-9 panel, a Consent ...): the reader still makes a
 * plan of them, a draft with no id, as if a CarePlan linked every record that has a place in a plan. The
 * clinician sees what is there and can save it as a new plan. The CarePlan is never written as such: it only
 * gives the reader the links a real plan would have.
 */
import type * as fhir from 'fhir/r4';
import { isTreatmentConsent } from './consent-from-fhir.ts';
import { observationKind } from './observation-from-fhir.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

/** The address of the assembled plan (never a server address: it has no id). */
export const ASSEMBLED_PLAN = 'CarePlan/(assembled)';

const ref = (l: Located): fhir.Reference => ({ reference: l.address });

/** A CarePlan linking every record of `index` that has a place in a plan, or undefined when there is none. */
export function assembledCarePlan(index: ResourceIndex): Located<fhir.CarePlan> | undefined {
  const of = (type: string): Located[] => index.all.filter((l) => l.resource.resourceType === type);
  const patient = of('Patient')[0];
  const goals = of('Goal');
  const conditions = of('Condition');
  const observations = of('Observation').filter((l) => {
    const kind = observationKind(l.resource as fhir.Observation);
    return kind !== undefined && kind !== 'panel';
  });
  const consents = of('Consent').filter((l) => isTreatmentConsent(l.resource as fhir.Consent));
  const requests = of('ServiceRequest');
  // Panels stay out: their totals are records of their own, listed with the observations.
  const supporting = [...observations, ...consents, ...of('Procedure'), ...of('DocumentReference')];
  if (goals.length + conditions.length + supporting.length + requests.length === 0) return undefined;
  const plan: fhir.CarePlan = {
    resourceType: 'CarePlan',
    status: 'draft',
    intent: 'plan',
    subject: patient ? ref(patient) : {},
    ...(goals.length > 0 ? { goal: goals.map(ref) } : {}),
    ...(conditions.length > 0 ? { addresses: conditions.map(ref) } : {}),
    ...(supporting.length > 0 ? { supportingInfo: supporting.map(ref) } : {}),
    ...(requests.length > 0 ? { activity: requests.map((r) => ({ reference: ref(r) })) } : {}),
  };
  return { resource: plan, address: ASSEMBLED_PLAN };
}
