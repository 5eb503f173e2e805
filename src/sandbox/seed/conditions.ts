/** Each client's presenting diagnosis, coded in ICD-10-CM (and SNOMED CT where the guide gives one). */
import type * as fhir from 'fhir/r4';
import type { ClientId } from './clients.ts';
import { PRACTITIONER_ID } from './practice.ts';
import { SYSTEM, coding, concept } from './terminology.ts';

interface Diagnosis {
  readonly client: ClientId;
  readonly slug: string;
  readonly text: string;
  readonly codes: readonly fhir.Coding[];
  readonly category: 'problem-list-item' | 'encounter-diagnosis';
  readonly encounter: string;
  readonly onset: string;
  readonly recorded: string;
}

const DIAGNOSES: readonly Diagnosis[] = [
  {
    client: 'george-smith',
    slug: 'depression',
    text: 'Major depressive disorder, recurrent, moderate',
    codes: [
      coding(SYSTEM.icd10cm, 'F33.1', 'Major depressive disorder, recurrent, moderate'),
      coding(SYSTEM.snomed, '370143000', 'Major depressive disorder (disorder)'),
    ],
    category: 'problem-list-item',
    encounter: 'george-smith-intake',
    onset: '2026-06',
    recorded: '2026-09-14T10:50:00-05:00',
  },
  {
    client: 'robert-johnson',
    slug: 'anxiety',
    text: 'Generalized anxiety disorder',
    codes: [
      coding(SYSTEM.icd10cm, 'F41.1', 'Generalized anxiety disorder'),
      coding(SYSTEM.snomed, '21897009', 'Generalized anxiety disorder (disorder)'),
    ],
    category: 'encounter-diagnosis',
    encounter: 'robert-johnson-intake',
    onset: '2025',
    recorded: '2026-10-02T14:55:00-05:00',
  },
  {
    client: 'michael-jones',
    slug: 'ptsd',
    text: 'Post-traumatic stress disorder',
    codes: [coding(SYSTEM.icd10cm, 'F43.10', 'Post-traumatic stress disorder, unspecified')],
    category: 'problem-list-item',
    encounter: 'michael-jones-intake',
    onset: '2024-03',
    recorded: '2026-08-21T09:50:00-05:00',
  },
  {
    client: 'john-doe',
    slug: 'alcohol-use',
    text: 'Alcohol use disorder, mild',
    codes: [coding(SYSTEM.icd10cm, 'F10.10', 'Alcohol abuse, uncomplicated')],
    category: 'encounter-diagnosis',
    encounter: 'john-doe-intake',
    onset: '2026-05',
    recorded: '2026-10-27T16:50:00-05:00',
  },
];

const CATEGORY_DISPLAY = { 'problem-list-item': 'Problem List Item', 'encounter-diagnosis': 'Encounter Diagnosis' };

function condition(d: Diagnosis): fhir.Condition {
  return {
    resourceType: 'Condition',
    id: `${d.client}-${d.slug}`,
    clinicalStatus: concept('Active', coding(SYSTEM.conditionClinical, 'active', 'Active')),
    verificationStatus: concept('Confirmed', coding(SYSTEM.conditionVerification, 'confirmed', 'Confirmed')),
    category: [
      concept(CATEGORY_DISPLAY[d.category], coding(SYSTEM.conditionCategory, d.category, CATEGORY_DISPLAY[d.category])),
    ],
    code: concept(d.text, ...d.codes),
    subject: { reference: `Patient/${d.client}` },
    encounter: { reference: `Encounter/${d.encounter}` },
    onsetDateTime: d.onset,
    recordedDate: d.recorded,
    recorder: { reference: `Practitioner/${PRACTITIONER_ID}` },
    asserter: { reference: `Practitioner/${PRACTITIONER_ID}` },
  };
}

export function conditions(): fhir.Condition[] {
  return DIAGNOSES.map(condition);
}
