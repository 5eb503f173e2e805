/**
 * George Smith's current plan: the revision written at the review on 24 August 2026. It replaces the first plan
 * (george-smith-initial.ts), carries its mood and sleep goals over, and adds a goal for returning to teaching.
 */
import type { PlanGoal, TreatmentPlan } from '../../../src/plan/treatment-plan.ts';
import { CPT, DIAGNOSIS, MEASURE, MODALITY, PLACE_OF_SERVICE } from './example-codes.ts';
import { amount, clinicTime, seriesId, words } from './example-kit.ts';
import { DANA, GEORGE, ref } from './example-people.ts';
import {
  MEASUREMENTS_SINCE_INTAKE,
  CONSIDERATIONS,
  CONTRACT,
  GEORGE_DEPRESSION,
  GEORGE_INITIAL_PLAN_ID,
  GEORGE_REVISED_PLAN_ID,
  GOAL,
  HISTORY_BASE,
  MEASURE_SLEEP,
  MEASURE_TEACHING_DAYS,
  PHQ9_PREFIX,
  STRENGTHS,
} from './george-smith-record.ts';
import { LEAVE_BED_OBJECTIVE, MOOD_OBJECTIVES } from './george-smith-initial.ts';

const INSOMNIA = 'gs-insomnia';
const CONCERN = {
  mood: 'gs-concern-mood',
  sleep: 'gs-concern-sleep',
  work: 'gs-concern-work',
  deathThoughts: 'gs-concern-death-thoughts',
} as const;

const moodGoal: PlanGoal = {
  id: GOAL.mood,
  description: words('Reduce depressive symptoms to the mild range'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-11-16',
  startDate: '2026-06-01',
  targets: [{ measure: MEASURE.phq9, comparator: '<', value: amount(10, '{score}'), dueDate: '2026-12-21' }],
  expressedBy: 'client',
  addresses: [GEORGE_DEPRESSION, CONCERN.mood, CONCERN.deathThoughts],
  notes: [
    'Due date moved from 31 August to 21 December at the review.',
    'Below 10 on the last three scores (9, 8, 7). If that holds at the December review, the next target is remission (below 5).',
  ],
  priority: 'high',
  carriedFrom: GEORGE_INITIAL_PLAN_ID,
  objectives: [
    ...MOOD_OBJECTIVES,
    {
      id: 'gs-obj-thought-records',
      description: words('Write a thought record whenever his mood drops by 2 points or more'),
      lifecycle: 'active',
      achievement: 'achieved',
      statusDate: '2026-10-19',
      startDate: '2026-08-24',
      targets: [
        {
          measure: words('Thought records completed per week'),
          comparator: '>=',
          value: amount(3, '/wk'),
          dueDate: '2026-10-19',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'gs-obj-grief-letter',
      description: words('Write a letter to his father and read it aloud in session'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-10-19',
      startDate: '2026-09-21',
      targets: [
        {
          measure: words('Letter to his father read in session'),
          comparator: '>=',
          value: amount(1, '1'),
          dueDate: '2026-10-31',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
  ],
};

const sleepGoal: PlanGoal = {
  id: GOAL.sleep,
  description: words('Sleep at least 7 hours on most nights'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-11-16',
  startDate: '2026-06-01',
  targets: [{ measure: MEASURE_SLEEP, comparator: '>=', value: amount(7, 'h'), dueDate: '2026-12-21' }],
  expressedBy: 'client',
  addresses: [INSOMNIA, CONCERN.sleep],
  notes: ['Due date moved from 31 August to 21 December at the review. 6.75 hours in mid-November.'],
  priority: 'medium',
  carriedFrom: GEORGE_INITIAL_PLAN_ID,
  objectives: [
    {
      id: 'gs-obj-wake-time',
      description: words('Get up at 6:30 a.m. every day, weekends included'),
      lifecycle: 'active',
      achievement: 'sustaining',
      statusDate: '2026-08-24',
      startDate: '2026-06-01',
      targets: [
        {
          measure: words('Days per week up by 6:30 a.m.'),
          comparator: '>=',
          value: amount(6, 'd/wk'),
          dueDate: '2026-07-13',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: ['Kept since July; stays in the plan because the school term makes it harder.'],
    },
    LEAVE_BED_OBJECTIVE,
    {
      id: 'gs-obj-wind-down',
      description: words('Screens off and a 30-minute wind-down routine by 10:30 p.m.'),
      lifecycle: 'active',
      achievement: 'in-progress',
      statusDate: '2026-11-16',
      startDate: '2026-08-24',
      targets: [
        {
          measure: words('Evenings per week with the wind-down routine'),
          comparator: '>=',
          value: amount(5, '/wk'),
          dueDate: '2026-10-19',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: ['Four evenings a week: marking papers runs late on Sundays and Wednesdays.'],
    },
  ],
};

const workGoal: PlanGoal = {
  id: GOAL.work,
  description: words('Return to full teaching duties'),
  lifecycle: 'completed',
  achievement: 'achieved',
  statusDate: '2026-11-16',
  startDate: '2026-08-24',
  targets: [{ measure: MEASURE_TEACHING_DAYS, comparator: '>=', value: amount(5, 'd/wk'), dueDate: '2026-11-30' }],
  expressedBy: 'client',
  addresses: [CONCERN.work, GEORGE_DEPRESSION],
  notes: ['Teaching full time since 2 November.'],
  priority: 'high',
  objectives: [
    {
      id: 'gs-obj-phased-return',
      description: words('Agree a phased return with his principal'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-08-28',
      startDate: '2026-08-24',
      targets: [
        {
          measure: words('Phased-return schedule agreed with the school'),
          comparator: '>=',
          value: amount(1, '1'),
          dueDate: '2026-08-28',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
    {
      id: 'gs-obj-three-days',
      description: words('Teach three full days a week'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-09-21',
      startDate: '2026-08-24',
      targets: [{ measure: MEASURE_TEACHING_DAYS, comparator: '>=', value: amount(3, 'd/wk'), dueDate: '2026-10-05' }],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
  ],
};

export const georgeSmithPlan: TreatmentPlan = {
  id: GEORGE_REVISED_PLAN_ID,
  status: 'active',
  intent: 'plan',
  title: 'Treatment plan: George Smith (revised August 2026)',
  summary:
    'Continue weekly individual CBT for recurrent depression, now in the moderate range and improving: cognitive ' +
    'restructuring and grief work, sleep scheduling, and a graded return to full-time teaching.',
  created: clinicTime('2026-08-24', '11:00'),
  author: ref(DANA),
  contributors: [ref(GEORGE)],
  client: GEORGE,
  session: {
    id: 'gs-session-2026-08-24',
    dateOfService: '2026-08-24',
    start: clinicTime('2026-08-24', '10:00'),
    end: clinicTime('2026-08-24', '11:00'),
    contactMode: 'in-person',
    placeOfService: PLACE_OF_SERVICE.office,
    serviceType: CPT.psychotherapy60,
    provider: DANA,
  },
  history: { ...HISTORY_BASE, assessmentIds: [seriesId(PHQ9_PREFIX, '2026-08-24')] },
  presentingConcerns: [
    {
      id: CONCERN.mood,
      concern: words('Low mood most of the day and no interest in things since his father\u2019s death'),
      onset: { text: 'February 2026, a month after his father died' },
      status: 'active',
      note: 'Lifting: some good days each week since July.',
    },
    {
      id: CONCERN.sleep,
      concern: words('Wakes at 3 or 4 a.m. and cannot get back to sleep'),
      onset: { text: 'March 2026' },
      status: 'active',
    },
    {
      id: CONCERN.work,
      concern: words('Dreads going back to the classroom full time in the new school year'),
      onset: { date: '2026-05-04' },
      status: 'active',
    },
    {
      id: CONCERN.deathThoughts,
      concern: words('Passive thoughts of death (\u201ceveryone would be better off\u201d), no plan or intent'),
      onset: { text: 'April 2026' },
      status: 'resolved',
      note: 'None since early July. The safety plan stays on his phone.',
    },
  ],
  diagnoses: [
    {
      id: GEORGE_DEPRESSION,
      condition: DIAGNOSIS.recurrentDepressionModerate,
      category: 'problem-list-item',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { text: 'Current episode since February 2026' },
      role: 'focus',
      note:
        'Third episode (2015, 2019, 2026). Recurrent, moderate (F33.1): PHQ-9 now 13, in the moderate range. ' +
        'SNOMED CT 370143000 says major depressive disorder only; F33.1 carries the recurrent, moderate detail.',
    },
    {
      id: INSOMNIA,
      condition: words('Insomnia with early-morning waking, comorbid with depression'),
      category: 'encounter-diagnosis',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { text: 'March 2026' },
      role: 'comorbidity',
      note: 'Improving with sleep scheduling; primary care to review if it persists after mood improves.',
    },
  ],
  contract: CONTRACT,
  strengths: STRENGTHS,
  schedule: {
    modality: MODALITY.cbt,
    format: MODALITY.individual,
    sessionFrequency: { count: 1, per: 1, unit: 'wk' },
    sessionMinutes: 60,
    startDate: '2026-06-01',
    targetEndDate: '2027-02-22',
  },
  goals: [moodGoal, sleepGoal, workGoal],
  interventions: [
    {
      id: 'gs-int-cbt',
      technique: MODALITY.cbt,
      application:
        'Thought records for \u201cI\u2019m failing everyone\u201d and \u201cthe students will see I can\u2019t cope\u201d; ' +
        'grief work on his father\u2019s death (letter, meaning of caregiving); from November, a written ' +
        'relapse-prevention plan.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.mood, 'gs-obj-thought-records', 'gs-obj-grief-letter', 'gs-obj-mood-log'],
      status: 'active',
      start: '2026-06-01',
    },
    {
      id: 'gs-int-graded-return',
      technique: MODALITY.behavioralActivation,
      application:
        'Graded task assignment for the return to teaching: a schedule agreed with the principal, planned rest ' +
        'after teaching days, and a weekly review of what went well.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.work, 'gs-obj-phased-return', 'gs-obj-three-days'],
      status: 'active',
      start: '2026-08-24',
    },
    {
      id: 'gs-int-sleep',
      technique: words('Stimulus control and sleep scheduling (components of CBT for insomnia)'),
      application:
        'Keeps the 6:30 a.m. wake time; adds a screen-free wind-down from 10:30 p.m.; sleep diary reviewed every ' +
        'other week.',
      frequency: { count: 1, per: 2, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.sleep, 'gs-obj-wake-time', 'gs-obj-wind-down', 'gs-obj-leave-bed'],
      status: 'active',
      start: '2026-06-15',
    },
    {
      id: 'gs-int-primary-care',
      technique: words('Care coordination with primary care (sertraline)'),
      application:
        'With his written release, a monthly update to his primary care physician with the PHQ-9 trend; primary ' +
        'care manages sertraline (100 mg since July).',
      frequency: { count: 1, per: 1, unit: 'mo' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.mood],
      status: 'active',
      start: '2026-06-01',
    },
  ],
  progress: {
    measurements: MEASUREMENTS_SINCE_INTAKE,
    notes: [
      {
        id: 'gs-note-2026-09-21',
        date: clinicTime('2026-09-21', '10:55'),
        author: ref(DANA),
        text: 'First week of three full teaching days. Dread on Sunday evening; thought record on \u201cthe students will see I can\u2019t cope\u201d.',
        goalId: GOAL.work,
      },
      {
        id: 'gs-note-2026-10-19',
        date: clinicTime('2026-10-19', '10:55'),
        author: ref(DANA),
        text: 'PHQ-9 9, the first score in the mild range. Read his letter to his father in session; tearful, then felt \u201clighter\u201d.',
        goalId: GOAL.mood,
      },
      {
        id: 'gs-note-2026-11-16',
        date: clinicTime('2026-11-16', '10:55'),
        author: ref(DANA),
        text: 'Teaching full time for two weeks. Sleeping about 6.75 hours. Started his relapse-prevention plan: warning signs are withdrawing and skipping walks.',
      },
    ],
    outcomeSummary:
      'Interim summary, 16 November 2026: PHQ-9 7 (mild), below 10 since 19 October; teaching full time since ' +
      '2 November (return-to-work goal achieved); sleep 6.75 hours a night and improving. At the December review: ' +
      'move to sessions every two weeks if the PHQ-9 stays below 10, and finish the relapse-prevention plan.',
  },
  signatures: [
    {
      id: 'gs-sig-2026-08-24-client',
      role: 'client',
      signer: ref(GEORGE),
      signedAt: clinicTime('2026-08-24', '10:55'),
      typedName: 'George Smith',
    },
    {
      id: 'gs-sig-2026-08-24-clinician',
      role: 'clinician',
      signer: ref(DANA),
      signedAt: clinicTime('2026-08-24', '11:05'),
      typedName: 'Dana Rivera, LCSW',
    },
  ],
  review: { periodStart: '2026-08-24', nextReviewDate: '2026-12-21', replaces: GEORGE_INITIAL_PLAN_ID },
  considerations: CONSIDERATIONS,
};
