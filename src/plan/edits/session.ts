/** Session details: when and where the plan was written, by whom (the items insurers ask for). */
import { applyChanges, type Changes } from '../changes.ts';
import { assertEditable } from '../lock.ts';
import type { Code, ContactMode, IsoDate, Provider, SessionDetails, TreatmentPlan } from '../treatment-plan.ts';

function editSession(plan: TreatmentPlan, changes: Changes<SessionDetails>): TreatmentPlan {
  assertEditable(plan);
  return { ...plan, session: applyChanges(plan.session, changes) };
}

/** Sets (or, with `null`, clears) the date of service. */
export function setDateOfService(plan: TreatmentPlan, date: IsoDate | null): TreatmentPlan {
  return editSession(plan, { dateOfService: date });
}

/** Sets the start and stop time (zoned date-times on the date of service; the rules check both). */
export function setSessionTimes(
  plan: TreatmentPlan,
  times: Changes<Pick<SessionDetails, 'start' | 'end'>>
): TreatmentPlan {
  return editSession(plan, times);
}

/** Sets the CMS place of service and, when given, how the session was held (in person, telehealth, home visit). */
export function setPlaceOfService(
  plan: TreatmentPlan,
  place: Code | null,
  contactMode?: ContactMode | null
): TreatmentPlan {
  return editSession(plan, { placeOfService: place, contactMode });
}

/** Sets the provider of the session with their credentials. */
export function setSessionProvider(plan: TreatmentPlan, provider: Provider | null): TreatmentPlan {
  return editSession(plan, { provider });
}

/** Sets the kind of session (e.g. CPT 90837). */
export function setServiceType(plan: TreatmentPlan, serviceType: Code | null): TreatmentPlan {
  return editSession(plan, { serviceType });
}
