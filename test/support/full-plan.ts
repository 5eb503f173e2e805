/** A plan with every section and every optional field filled, for the mapping tests. */
import { SYSTEM } from '../../src/mapping/codes.ts';
import type { TreatmentPlan } from '../../src/plan/treatment-plan.ts';
import { CLIENT, PROVIDER } from './mapping-world.ts';

const DANA = { reference: 'Practitioner/clinician-dana', name: 'Dana Rivera' };
const SAM = { reference: 'RelatedPerson/sister-sam', name: 'Sam Avery' };
const PHQ9 = { text: 'PHQ-9 total score', codes: [{ system: SYSTEM.loinc, code: '44261-6' }] };
const CBT = {
  text: 'Cognitive behavioral therapy',
  codes: [{ system: SYSTEM.snomed, code: '228557008', display: 'Cognitive and behavioral therapy' }],
};

export function fullPlan(): TreatmentPlan {
  return {
    id: 'plan-jordan-2026',
    status: 'active',
    intent: 'plan',
    title: 'Treatment plan: recurrent depression',
    summary: 'Weekly CBT to bring depressive symptoms to the mild range and return to full-time work.',
    created: '2026-01-05T10:30:00-05:00',
    author: DANA,
    contributors: [
      { reference: 'Practitioner/supervisor-lee', name: 'Lee Chen' },
      { reference: CLIENT.reference, name: CLIENT.name },
    ],
    client: CLIENT,
    session: {
      id: 'session-2026-01-05',
      dateOfService: '2026-01-05',
      start: '2026-01-05T10:00:00-05:00',
      end: '2026-01-05T10:55:00-05:00',
      contactMode: 'in-person',
      placeOfService: { system: SYSTEM.placeOfService, code: '11', display: 'Office' },
      serviceType: { system: SYSTEM.cpt, code: '90791' },
      provider: PROVIDER,
    },
    history: {
      occupation: 'Warehouse shift supervisor (on leave since November)',
      psychosocialHistory: 'Divorced in 2019; close to a sister who lives nearby; no trauma history reported.',
      treatmentHistory: [
        {
          id: 'treatment-2019-counselling',
          treatment: { text: 'Supportive counselling', codes: [] },
          start: '2019-03-01',
          end: '2019-09-30',
          provider: 'Community counselling service',
          outcome: 'Helped through the divorce; stopped when symptoms eased.',
        },
      ],
      assessmentIds: ['score-intake'],
    },
    presentingConcerns: [
      {
        id: 'concern-sleep',
        concern: { text: 'Wakes at 4 am most days and cannot get back to sleep', codes: [] },
        onset: { date: '2025-10-01', text: 'since the job reorganisation' },
        status: 'active',
        note: 'Worse on Sunday nights.',
      },
    ],
    diagnoses: [
      {
        id: 'diagnosis-mdd',
        condition: {
          text: 'Major depressive disorder, recurrent, moderate',
          codes: [
            { system: SYSTEM.icd10cm, code: 'F33.1' },
            { system: SYSTEM.snomed, code: '370143000' },
          ],
        },
        category: 'problem-list-item',
        clinicalStatus: 'recurrence',
        verificationStatus: 'confirmed',
        onset: { date: '2025-10-15' },
        role: 'focus',
        note: 'Second episode.',
      },
      {
        id: 'diagnosis-gad',
        condition: { text: 'Generalized anxiety disorder', codes: [{ system: SYSTEM.icd10cm, code: 'F41.1' }] },
        category: 'encounter-diagnosis',
        clinicalStatus: 'remission',
        verificationStatus: 'provisional',
        onset: { text: 'teenage years' },
        abatement: '2024-06-01',
        role: 'comorbidity',
      },
    ],
    contract: {
      goalsForChange: ['Get back to work full time', 'Sleep through the night'],
      responsibilities: [
        {
          id: 'responsibility-homework',
          party: 'client',
          person: { reference: CLIENT.reference, name: CLIENT.name },
          description: 'Complete the weekly thought record before each session.',
        },
        {
          id: 'responsibility-sister',
          party: 'family',
          person: SAM,
          description: 'Join one session a month to plan shared activities.',
        },
      ],
      consent: {
        id: 'consent-treatment-2026',
        status: 'active',
        dateTime: '2026-01-05T10:50:00-05:00',
        decision: 'permit',
        grantor: { reference: CLIENT.reference, name: CLIENT.name },
        start: '2026-01-05',
        end: '2026-07-05',
        modalities: [CBT],
        document: {
          contentType: 'application/pdf',
          title: 'Signed treatment contract',
          data: 'JVBERi0xLjQK',
          creation: '2026-01-05T10:52:00-05:00',
        },
      },
    },
    strengths: [
      {
        id: 'strength-sister',
        description: 'Close, supportive sister',
        use: 'Sister joins monthly to plan activities.',
      },
    ],
    schedule: {
      modality: CBT,
      format: {
        text: 'Individual',
        codes: [{ system: SYSTEM.snomed, code: '18512000', display: 'Individual psychotherapy' }],
      },
      sessionFrequency: { count: 1, per: 1, unit: 'wk' },
      sessionMinutes: 53,
      startDate: '2026-01-12',
      targetEndDate: '2026-07-05',
    },
    goals: [
      {
        id: 'goal-mood',
        description: { text: 'Reduce depressive symptoms to the mild range', codes: [] },
        lifecycle: 'active',
        achievement: 'improving',
        statusDate: '2026-03-02',
        startDate: '2026-01-05',
        targets: [{ measure: PHQ9, comparator: '<', value: { value: 10, unit: '{score}' }, dueDate: '2026-07-05' }],
        expressedBy: 'client',
        addresses: ['diagnosis-mdd'],
        notes: ['Client chose the target.'],
        priority: 'high',
        objectives: [
          {
            id: 'objective-activities',
            description: { text: 'Three pleasant activities a week', codes: [] },
            lifecycle: 'active',
            achievement: 'in-progress',
            startDate: '2026-01-12',
            targets: [
              {
                measure: { text: 'Pleasant activities per week', codes: [] },
                comparator: '>=',
                value: { value: 3, unit: '/wk' },
                dueDate: '2026-03-01',
              },
            ],
            expressedBy: 'clinician',
            addresses: [],
            notes: [],
          },
          {
            id: 'objective-sleep',
            description: { text: 'Sleep six hours most nights', codes: [] },
            lifecycle: 'proposed',
            targets: [
              {
                measure: { text: 'Nights with 6 hours of sleep', codes: [] },
                comparator: '=',
                value: { value: 80, unit: '%' },
              },
            ],
            addresses: ['concern-sleep'],
            notes: [],
          },
        ],
      },
      {
        id: 'goal-work',
        description: { text: 'Return to work full time', codes: [] },
        lifecycle: 'accepted',
        targets: [],
        expressedBy: 'family',
        addresses: [],
        notes: [],
        priority: 'medium',
        objectives: [],
        carriedFrom: 'plan-jordan-2025',
      },
    ],
    interventions: [
      {
        id: 'intervention-cbt',
        technique: { text: 'Cognitive restructuring', codes: [] },
        application: 'Thought records reviewed at the start of each session.',
        frequency: { count: 1, per: 1, unit: 'wk' },
        performer: 'clinician',
        performerRef: DANA,
        goalIds: ['goal-mood', 'objective-activities'],
        status: 'active',
        start: '2026-01-12',
        end: '2026-07-05',
      },
      {
        id: 'intervention-mi',
        technique: {
          text: 'Motivational interviewing',
          codes: [{ system: SYSTEM.therapyModality, code: 'motivational-interviewing' }],
        },
        performer: 'clinician',
        goalIds: ['goal-work'],
        status: 'draft',
      },
    ],
    progress: {
      measurements: [
        {
          id: 'score-intake',
          measure: PHQ9,
          value: { value: 17, unit: '{score}' },
          date: '2026-01-05T10:15:00-05:00',
          goalId: 'goal-mood',
          note: 'Intake.',
        },
        {
          id: 'score-week-8',
          measure: PHQ9,
          value: { value: 12, unit: '{score}' },
          date: '2026-03-02T10:10:00-05:00',
          goalId: 'goal-mood',
        },
        {
          id: 'activities-week-8',
          measure: { text: 'Pleasant activities per week', codes: [] },
          value: { value: 2, unit: '/wk' },
          date: '2026-03-02T10:12:00-05:00',
          goalId: 'objective-activities',
        },
      ],
      notes: [
        {
          id: 'note-week-8',
          date: '2026-03-02T11:00:00-05:00',
          author: DANA,
          text: 'Mood lifting; sleep still broken.\nPlan: add sleep hygiene.',
          goalId: 'goal-mood',
        },
      ],
      outcomeSummary: 'Improving: PHQ-9 from 17 to 12 in eight weeks.',
    },
    signatures: [
      {
        id: 'signature-dana',
        role: 'clinician',
        signer: DANA,
        signedAt: '2026-01-05T10:58:00-05:00',
        typedName: 'Dana Rivera, LCSW',
      },
      {
        id: 'signature-jordan',
        role: 'client',
        signer: { reference: CLIENT.reference, name: CLIENT.name },
        signedAt: '2026-01-05T10:59:00-05:00',
        typedName: 'Jordan Avery',
        image: 'iVBORw0KGgoAAAANSUhEUgAAAAE=',
      },
    ],
    review: { periodStart: '2026-01-05', nextReviewDate: '2026-04-05', replaces: 'plan-jordan-2025' },
    considerations: {
      clientPreferences: ['Morning appointments'],
      culturalConsiderations: ['Prefers not to schedule on religious holidays'],
      participants: [{ id: 'participant-sam', person: SAM, relationship: 'sister' }],
    },
  };
}
