/**
 * Each client's diagnosis as the EHR's problem list or intake note recorded it, coded in ICD-10-CM (and SNOMED CT
 * where the guide gives one). The ids are the diagnosis ids of the example plans, so the plans' own (fuller)
 * record of each diagnosis replaces these when the sandbox loads them (see example-plans.ts).
 */
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
    onset: '2026-02',
    recorded: '2026-06-01T10:50:00-05:00',
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
    onset: '2025-03',
    recorded: '2026-07-06T17:40:00-05:00',
  },
  {
    client: 'michael-jones',
    slug: 'ptsd',
    text: 'Post-traumatic stress disorder',
    codes: [coding(SYSTEM.icd10cm, 'F43.10', 'Post-traumatic stress disorder, unspecified')],
    category: 'problem-list-item',
    onset: '2024-03-18',
    recorded: '2026-07-08T09:55:00-05:00',
  },
  {
    client: 'john-doe',
    slug: 'alcohol-use',
    text: 'Alcohol use disorder, mild',
    codes: [coding(SYSTEM.icd10cm, 'F10.10', 'Alcohol abuse, uncomplicated')],
    category: 'encounter-diagnosis',
    onset: '2026-04',
    recorded: '2026-08-12T16:55:00-05:00',
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
    onsetDateTime: d.onset,
    recordedDate: d.recorded,
    recorder: { reference: `Practitioner/${PRACTITIONER_ID}` },
    asserter: { reference: `Practitioner/${PRACTITIONER_ID}` },
  };
}

export function conditions(): fhir.Condition[] {
  return DIAGNOSES.map(condition);
}
