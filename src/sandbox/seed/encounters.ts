/** This week's outpatient visit of each client with the sandbox clinician; times carry their zone offset. */
import type * as fhir from 'fhir/r4';
import type { ClientId } from './clients.ts';
import { LOCATION_ID, ORGANIZATION_ID, PRACTITIONER_ID } from './practice.ts';
import { SYSTEM, coding, concept } from './terminology.ts';

interface Visit {
  readonly id: string;
  readonly client: ClientId;
  readonly kind: keyof typeof VISIT_TYPE;
  readonly start: string;
  /** No end: the visit is happening now. */
  readonly end?: string;
}

/**
 * Each client's visit this week, after the months of sessions in their example plan (fhir-profiles/examples/):
 * the encounter an EHR launch hands to the app. George's and John's are happening now.
 */
export const VISITS: readonly Visit[] = [
  {
    id: 'george-smith-visit-2026-11-30',
    client: 'george-smith',
    kind: 'psychotherapy60',
    start: '2026-11-30T10:00:00-06:00',
  },
  {
    id: 'robert-johnson-visit-2026-11-30',
    client: 'robert-johnson',
    kind: 'psychotherapy',
    start: '2026-11-30T17:00:00-06:00',
    end: '2026-11-30T17:45:00-06:00',
  },
  {
    id: 'michael-jones-visit-2026-11-25',
    client: 'michael-jones',
    kind: 'psychotherapy60',
    start: '2026-11-25T09:00:00-06:00',
    end: '2026-11-25T10:00:00-06:00',
  },
  { id: 'john-doe-visit-2026-12-02', client: 'john-doe', kind: 'psychotherapy', start: '2026-12-02T16:00:00-06:00' },
];

const VISIT_TYPE = {
  intake: concept(
    'Intake: psychiatric diagnostic evaluation',
    coding(SYSTEM.cpt, '90791', 'Psychiatric diagnostic evaluation')
  ),
  psychotherapy: concept(
    'Psychotherapy, 45 minutes',
    coding(SYSTEM.cpt, '90834', 'Psychotherapy, 45 minutes with patient')
  ),
  psychotherapy60: concept(
    'Psychotherapy, 60 minutes',
    coding(SYSTEM.cpt, '90837', 'Psychotherapy, 60 minutes with patient')
  ),
};

function encounter(visit: Visit): fhir.Encounter {
  return {
    resourceType: 'Encounter',
    id: visit.id,
    status: visit.end ? 'finished' : 'in-progress',
    class: coding(SYSTEM.actCode, 'AMB', 'ambulatory'),
    type: [VISIT_TYPE[visit.kind]],
    subject: { reference: `Patient/${visit.client}` },
    participant: [
      {
        type: [concept('Primary performer', coding(SYSTEM.participationType, 'PPRF', 'primary performer'))],
        individual: { reference: `Practitioner/${PRACTITIONER_ID}`, display: 'Dana Rivera, LCSW' },
      },
    ],
    period: { start: visit.start, ...(visit.end ? { end: visit.end } : {}) },
    location: [{ location: { reference: `Location/${LOCATION_ID}` } }],
    serviceProvider: { reference: `Organization/${ORGANIZATION_ID}` },
  };
}

export function encounters(): fhir.Encounter[] {
  return VISITS.map(encounter);
}
