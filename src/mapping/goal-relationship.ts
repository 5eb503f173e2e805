/**
 * R4's goal-relationship extension (https://hl7.org/fhir/R4/extension-goal-relationship.html): a `type`
 * (CodeableConcept from goal-relationship-type) and a `target` (Reference to a Goal). The plan writes type
 * `milestone` on a goal for each of its objectives, and also reads `part-of` on the child, as some R5-era
 * systems write it (the code is in neither R4's nor R5's code system).
 */
import type * as fhir from 'fhir/r4';
import { CODING, EXTENSION, SYSTEM } from './codes.ts';
import { codedAs, codingIn } from './concept.ts';

export function milestoneExtension(target: string): fhir.Extension {
  return {
    url: EXTENSION.goalRelationship,
    extension: [
      { url: 'type', valueCodeableConcept: codedAs(CODING.milestone) },
      { url: 'target', valueReference: { reference: target } },
    ],
  };
}

export function isMilestone(extension: fhir.Extension): boolean {
  if (extension.url !== EXTENSION.goalRelationship) return false;
  const type = extension.extension?.find((e) => e.url === 'type')?.valueCodeableConcept;
  return codingIn(type, SYSTEM.goalRelationshipType)?.code === CODING.milestone.code;
}

export function relationshipTarget(extension: fhir.Extension): fhir.Reference | undefined {
  return extension.extension?.find((e) => e.url === 'target')?.valueReference;
}

/** `part-of` on a child goal: the parent it belongs to. */
export function partOfTarget(extension: fhir.Extension): fhir.Reference | undefined {
  if (extension.url !== EXTENSION.goalRelationship) return undefined;
  const type = extension.extension?.find((e) => e.url === 'type')?.valueCodeableConcept;
  return (type?.coding ?? []).some((c) => c.code === 'part-of') ? relationshipTarget(extension) : undefined;
}
