/**
 * Synthetic resources that conform to each of our profiles, for the profile and validator tests.
 * Each call returns a fresh copy, so a test can break one without touching the others.
 */
import type * as fhir from 'fhir/r4';

export const CANONICAL = 'https://treatment-plan.example.org/fhir';
export const profileUrl = (id: string): string => `${CANONICAL}/StructureDefinition/${id}`;

const meta = (profile: string): fhir.Meta => ({
  profile: [profileUrl(profile)],
  security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }],
});
const patient = { reference: 'Patient/client-george' };
const clinician = { reference: 'Practitioner/clinician-ada' };

export const carePlan = (): fhir.CarePlan => ({
  resourceType: 'CarePlan',
  meta: meta('treatment-plan'),
  text: {
    status: 'generated',
    div: '<div xmlns="http://www.w3.org/1999/xhtml"><h2>Treatment plan</h2><p>Reduce depressive symptoms.</p></div>',
  },
  identifier: [{ system: 'https://treatment-plan.example.org/plan-id', value: 'plan-0001' }],
  status: 'active',
  intent: 'plan',
  category: [
    { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' }] },
    { coding: [{ system: 'http://snomed.info/sct', code: '718347000', display: 'Mental health care plan' }] },
  ],
  title: 'Treatment plan',
  subject: patient,
  period: { start: '2026-01-05', end: '2026-04-05' },
  created: '2026-01-05T10:30:00-05:00',
  author: clinician,
  goal: [{ reference: 'Goal/goal-mood' }],
  activity: [{ reference: { reference: 'ServiceRequest/cbt-weekly' } }],
});

export const goal = (): fhir.Goal => ({
  resourceType: 'Goal',
  meta: meta('treatment-goal'),
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/goal-relationship',
      extension: [
        {
          url: 'type',
          valueCodeableConcept: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-relationship-type', code: 'milestone' }],
          },
        },
        { url: 'target', valueReference: { reference: 'Goal/objective-activities' } },
      ],
    },
  ],
  lifecycleStatus: 'active',
  achievementStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'improving' }],
  },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-category', code: 'behavioral' }] }],
  description: { text: 'Feel less depressed most days' },
  subject: patient,
  startDate: '2026-01-05',
  target: [
    {
      measure: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      detailQuantity: {
        value: 10,
        comparator: '<',
        unit: 'score',
        system: 'http://unitsofmeasure.org',
        code: '{score}',
      },
      dueDate: '2026-04-05',
    },
  ],
  addresses: [{ reference: 'Condition/mdd' }],
});

export const condition = (): fhir.Condition => ({
  resourceType: 'Condition',
  meta: meta('plan-condition'),
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
  },
  category: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] },
  ],
  code: {
    coding: [
      { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.1' },
      { system: 'http://snomed.info/sct', code: '370143000' },
    ],
    text: 'Major depressive disorder, recurrent, moderate',
  },
  subject: patient,
  onsetDateTime: '2025-09-01',
});

export const presentingConcern = (): fhir.Condition => ({
  resourceType: 'Condition',
  meta: meta('plan-condition'),
  category: [
    { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category', code: 'health-concern' }] },
  ],
  code: { text: 'Trouble sleeping since changing jobs' },
  subject: patient,
});

export const consent = (): fhir.Consent => ({
  resourceType: 'Consent',
  meta: meta('treatment-contract'),
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
  patient,
  dateTime: '2026-01-05T11:00:00-05:00',
  performer: [patient],
  policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
  provision: {
    period: { start: '2026-01-05', end: '2026-04-05' },
    code: [{ coding: [{ system: 'http://snomed.info/sct', code: '228557008' }] }],
  },
});

export const serviceRequest = (): fhir.ServiceRequest => ({
  resourceType: 'ServiceRequest',
  meta: meta('planned-intervention'),
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal',
      valueReference: { reference: 'Goal/goal-mood' },
    },
  ],
  status: 'active',
  intent: 'plan',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '228557008' }], text: 'Cognitive behavioral therapy' },
  subject: patient,
  occurrenceTiming: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', boundsPeriod: { start: '2026-01-12' } } },
  performerType: {
    coding: [{ system: `${CANONICAL}/CodeSystem/responsibility-role`, code: 'clinician' }],
  },
  performer: [clinician],
  note: [{ text: 'Thought records reviewed at the start of each session' }],
});

export const encounter = (): fhir.Encounter => ({
  resourceType: 'Encounter',
  meta: meta('treatment-session'),
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  type: [{ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '90837' }] }],
  subject: patient,
  participant: [{ individual: clinician }],
  period: { start: '2026-01-05T10:00:00-05:00', end: '2026-01-05T10:55:00-05:00' },
  location: [{ location: { reference: 'Location/office' } }],
});

export const score = (): fhir.Observation => ({
  resourceType: 'Observation',
  meta: meta('assessment-score'),
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }], text: 'PHQ-9 total score' },
  subject: patient,
  focus: [{ reference: 'Goal/goal-mood' }],
  effectiveDateTime: '2026-01-05T10:15:00-05:00',
  valueInteger: 17,
});

export const strength = (): fhir.Observation => ({
  resourceType: 'Observation',
  meta: meta('client-strength'),
  status: 'final',
  code: {
    coding: [{ system: 'http://hl7.org/fhir/us/eltss/CodeSystem/eltss-observation-codes-temporary', code: 'strength' }],
  },
  subject: patient,
  valueString: 'Close, supportive sister',
  note: [{ text: 'Sister joins one session a month to plan shared activities' }],
});

export const provenance = (): fhir.Provenance => ({
  resourceType: 'Provenance',
  meta: meta('plan-signature'),
  target: [{ reference: 'CarePlan/plan-george/_history/3' }],
  recorded: '2026-01-05T11:05:00-05:00',
  agent: [
    {
      type: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }],
      },
      who: clinician,
      onBehalfOf: { reference: 'Organization/clinic' },
    },
  ],
  signature: [
    {
      type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1' }],
      when: '2026-01-05T11:05:00-05:00',
      who: clinician,
      sigFormat: 'image/png',
      data: 'iVBORw0KGgo=',
    },
  ],
});

/** One conforming resource per profile, by profile id. */
export const conformingByProfile: Record<string, () => fhir.FhirResource> = {
  'treatment-plan': carePlan,
  'treatment-goal': goal,
  'plan-condition': condition,
  'treatment-contract': consent,
  'planned-intervention': serviceRequest,
  'treatment-session': encounter,
  'assessment-score': score,
  'client-strength': strength,
  'plan-signature': provenance,
};
