/**
 * The sandbox EHR's starting data: the practice, the four synthetic clients of the treatment-plan guide, their
 * visits, diagnoses and symptom scores. Every id is stable and readable (`george-smith`), so tests, launch
 * links and documentation can name them.
 */
import type * as fhir from 'fhir/r4';
import { clients } from './clients.ts';
import { conditions } from './conditions.ts';
import { encounters } from './encounters.ts';
import { observations } from './observations.ts';
import { practice } from './practice.ts';

/** `today` decides only John Doe's birth date (he is always 17). */
export function sandboxSeed(today: Date = new Date()): fhir.Resource[] {
  return [...practice(), ...clients(today), ...encounters(), ...conditions(), ...observations()];
}
