/**
 * The sandbox EHR's starting data: the practice, the four synthetic clients of the treatment-plan guide, this
 * week's visits, the diagnoses and scores the EHR held before treatment, and then each client's complete example
 * plan (fhir-profiles/examples/) as a batch Bundle. Every id is stable and readable (`george-smith`,
 * `Goal/gs-goal-mood`), so tests, launch links and documentation can name them.
 */
import type * as fhir from 'fhir/r4';
import { CLIENT_IDS, clients, type ClientId } from './clients.ts';
import { conditions } from './conditions.ts';
import { encounters } from './encounters.ts';
import { examplePlans } from './example-plans.ts';
import { observations } from './observations.ts';
import { practice } from './practice.ts';

/** The records the EHR has of its own, without the example plans. `today` decides only John Doe's birth date. */
export function sandboxRecords(today: Date = new Date()): fhir.Resource[] {
  return [...practice(), ...clients(today), ...encounters(), ...conditions(), ...observations()];
}

/**
 * Everything the sandbox starts with: its own records, then the example plans of `plansFor` (default: all four
 * clients) as batch Bundles (loadSeed posts those after the rest). `today` decides only John Doe's birth date (he
 * is always 17).
 */
export function sandboxSeed(today: Date = new Date(), plansFor: readonly ClientId[] = CLIENT_IDS): fhir.Resource[] {
  const records = sandboxRecords(today);
  return [...records, ...examplePlans(records, plansFor)];
}
