/** Scores the EHR held before the treatment plans began (the plans carry their own, in fhir-profiles/examples/). */
import type * as fhir from 'fhir/r4';
import type { ClientId } from './clients.ts';
import { SYSTEM, coding, concept } from './terminology.ts';

const INSTRUMENTS = {
  phq9: coding(SYSTEM.loinc, '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'),
};

interface Score {
  readonly id: string;
  readonly client: ClientId;
  readonly instrument: keyof typeof INSTRUMENTS;
  readonly value: number;
  readonly when: string;
}

/** George's PHQ-9 screenings at primary care, which led to his referral (his plan's own scores follow from June). */
const SCORES: readonly Score[] = [
  {
    id: 'george-smith-phq9-primary-care-2026-04-27',
    client: 'george-smith',
    instrument: 'phq9',
    value: 15,
    when: '2026-04-27T08:40:00-05:00',
  },
  {
    id: 'george-smith-phq9-primary-care-2026-05-18',
    client: 'george-smith',
    instrument: 'phq9',
    value: 19,
    when: '2026-05-18T08:50:00-05:00',
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
    effectiveDateTime: score.when,
    valueQuantity: { value: score.value, unit: '{score}', system: SYSTEM.ucum, code: '{score}' },
  };
}

export function observations(): fhir.Observation[] {
  return SCORES.map(observation);
}
