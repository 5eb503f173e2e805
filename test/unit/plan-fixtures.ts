/**
 * Plans for the plan-* tests: George Smith's plan (recurrent depression, weekly CBT, a PHQ-9 target), complete
 * and free of rule violations, unsigned so that every edit applies; plus signed and closed versions of it.
 */
import {
  newConsent,
  newDiagnosis,
  newMeasurement,
  newPresentingConcern,
  newProgressNote,
  newSignature,
} from '../../src/plan/create/records.ts';
import { newGoal, newIntervention } from '../../src/plan/create/goals.ts';
import { sequentialIds } from '../../src/plan/ids.ts';
import type { Concept, MeasurableTarget, TreatmentPlan } from '../../src/plan/treatment-plan.ts';

export const TODAY = '2026-03-02';
export const PHQ9: Concept = { text: 'PHQ-9 total score', codes: [{ system: 'http://loinc.org', code: '44261-6' }] };
export const SLEEP_HOURS: Concept = { text: 'Hours of sleep per night', codes: [] };
export const phq9Below10: MeasurableTarget = {
  measure: PHQ9,
  comparator: '<',
  value: { value: 10, unit: '{score}' },
  dueDate: '2026-06-01',
};

const fixed = (id: string) => () => id;

export function samplePlan(): TreatmentPlan {
  return {
    id: 'plan-george',
    status: 'draft',
    intent: 'plan',
    title: 'Treatment plan for George Smith',
    created: '2026-03-02T10:00:00-05:00',
    author: { reference: 'Practitioner/dana', name: 'Dana Rivera' },
    contributors: [],
    client: {
      reference: 'Patient/george',
      name: 'George Smith',
      birthDate: '1984-05-12',
      gender: 'male',
      identifiers: [{ label: 'MRN', system: 'urn:example:mrn', value: 'MRN-1001' }],
    },
    session: {
      dateOfService: TODAY,
      start: '2026-03-02T10:00:00-05:00',
      end: '2026-03-02T10:55:00-05:00',
      contactMode: 'in-person',
      placeOfService: { system: 'urn:example:pos', code: '11', display: 'Office' },
      provider: { reference: 'Practitioner/dana', name: 'Dana Rivera', credentials: ['LCSW'] },
    },
    history: {
      occupation: 'Warehouse supervisor',
      psychosocialHistory: 'Lives alone since his divorce in 2019; close to his sister.',
      treatmentHistory: [
        {
          id: 'past-1',
          treatment: { text: 'Sertraline via primary care', codes: [] },
          start: '2019-06-01',
          end: '2020-03-01',
        },
      ],
      assessmentIds: ['m-1'],
    },
    presentingConcerns: [
      newPresentingConcern(
        { concern: 'Low mood and loss of interest since losing his job', onset: { text: 'autumn 2025' } },
        fixed('c-1')
      ),
    ],
    diagnoses: [
      newDiagnosis({ condition: 'Major depressive disorder, recurrent, moderate' }, fixed('dx-1')),
      newDiagnosis({ condition: 'Insomnia', role: 'comorbidity' }, fixed('dx-2')),
    ],
    contract: {
      goalsForChange: ['Feel like myself again'],
      responsibilities: [
        { id: 'r-1', party: 'client', description: 'Complete a thought record three times a week' },
        { id: 'r-2', party: 'clinician', description: 'Provide weekly CBT sessions' },
      ],
      consent: newConsent(
        {
          status: 'active',
          dateTime: '2026-03-02T10:50:00-05:00',
          start: TODAY,
          grantor: { reference: 'Patient/george', name: 'George Smith' },
        },
        fixed('consent-1')
      ),
    },
    strengths: [{ id: 's-1', description: 'Supportive sister', use: 'Invited to a session on relapse prevention' }],
    schedule: {
      sessionFrequency: { count: 1, per: 1, unit: 'wk' },
      sessionMinutes: 53,
      startDate: TODAY,
      targetEndDate: '2026-09-01',
    },
    goals: [
      newGoal(
        {
          description: 'Reduce depressive symptoms to the mild range',
          startDate: TODAY,
          targets: [phq9Below10],
          addresses: ['dx-1', 'c-1'],
          objectives: [
            {
              description: 'Challenge three negative automatic thoughts a week',
              targets: [
                {
                  measure: { text: 'Thought records completed per week', codes: [] },
                  comparator: '>=',
                  value: { value: 3, unit: '/wk' },
                  dueDate: '2026-04-01',
                },
              ],
            },
          ],
        },
        sequentialIds('goal-1')
      ),
      newGoal(
        {
          description: 'Sleep at least seven hours a night',
          startDate: TODAY,
          targets: [{ measure: SLEEP_HOURS, comparator: '>=', value: { value: 7, unit: 'h' }, dueDate: '2026-05-01' }],
          addresses: ['dx-2'],
          objectives: [
            {
              description: 'Keep a regular wake time six days a week',
              targets: [
                {
                  measure: { text: 'Days with regular wake time', codes: [] },
                  comparator: '>=',
                  value: { value: 6, unit: '/wk' },
                  dueDate: '2026-04-01',
                },
              ],
            },
          ],
        },
        sequentialIds('goal-2')
      ),
    ],
    interventions: [
      newIntervention(
        {
          technique: 'Cognitive restructuring (CBT)',
          application: 'Thought records reviewed at each session',
          frequency: { count: 1, per: 1, unit: 'wk' },
          performer: 'clinician',
          goalIds: ['goal-1-1', 'goal-1-2'],
          start: TODAY,
        },
        fixed('int-1')
      ),
      newIntervention(
        {
          technique: 'Sleep hygiene and stimulus control',
          application: 'Sleep diary reviewed weekly',
          goalIds: ['goal-2-1'],
        },
        fixed('int-2')
      ),
    ],
    progress: {
      measurements: [
        newMeasurement(
          {
            measure: PHQ9,
            value: { value: 18, unit: '{score}' },
            date: '2026-03-02T10:10:00-05:00',
            goalId: 'goal-1-1',
          },
          fixed('m-1')
        ),
        newMeasurement(
          {
            measure: SLEEP_HOURS,
            value: { value: 5, unit: 'h' },
            date: '2026-03-02T10:12:00-05:00',
            goalId: 'goal-2-1',
          },
          fixed('m-2')
        ),
      ],
      notes: [
        newProgressNote(
          { date: '2026-03-02T10:55:00-05:00', text: 'Engaged; agreed to thought records.', goalId: 'goal-1-1' },
          fixed('n-1')
        ),
      ],
    },
    signatures: [],
    review: { periodStart: TODAY, nextReviewDate: '2026-06-01' },
    considerations: {
      clientPreferences: ['Morning appointments'],
      culturalConsiderations: ['Prefers his church community not be involved'],
      participants: [{ id: 'p-1', person: { name: 'Anne Smith' }, relationship: 'sister' }],
    },
  };
}

export function signedPlan(): TreatmentPlan {
  const plan = samplePlan();
  return {
    ...plan,
    signatures: [
      newSignature(
        {
          role: 'clinician',
          signer: { reference: 'Practitioner/dana', name: 'Dana Rivera' },
          signedAt: '2026-03-02T10:52:00-05:00',
        },
        fixed('sig-1')
      ),
      newSignature(
        {
          role: 'client',
          signer: { reference: 'Patient/george', name: 'George Smith' },
          signedAt: '2026-03-02T10:53:00-05:00',
        },
        fixed('sig-2')
      ),
    ],
  };
}

export function closedPlan(): TreatmentPlan {
  return { ...signedPlan(), status: 'completed' };
}
