/**
 * The workspace's sections (DESIGN.md §4 "Plan section"), and which section a plan path or a FHIRPath from a
 * server's OperationOutcome belongs to, so an error can be shown where it can be fixed.
 */
export type SectionId =
  | 'session'
  | 'history'
  | 'concerns'
  | 'diagnoses'
  | 'contract'
  | 'strengths'
  | 'schedule'
  | 'goals'
  | 'interventions'
  | 'progress'
  | 'review'
  | 'considerations'
  | 'signatures';

export const SECTIONS: readonly { readonly id: SectionId; readonly title: string }[] = [
  { id: 'session', title: 'Session details' },
  { id: 'history', title: 'History and assessment' },
  { id: 'concerns', title: 'Presenting concerns' },
  { id: 'diagnoses', title: 'Diagnoses' },
  { id: 'contract', title: 'Treatment contract' },
  { id: 'strengths', title: 'Strengths' },
  { id: 'schedule', title: 'Schedule' },
  { id: 'goals', title: 'Goals and objectives' },
  { id: 'interventions', title: 'Interventions' },
  { id: 'progress', title: 'Progress' },
  { id: 'review', title: 'Review' },
  { id: 'considerations', title: 'Preferences and culture' },
  { id: 'signatures', title: 'Signatures' },
];

/** The element id of a section's heading region, for anchors and focus. */
export function sectionAnchor(id: SectionId): string {
  return `plan-section-${id}`;
}

/** The element id of the control that edits a plan path (`goals[0].targets[1].value`). */
export function fieldAnchor(path: string): string {
  return `plan-field-${path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`;
}

const BY_PATH: readonly (readonly [string, SectionId])[] = [
  ['session', 'session'],
  ['client', 'history'],
  ['history', 'history'],
  ['progress', 'progress'],
  ['presentingConcerns', 'concerns'],
  ['diagnoses', 'diagnoses'],
  ['contract', 'contract'],
  ['strengths', 'strengths'],
  ['schedule', 'schedule'],
  ['goals', 'goals'],
  ['interventions', 'interventions'],
  ['review', 'review'],
  ['considerations', 'considerations'],
  ['signatures', 'signatures'],
];

/** The section of a plan path as the edit functions, rules and completeness check write them. */
export function sectionOfPath(path: string): SectionId | undefined {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  return BY_PATH.find(([prefix]) => prefix === head)?.[1];
}

const BY_RESOURCE: Readonly<Record<string, SectionId>> = {
  Encounter: 'session',
  Location: 'session',
  Procedure: 'history',
  Condition: 'diagnoses',
  Consent: 'contract',
  Goal: 'goals',
  ServiceRequest: 'interventions',
  CarePlan: 'review',
  Provenance: 'signatures',
};

/** The section of a FHIRPath such as `Goal.target[0].detailQuantity`, when the resource type tells. */
export function sectionOfExpression(expression: string | undefined): SectionId | undefined {
  const type = /^[A-Z][A-Za-z]+/.exec(expression ?? '')?.[0];
  return type === undefined ? undefined : BY_RESOURCE[type];
}

/** What a record holds, in the clinician's words, for "someone else changed …". */
export function recordWords(resourceType: string): string {
  const words: Readonly<Record<string, string>> = {
    CarePlan: 'the plan itself',
    Goal: 'a goal or objective',
    Condition: 'a diagnosis or concern',
    Consent: 'the consent to treatment',
    ServiceRequest: 'an intervention',
    Encounter: 'the session record',
    Observation: 'a score or strength',
    Provenance: 'a signature',
    Procedure: 'a past treatment',
  };
  return words[resourceType] ?? `a ${resourceType} record`;
}

/**
 * The element ids to try, in order, to bring a plan path into view: the field itself, its description field, the
 * same for each enclosing part, then the heading of its section.
 */
export function fieldCandidates(path: string): string[] {
  const paths: string[] = [];
  let at = path;
  for (;;) {
    paths.push(at, `${at}.description`);
    const up = at.replace(/(\.[A-Za-z]+|\[\d+\])$/, '');
    if (up === at || up === '') break;
    at = up;
  }
  const section = sectionOfPath(path);
  return [...paths.map(fieldAnchor), ...(section === undefined ? [] : [`${sectionAnchor(section)}-heading`])];
}
