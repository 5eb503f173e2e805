/**
 * Which plan sections cannot be saved on this server although the plan itself can (issue 5 §1: "never offers an
 * edit it cannot save"): a section whose records the server or the granted permissions do not let the app create
 * or update is locked, and the reason says which record and why.
 */
import { accessWords, type ServerProfile } from '../fhir/server-profile.ts';
import type { PlanInteraction } from '../smart/capabilities.ts';
import type { PlanResourceType } from '../smart/scope-request.ts';
import type { SectionId } from './sections.ts';

/** The records each section is saved as (DESIGN.md §4); the plan header and review live on the CarePlan. */
const SECTION_RECORDS: Readonly<Partial<Record<SectionId, readonly PlanResourceType[]>>> = {
  concerns: ['Condition'],
  diagnoses: ['Condition'],
  contract: ['Consent'],
  strengths: ['Observation'],
  goals: ['Goal'],
  interventions: ['ServiceRequest'],
  progress: ['Observation'],
  signatures: ['Provenance'],
};

const WRITES: readonly PlanInteraction[] = ['create', 'update'];

/**
 * A server that creates Conditions but does not update them still takes new problems: only the problems it already
 * holds are locked, field by field (held-problems.ts), so the section stays open.
 */
function refusalLocksSection(profile: ServerProfile, type: PlanResourceType, interaction: PlanInteraction): boolean {
  return !(type === 'Condition' && interaction === 'update' && profile.access.Condition.create.allowed !== 'no');
}

/** Locked sections, each with the sentence that says why. */
export function lockedSections(profile: ServerProfile): ReadonlyMap<SectionId, string> {
  const locked = new Map<SectionId, string>();
  for (const [section, types] of Object.entries(SECTION_RECORDS) as [SectionId, readonly PlanResourceType[]][]) {
    const refused = types.flatMap((type) =>
      WRITES.flatMap((interaction) => {
        const access = profile.access[type][interaction];
        return access.allowed === 'no' && refusalLocksSection(profile, type, interaction)
          ? [accessWords(type, interaction, access)]
          : [];
      })
    );
    if (refused.length > 0) locked.set(section, `${refused.join('; ')}.`);
  }
  return locked;
}
