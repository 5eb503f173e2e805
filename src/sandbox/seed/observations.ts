/** Symptom scores to show a trend: George's PHQ-9 totals and Robert's GAD-7 total. */
import type * as fhir from 'fhir/r4';
import type { ClientId } from './clients.ts';
import { PRACTITIONER_ID } from './practice.ts';
import { SYSTEM, coding, concept } from './terminology.ts';

const INSTRUMENTS = {
  phq9: coding(SYSTEM.loinc, '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'),
  gad7: coding(SYSTEM.loinc, '70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]'),
};

interface Score {
  readonly id: string;
  readonly client: ClientId;
  readonly instrument: keyof typeof INSTRUMENTS;
  readonly value: number;
  readonly when: string;
  readonly encounter: string;
}

const SCORES: readonly Score[] = [
  {
    id: 'george-smith-phq9-intake',
    client: 'george-smith',
    instrument: 'phq9',
    value: 16,
    when: '2026-09-14T10:10:00-05:00',
    encounter: 'george-smith-intake',
  },
  {
    id: 'george-smith-phq9-session',
    client: 'george-smith',
    instrument: 'phq9',
    value: 11,
    when: '2026-11-20T10:05:00-06:00',
    encounter: 'george-smith-session',
  },
  {
    id: 'robert-johnson-gad7-intake',
    client: 'robert-johnson',
    instrument: 'gad7',
    value: 14,
    when: '2026-10-02T14:10:00-05:00',
    encounter: 'robert-johnson-intake',
  },
];

function observation(score: Score): fhir.Observation {
  const code = INSTRUMENTS[score.instrument];
  return {
    resourceType: 'Observation',
    id: score.id,
    status: 'final',
    category: [concept('Survey', coding(SYSTEM.observationCategory, 'survey', 'Survey'))],
    code: concept(code.display ?? '', code),
    subject: { reference: `Patient/${score.client}` },
    encounter: { reference: `Encounter/${score.encounter}` },
    effectiveDateTime: score.when,
    performer: [{ reference: `Practitioner/${PRACTITIONER_ID}` }],
    valueQuantity: { value: score.value, unit: '{score}', system: SYSTEM.ucum, code: '{score}' },
  };
}

export function observations(): fhir.Observation[] {
  return SCORES.map(observation);
}
