/**
 * Robert Johnson: generalized anxiety disorder, weekly CBT by video, a GAD-7 target. Written on 13 July 2026,
 * reviewed on 12 October (continued without revision: re-signed, next review in January).
 */
import type { PlanGoal, TreatmentPlan } from '../../../src/plan/treatment-plan.ts';
import { CPT, DIAGNOSIS, MEASURE, MODALITY, PLACE_OF_SERVICE } from './example-codes.ts';
import { amount, clinicTime, seriesId, words } from './example-kit.ts';
import { DANA, ROBERT, ref } from './example-people.ts';
import {
  CONTRACT,
  GAD7_PREFIX,
  GOAL,
  MEASURE_HEADACHE_DAYS,
  MEASURE_SLEEP_ONSET,
  MEASUREMENTS,
  ROBERT_ANXIETY,
  ROBERT_PLAN_ID,
  STRENGTHS,
} from './robert-johnson-record.ts';

const HEADACHE = 'rj-tension-headache';
const CONCERN = {
  worry: 'rj-concern-worry',
  sleep: 'rj-concern-sleep',
  tension: 'rj-concern-tension',
  irritability: 'rj-concern-irritability',
} as const;

const worryGoal: PlanGoal = {
  id: GOAL.worry,
  description: words('Worry less and feel calmer day to day'),
  lifecycle: 'active',
  achievement: 'sustaining',
  statusDate: '2026-11-09',
  startDate: '2026-07-13',
  targets: [{ measure: MEASURE.gad7, comparator: '<', value: amount(8, '{score}'), dueDate: '2027-01-11' }],
  expressedBy: 'client',
  addresses: [ROBERT_ANXIETY, CONCERN.worry, CONCERN.irritability],
  notes: ['GAD-7 below 8 since 9 November (7, then 6): keep it there through the January review.'],
  priority: 'high',
  objectives: [
    {
      id: 'rj-obj-worry-time',
      description: words('Postpone worries to a daily 20-minute worry time'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-08-31',
      startDate: '2026-07-13',
      targets: [
        {
          measure: words('Days per week with worry time used'),
          comparator: '>=',
          value: amount(5, 'd/wk'),
          dueDate: '2026-08-31',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'rj-obj-experiments',
      description: words('Test one worry prediction a week with a behavioural experiment'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-10-12',
      startDate: '2026-08-03',
      targets: [
        {
          measure: words('Behavioural experiments completed'),
          comparator: '>=',
          value: amount(6, '1'),
          dueDate: '2026-10-12',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: ['Eight experiments; the worst outcome he predicted happened once, and he coped.'],
    },
    {
      id: 'rj-obj-checking',
      description: words('Check his bank balance no more than twice a day'),
      lifecycle: 'active',
      achievement: 'improving',
      statusDate: '2026-11-09',
      startDate: '2026-08-17',
      targets: [
        {
          measure: words('Bank-balance checks per day'),
          comparator: '<=',
          value: amount(2, '/d'),
          dueDate: '2026-11-09',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: ['From about 10 a day to 3 or 4.'],
    },
  ],
};

const sleepGoal: PlanGoal = {
  id: GOAL.sleep,
  description: words('Fall asleep within 30 minutes on most nights'),
  lifecycle: 'active',
  achievement: 'achieved',
  statusDate: '2026-10-26',
  startDate: '2026-07-13',
  targets: [{ measure: MEASURE_SLEEP_ONSET, comparator: '>=', value: amount(5, '/wk'), dueDate: '2026-11-30' }],
  expressedBy: 'client',
  addresses: [CONCERN.sleep],
  notes: [],
  priority: 'medium',
  objectives: [
    {
      id: 'rj-obj-email-cutoff',
      description: words('No work email after 8 p.m. on weeknights'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-08-17',
      startDate: '2026-07-13',
      targets: [
        {
          measure: words('Weeknights without work email after 8 p.m.'),
          comparator: '>=',
          value: amount(4, '/wk'),
          dueDate: '2026-08-17',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
    {
      id: 'rj-obj-bedtime-relaxation',
      description: words('Progressive muscle relaxation in bed before sleep'),
      lifecycle: 'active',
      achievement: 'achieved',
      statusDate: '2026-09-14',
      startDate: '2026-07-20',
      targets: [
        {
          measure: words('Nights per week with relaxation practice'),
          comparator: '>=',
          value: amount(5, '/wk'),
          dueDate: '2026-09-14',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
  ],
};

const tensionGoal: PlanGoal = {
  id: GOAL.tension,
  description: words('Fewer tension headaches'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-11-23',
  startDate: '2026-07-13',
  targets: [{ measure: MEASURE_HEADACHE_DAYS, comparator: '<=', value: amount(1, 'd/wk'), dueDate: '2027-01-11' }],
  expressedBy: 'client',
  addresses: [CONCERN.tension, HEADACHE],
  notes: ['One headache day a week for the last two months; the target holds if it stays there to January.'],
  priority: 'low',
  objectives: [
    {
      id: 'rj-obj-lunch-breathing',
      description: words('Ten minutes of slow breathing or relaxation at lunch'),
      lifecycle: 'active',
      achievement: 'in-progress',
      statusDate: '2026-10-12',
      startDate: '2026-07-20',
      targets: [
        {
          measure: words('Workdays per week with a lunchtime practice'),
          comparator: '>=',
          value: amount(4, 'd/wk'),
          dueDate: '2026-09-14',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: ['Three days most weeks; month-end close crowds it out.'],
    },
    {
      id: 'rj-obj-stretch-breaks',
      description: words('A five-minute stretch break every two hours at his desk'),
      lifecycle: 'active',
      achievement: 'achieved',
      statusDate: '2026-10-12',
      startDate: '2026-08-17',
      targets: [
        {
          measure: words('Stretch breaks per workday'),
          comparator: '>=',
          value: amount(3, '/d'),
          dueDate: '2026-10-12',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
  ],
};

export const robertJohnsonPlan: TreatmentPlan = {
  id: ROBERT_PLAN_ID,
  status: 'active',
  intent: 'plan',
  title: 'Treatment plan: Robert Johnson',
  summary:
    'Weekly CBT by video for generalized anxiety: worry postponement, behavioural experiments and applied ' +
    'relaxation, with sleep and tension-headache goals. Reviewed in October and continued.',
  created: clinicTime('2026-07-13', '17:45'),
  author: ref(DANA),
  contributors: [ref(ROBERT)],
  client: ROBERT,
  session: {
    id: 'rj-session-2026-07-13',
    dateOfService: '2026-07-13',
    start: clinicTime('2026-07-13', '17:00'),
    end: clinicTime('2026-07-13', '17:45'),
    contactMode: 'telehealth',
    placeOfService: PLACE_OF_SERVICE.telehealthInHome,
    serviceType: CPT.psychotherapy45,
    provider: DANA,
  },
  history: {
    occupation: 'Staff accountant at a regional credit union',
    psychosocialHistory:
      'Lives with his partner Maria and their daughter, aged 6, who has asthma. Describes himself as \u201ca ' +
      'worrier since high school\u201d; worse since a promotion to a supervisory role in March 2025. Worries about ' +
      'money, his daughter\u2019s health and making mistakes at work; checks his bank balance about ten times a day ' +
      'and asks Maria for reassurance. Lies awake one to two hours most nights; neck and shoulder tension with ' +
      'headaches three or four days a week; irritable with his family in the evenings. No panic attacks. First in ' +
      'his family to finish college. Drinks two or three beers on Saturdays (AUDIT-C 3); no drugs. No suicidal ' +
      'thoughts. Intake by video on 6 July 2026 after a referral from primary care.',
    treatmentHistory: [
      {
        id: 'rj-past-sertraline',
        treatment: words('Sertraline, prescribed by primary care'),
        start: '2023-02-06',
        end: '2023-05-15',
        provider: 'Primary care physician',
        outcome: 'Stopped after three months because of nausea and sexual side effects; some benefit for worry.',
      },
      {
        id: 'rj-past-app',
        treatment: words('Self-guided mindfulness app'),
        start: '2025-06-01',
        end: '2025-08-31',
        provider: 'Self-directed',
        outcome: 'Used for a few weeks; found it hard to keep up without structure.',
      },
    ],
    assessmentIds: [seriesId(GAD7_PREFIX, '2026-07-06'), 'rj-audit-c-2026-07-06'],
  },
  presentingConcerns: [
    {
      id: CONCERN.worry,
      concern: words('Constant worry about money, his daughter\u2019s health and making mistakes at work'),
      onset: { text: 'Since high school; much worse since his promotion in March 2025' },
      status: 'active',
    },
    {
      id: CONCERN.sleep,
      concern: words('Lies awake one to two hours before falling asleep'),
      onset: { text: 'Spring 2025' },
      status: 'active',
    },
    {
      id: CONCERN.tension,
      concern: words('Neck and shoulder tension with headaches three or four days a week'),
      onset: { text: '2025' },
      status: 'active',
    },
    {
      id: CONCERN.irritability,
      concern: words('Snaps at his partner and daughter in the evenings'),
      onset: { text: '2025' },
      status: 'active',
      note: 'Better since September, Maria says.',
    },
  ],
  diagnoses: [
    {
      id: ROBERT_ANXIETY,
      condition: DIAGNOSIS.generalizedAnxiety,
      category: 'encounter-diagnosis',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { date: '2025-03-01', text: 'Lifelong worrier; disorder-level since his promotion in March 2025' },
      role: 'focus',
      note: 'GAD-7 16 at intake. No panic disorder, no depressive episode (PHQ-2 negative at primary care).',
    },
    {
      id: HEADACHE,
      condition: words('Tension-type headache'),
      category: 'problem-list-item',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { text: '2025' },
      role: 'comorbidity',
      note: 'Managed by primary care (ibuprofen no more than two days a week); relaxation training is part of this plan.',
    },
  ],
  contract: CONTRACT,
  strengths: STRENGTHS,
  schedule: {
    modality: MODALITY.cbt,
    format: MODALITY.individual,
    sessionFrequency: { count: 1, per: 1, unit: 'wk' },
    sessionMinutes: 45,
    startDate: '2026-07-13',
    targetEndDate: '2027-01-11',
  },
  goals: [worryGoal, sleepGoal, tensionGoal],
  interventions: [
    {
      id: 'rj-int-cbt',
      technique: MODALITY.cbt,
      application:
        'CBT for generalized anxiety by video: psychoeducation on the worry cycle, worry postponement, weekly ' +
        'behavioural experiments on his predictions, and reducing reassurance seeking and checking.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.worry, 'rj-obj-worry-time', 'rj-obj-experiments', 'rj-obj-checking'],
      status: 'active',
      start: '2026-07-13',
    },
    {
      id: 'rj-int-relaxation',
      technique: words('Applied relaxation (progressive muscle relaxation, slow breathing)'),
      application:
        'Taught in session with a recording for home practice: full progressive muscle relaxation at bedtime, then ' +
        'a short version and slow breathing at work.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.sleep, GOAL.tension, 'rj-obj-bedtime-relaxation', 'rj-obj-lunch-breathing'],
      status: 'active',
      start: '2026-07-20',
    },
    {
      id: 'rj-int-sleep',
      technique: words('Sleep hygiene and a work-free wind-down'),
      application: 'Work email off after 8 p.m., worries written down before bed, the same bedtime on weeknights.',
      frequency: { count: 1, per: 2, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.sleep, 'rj-obj-email-cutoff'],
      status: 'active',
      start: '2026-07-13',
    },
    {
      id: 'rj-int-desk-breaks',
      technique: words('Self-monitoring and scheduled breaks at work'),
      application: 'A phone reminder every two hours for a stretch break; headache days logged.',
      frequency: { count: 1, per: 1, unit: 'd' },
      performer: 'client',
      performerRef: ref(ROBERT),
      goalIds: [GOAL.tension, 'rj-obj-stretch-breaks'],
      status: 'active',
      start: '2026-08-17',
    },
  ],
  progress: {
    measurements: MEASUREMENTS,
    notes: [
      {
        id: 'rj-note-2026-08-03',
        date: clinicTime('2026-08-03', '17:45'),
        author: ref(DANA),
        text: 'Month-end close at work; GAD-7 unchanged at 15. Used worry time on 4 of 7 days. Planned the first behavioural experiment: not re-checking a report before sending it.',
        goalId: GOAL.worry,
      },
      {
        id: 'rj-note-2026-09-14',
        date: clinicTime('2026-09-14', '17:45'),
        author: ref(DANA),
        text: 'Asleep within 30 minutes on 4 nights. Relaxation recording every night this week.',
        goalId: GOAL.sleep,
      },
      {
        id: 'rj-note-2026-10-12',
        date: clinicTime('2026-10-12', '17:45'),
        author: ref(DANA),
        text: 'Plan reviewed with Robert: continued without changes to the goals; next review in January. Re-signed.',
      },
      {
        id: 'rj-note-2026-11-23',
        date: clinicTime('2026-11-23', '17:45'),
        author: ref(DANA),
        text: 'GAD-7 6. Handled his daughter\u2019s asthma flare without \u201cgoing down the rabbit hole\u201d. Discussed sessions every two weeks from December.',
        goalId: GOAL.worry,
      },
    ],
    outcomeSummary:
      'Review on 12 October 2026 (13 sessions): GAD-7 from 16 (severe) to 9 (mild); worry time and behavioural ' +
      'experiments done; asleep within 30 minutes on 4 nights a week; headaches down from 4 to 2 days a week. ' +
      'Continued without revision. By 23 November: GAD-7 6, sleep goal met, one headache day a week.',
  },
  signatures: [
    {
      id: 'rj-sig-2026-07-13-client',
      role: 'client',
      signer: ref(ROBERT),
      signedAt: clinicTime('2026-07-13', '17:40'),
      typedName: 'Robert Johnson',
    },
    {
      id: 'rj-sig-2026-07-13-clinician',
      role: 'clinician',
      signer: ref(DANA),
      signedAt: clinicTime('2026-07-13', '17:50'),
      typedName: 'Dana Rivera, LCSW',
    },
    {
      id: 'rj-sig-2026-10-12-client',
      role: 'client',
      signer: ref(ROBERT),
      signedAt: clinicTime('2026-10-12', '17:40'),
      typedName: 'Robert Johnson',
    },
    {
      id: 'rj-sig-2026-10-12-clinician',
      role: 'clinician',
      signer: ref(DANA),
      signedAt: clinicTime('2026-10-12', '17:50'),
      typedName: 'Dana Rivera, LCSW',
    },
  ],
  review: { periodStart: '2026-07-13', nextReviewDate: '2027-01-11' },
  considerations: {
    clientPreferences: [
      'Video sessions at 5 p.m. on Mondays, after work, from his home office.',
      'Wants to try therapy before any new medication after side effects on sertraline.',
      'Worksheets and logs as spreadsheets rather than paper.',
    ],
    culturalConsiderations: [
      'First in his family to finish college, in a family that prizes self-reliance: needing help felt like failing, so therapy is framed as skills training.',
      'Maria\u2019s large Mexican-American family gathers every Sunday: a support, and a source of social worry he practises with.',
    ],
    participants: [],
  },
};
