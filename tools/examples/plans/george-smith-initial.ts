/**
 * George Smith's first plan, written at intake on 1 June 2026 and completed at the review on 24 August, when the
 * revised plan (george-smith.ts) replaced it. The activity goal was achieved; the mood and sleep goals continue.
 */
import type { Objective, PlanGoal, TreatmentPlan } from '../../../src/plan/treatment-plan.ts';
import { CPT, DIAGNOSIS, MEASURE, MODALITY, PLACE_OF_SERVICE } from './example-codes.ts';
import { amount, clinicTime, seriesId, words } from './example-kit.ts';
import { DANA, GEORGE, ref } from './example-people.ts';
import {
  CONSIDERATIONS,
  CONTRACT,
  GEORGE_DEPRESSION,
  GEORGE_INITIAL_PLAN_ID,
  GOAL,
  HISTORY_BASE,
  MEASURE_ACTIVITIES,
  MEASURE_SLEEP,
  MEASUREMENTS_TO_REVIEW,
  PHQ9_PREFIX,
  STRENGTHS,
} from './george-smith-record.ts';

const INSOMNIA = 'gs-insomnia';
const CONCERN = {
  mood: 'gs-concern-mood',
  sleep: 'gs-concern-sleep',
  work: 'gs-concern-work',
  deathThoughts: 'gs-concern-death-thoughts',
} as const;

/** The mood goal's first steps, both achieved by July; the revision keeps them under the goal it carries over. */
export const MOOD_OBJECTIVES: readonly Objective[] = [
  {
    id: 'gs-obj-mood-log',
    description: words('Rate his mood from 0 to 10 every evening in a mood log'),
    lifecycle: 'completed',
    achievement: 'achieved',
    statusDate: '2026-06-29',
    startDate: '2026-06-01',
    targets: [
      {
        measure: words('Evenings per week with a mood rating'),
        comparator: '>=',
        value: amount(6, '/wk'),
        dueDate: '2026-06-29',
      },
    ],
    expressedBy: 'clinician',
    addresses: [],
    notes: [],
  },
  {
    id: 'gs-obj-safety',
    description: words('No days with thoughts of death, using his safety plan when they come'),
    lifecycle: 'completed',
    achievement: 'achieved',
    statusDate: '2026-07-13',
    startDate: '2026-06-01',
    targets: [
      {
        measure: words('Days per week with thoughts of death (PHQ-9 item 9 and interview)'),
        comparator: '=',
        value: amount(0, 'd/wk'),
        dueDate: '2026-07-13',
      },
    ],
    expressedBy: 'clinician',
    addresses: [CONCERN.deathThoughts],
    notes: ['None since the beginning of July.'],
  },
];

/** Stimulus control for the sleep goal, achieved in August; kept under the carried-over goal too. */
export const LEAVE_BED_OBJECTIVE: Objective = {
  id: 'gs-obj-leave-bed',
  description: words('Get out of bed after about 20 minutes awake and return only when sleepy'),
  lifecycle: 'completed',
  achievement: 'achieved',
  statusDate: '2026-08-10',
  startDate: '2026-06-15',
  targets: [
    {
      measure: words('Nights per week following the 20-minute rule'),
      comparator: '>=',
      value: amount(5, '/wk'),
      dueDate: '2026-07-27',
    },
  ],
  expressedBy: 'clinician',
  addresses: [],
  notes: ['Reached in the second week of August, two weeks late.'],
};

/** The mood goal as first written; the revised plan extends its due date and gives it new objectives. */
const moodGoal: PlanGoal = {
  id: GOAL.mood,
  description: words('Reduce depressive symptoms to the mild range'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-08-24',
  startDate: '2026-06-01',
  targets: [{ measure: MEASURE.phq9, comparator: '<', value: amount(10, '{score}'), dueDate: '2026-08-31' }],
  expressedBy: 'client',
  addresses: [GEORGE_DEPRESSION, CONCERN.mood, CONCERN.deathThoughts],
  notes: ['PHQ-9 13 at the review (from 20): improving, not yet below 10. Carried into the revised plan.'],
  priority: 'high',
  objectives: MOOD_OBJECTIVES,
};

const sleepGoal: PlanGoal = {
  id: GOAL.sleep,
  description: words('Sleep at least 7 hours on most nights'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-08-24',
  startDate: '2026-06-01',
  targets: [{ measure: MEASURE_SLEEP, comparator: '>=', value: amount(7, 'h'), dueDate: '2026-08-31' }],
  expressedBy: 'client',
  addresses: [INSOMNIA, CONCERN.sleep],
  notes: ['5.5 hours at the review (from 4.5). Carried into the revised plan.'],
  priority: 'medium',
  objectives: [
    {
      id: 'gs-obj-wake-time',
      description: words('Get up at 6:30 a.m. every day, weekends included'),
      lifecycle: 'active',
      achievement: 'achieved',
      statusDate: '2026-07-13',
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
      notes: [],
    },
    LEAVE_BED_OBJECTIVE,
  ],
};

const activitiesGoal: PlanGoal = {
  id: GOAL.activities,
  description: words('Get back to the activities he used to enjoy'),
  lifecycle: 'completed',
  achievement: 'achieved',
  statusDate: '2026-08-24',
  startDate: '2026-06-01',
  targets: [{ measure: MEASURE_ACTIVITIES, comparator: '>=', value: amount(4, '/wk'), dueDate: '2026-08-31' }],
  expressedBy: 'client',
  addresses: [CONCERN.mood],
  notes: ['Five planned activities a week by the review: achieved.'],
  priority: 'medium',
  objectives: [
    {
      id: 'gs-obj-activity-list',
      description: words('List ten activities he used to enjoy, each with an enjoyment rating'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-06-15',
      startDate: '2026-06-01',
      targets: [
        {
          measure: words('Activities on his list'),
          comparator: '>=',
          value: amount(10, '1'),
          dueDate: '2026-06-15',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'gs-obj-walks',
      description: words('Walk for 20 minutes with his brother'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-07-27',
      startDate: '2026-06-15',
      targets: [{ measure: words('Walks per week'), comparator: '>=', value: amount(3, '/wk'), dueDate: '2026-07-27' }],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
  ],
};

export const georgeSmithInitialPlan: TreatmentPlan = {
  id: GEORGE_INITIAL_PLAN_ID,
  status: 'completed',
  intent: 'plan',
  title: 'Treatment plan: George Smith (June 2026)',
  summary:
    'Weekly individual CBT with behavioral activation for a recurrent depressive episode after his father\u2019s ' +
    'death, with sleep scheduling for early waking and safety planning for passive thoughts of death.',
  created: clinicTime('2026-06-01', '11:00'),
  author: ref(DANA),
  contributors: [ref(GEORGE)],
  client: GEORGE,
  session: {
    id: 'gs-session-2026-06-01',
    dateOfService: '2026-06-01',
    start: clinicTime('2026-06-01', '10:00'),
    end: clinicTime('2026-06-01', '11:00'),
    contactMode: 'in-person',
    placeOfService: PLACE_OF_SERVICE.office,
    serviceType: CPT.diagnosticEvaluation,
    provider: DANA,
  },
  history: { ...HISTORY_BASE, assessmentIds: [seriesId(PHQ9_PREFIX, '2026-06-01'), 'gs-audit-c-2026-06-01'] },
  presentingConcerns: [
    {
      id: CONCERN.mood,
      concern: words('Low mood most of the day and no interest in things since his father\u2019s death'),
      onset: { text: 'February 2026, a month after his father died' },
      status: 'active',
    },
    {
      id: CONCERN.sleep,
      concern: words('Wakes at 3 or 4 a.m. and cannot get back to sleep'),
      onset: { text: 'March 2026' },
      status: 'active',
    },
    {
      id: CONCERN.work,
      concern: words('Could not face his classes; on medical leave since early May'),
      onset: { date: '2026-05-04' },
      status: 'active',
    },
    {
      id: CONCERN.deathThoughts,
      concern: words('Passive thoughts of death (\u201ceveryone would be better off\u201d), no plan or intent'),
      onset: { text: 'April 2026' },
      status: 'active',
      note: 'Safety plan written at intake; risk reviewed at every session while it lasts.',
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
        'Third episode (2015, 2019, 2026). Recurrent, moderate (F33.1) by interview: the PHQ-9 of 20 at intake is in ' +
        'the severe range, but he has no psychotic features and no suicidal intent and still manages home life; ' +
        'revisit the specifier if function declines. SNOMED CT 370143000 says major depressive disorder only.',
    },
    {
      id: INSOMNIA,
      condition: words('Insomnia with early-morning waking, comorbid with depression'),
      category: 'encounter-diagnosis',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { text: 'March 2026' },
      role: 'comorbidity',
      note: 'Treated in this plan with sleep scheduling; primary care to review if it persists after mood improves.',
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
    targetEndDate: '2026-11-30',
  },
  goals: [moodGoal, sleepGoal, activitiesGoal],
  interventions: [
    {
      id: 'gs-int-cbt',
      technique: MODALITY.cbt,
      application:
        'Psychoeducation on depression and the cognitive model, evening mood log, then cognitive restructuring of ' +
        '\u201cI\u2019m a burden\u201d thoughts with thought records.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.mood, 'gs-obj-mood-log'],
      status: 'active',
      start: '2026-06-01',
    },
    {
      id: 'gs-int-activation',
      technique: MODALITY.behavioralActivation,
      application:
        'Activity monitoring for two weeks, then weekly scheduling of pleasant and mastery activities from his list, ' +
        'reviewed at the start of each session.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.activities, 'gs-obj-activity-list', 'gs-obj-walks'],
      status: 'completed',
      start: '2026-06-01',
      end: '2026-08-24',
    },
    {
      id: 'gs-int-sleep',
      technique: words('Stimulus control and sleep scheduling (components of CBT for insomnia)'),
      application:
        'Fixed 6:30 a.m. wake time, bed for sleep only, out of bed after about 20 minutes awake; sleep diary ' +
        'reviewed each week.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.sleep, 'gs-obj-wake-time', 'gs-obj-leave-bed'],
      status: 'active',
      start: '2026-06-15',
    },
    {
      id: 'gs-int-safety',
      technique: words('Collaborative safety planning and risk review'),
      application:
        'Written safety plan at intake (warning signs, coping steps, people to call, 988); risk reviewed every ' +
        'session while PHQ-9 item 9 is above 0.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.mood, 'gs-obj-safety'],
      status: 'completed',
      start: '2026-06-01',
      end: '2026-07-27',
    },
    {
      id: 'gs-int-primary-care',
      technique: words('Care coordination with primary care (sertraline)'),
      application:
        'With his written release, a monthly update to his primary care physician with the PHQ-9 trend; primary ' +
        'care manages sertraline.',
      frequency: { count: 1, per: 1, unit: 'mo' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.mood],
      status: 'active',
      start: '2026-06-01',
    },
  ],
  progress: {
    measurements: MEASUREMENTS_TO_REVIEW,
    notes: [
      {
        id: 'gs-note-2026-06-15',
        date: clinicTime('2026-06-15', '10:55'),
        author: ref(DANA),
        text: 'Mood log on 5 of 7 evenings. Passive thoughts of death on 2 days, no intent; safety plan reviewed and on his phone.',
        goalId: GOAL.mood,
      },
      {
        id: 'gs-note-2026-07-13',
        date: clinicTime('2026-07-13', '10:55'),
        author: ref(DANA),
        text: 'Walked with his brother three times and went fishing once; enjoyed it more than he predicted. PHQ-9 17.',
        goalId: GOAL.activities,
      },
      {
        id: 'gs-note-2026-08-10',
        date: clinicTime('2026-08-10', '10:55'),
        author: ref(DANA),
        text: 'Primary care raised sertraline to 100 mg on 20 July. Still awake at 4 a.m. on three nights; keeps the 6:30 wake time.',
        goalId: GOAL.sleep,
      },
    ],
    outcomeSummary:
      'Review after 12 weeks (12 of 13 sessions attended): PHQ-9 from 20 (severe) to 13 (moderate); no thoughts of ' +
      'death since early July. Activity goal achieved (5 planned activities a week). Mood and sleep goals not yet ' +
      'met and carried into the revised plan, which adds a goal for returning to teaching in the new school year.',
  },
  signatures: [
    {
      id: 'gs-sig-2026-06-01-client',
      role: 'client',
      signer: ref(GEORGE),
      signedAt: clinicTime('2026-06-01', '10:52'),
      typedName: 'George Smith',
    },
    {
      id: 'gs-sig-2026-06-01-clinician',
      role: 'clinician',
      signer: ref(DANA),
      signedAt: clinicTime('2026-06-01', '11:02'),
      typedName: 'Dana Rivera, LCSW',
    },
  ],
  review: { periodStart: '2026-06-01', nextReviewDate: '2026-08-31' },
  considerations: CONSIDERATIONS,
};
