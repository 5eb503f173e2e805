/** One or two outpatient visits per client with the sandbox clinician; times carry their zone offset. */
import type * as fhir from 'fhir/r4';
import type { ClientId } from './clients.ts';
import { LOCATION_ID, ORGANIZATION_ID, PRACTITIONER_ID } from './practice.ts';
import { SYSTEM, coding, concept } from './terminology.ts';

interface Visit {
  readonly id: string;
  readonly client: ClientId;
  readonly kind: 'intake' | 'psychotherapy';
  readonly start: string;
  /** No end: the visit is happening now. */
  readonly end?: string;
}

export const VISITS: readonly Visit[] = [
  {
    id: 'george-smith-intake',
    client: 'george-smith',
    kind: 'intake',
    start: '2026-09-14T10:00:00-05:00',
    end: '2026-09-14T11:00:00-05:00',
  },
  { id: 'george-smith-session', client: 'george-smith', kind: 'psychotherapy', start: '2026-11-20T10:00:00-06:00' },
  {
    id: 'robert-johnson-intake',
    client: 'robert-johnson',
    kind: 'intake',
    start: '2026-10-02T14:00:00-05:00',
    end: '2026-10-02T15:00:00-05:00',
  },
  {
    id: 'michael-jones-intake',
    client: 'michael-jones',
    kind: 'intake',
    start: '2026-08-21T09:00:00-05:00',
    end: '2026-08-21T10:00:00-05:00',
  },
  {
    id: 'michael-jones-session',
    client: 'michael-jones',
    kind: 'psychotherapy',
    start: '2026-11-13T09:00:00-06:00',
    end: '2026-11-13T09:45:00-06:00',
  },
  {
    id: 'john-doe-intake',
    client: 'john-doe',
    kind: 'intake',
    start: '2026-10-27T16:00:00-05:00',
    end: '2026-10-27T17:00:00-05:00',
  },
  { id: 'john-doe-session', client: 'john-doe', kind: 'psychotherapy', start: '2026-11-24T16:00:00-06:00' },
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
