/**
 * The completeness check of issue 4 §4: the guide's seven questions of a good treatment plan and the items insurers
 * require. Pure: `today` decides whether the review is overdue and whether the client is a minor.
 */
import type { IsoDate, TreatmentPlan } from '../treatment-plan.ts';
import type { CompletenessItem } from './completeness-item.ts';
import { interventionsTailored, measurableGoals, milestones, progressTracking } from './goal-questions.ts';
import {
  clientIdentification,
  dateOfService,
  placeOfService,
  providerCredentials,
  sessionTimes,
} from './insurer-items.ts';
import { concernsDefined, mutualAgreement, timeline } from './plan-questions.ts';

export interface CompletenessOptions {
  /** The age from which a client signs without a guardian; defaults to 18. */
  readonly ageOfMajority?: number;
}

/** Every item, guide questions first, in the order the guide asks them, then the insurer items. */
export function checkCompleteness(
  plan: TreatmentPlan,
  today: IsoDate,
  options: CompletenessOptions = {}
): CompletenessItem[] {
  return [
    concernsDefined(plan),
    interventionsTailored(plan),
    timeline(plan, today),
    measurableGoals(plan),
    milestones(plan),
    mutualAgreement(plan, today, options.ageOfMajority),
    progressTracking(plan),
    dateOfService(plan),
    sessionTimes(plan),
    placeOfService(plan),
    clientIdentification(plan),
    providerCredentials(plan),
  ];
}

/** True when every item passes (signing without that needs the clinician to record why). */
export function isComplete(items: readonly CompletenessItem[]): boolean {
  return items.every((item) => item.passed);
}
