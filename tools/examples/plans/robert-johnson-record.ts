/**
 * Robert Johnson's measurements, strengths and treatment contract (his plan is in robert-johnson.ts). He is seen
 * by video from home after work; GAD-7 every two weeks from intake on 6 July 2026.
 */
import type { Measurement, Strength, TreatmentContract } from '../../../src/plan/treatment-plan.ts';
import { MEASURE, MODALITY } from './example-codes.ts';
import { amount, clinicTime, series, words } from './example-kit.ts';
import { DANA, ROBERT, ref } from './example-people.ts';
import { signedContract } from './signed-document.ts';

export const ROBERT_PLAN_ID = '6f74e4ae-3bfb-4116-a247-9ad1011d827d';
/** The diagnosis is the EHR's record of the intake diagnosis (src/sandbox/seed/conditions.ts, same id). */
export const ROBERT_ANXIETY = 'robert-johnson-anxiety';

export const GOAL = { worry: 'rj-goal-worry', sleep: 'rj-goal-sleep', tension: 'rj-goal-tension' } as const;

export const MEASURE_SLEEP_ONSET = words('Nights per week asleep within 30 minutes (sleep diary)');
export const MEASURE_HEADACHE_DAYS = words('Headache days per week (headache log)');

export const GAD7_PREFIX = 'rj-gad7';

const gad7 = series({
  idPrefix: GAD7_PREFIX,
  measure: MEASURE.gad7,
  unit: '{score}',
  start: '2026-07-06',
  everyDays: 14,
  time: '17:05',
  values: [16, 15, 15, 13, 12, 11, 10, 9, 8, 7, 6],
  goalId: GOAL.worry,
  notes: {
    '2026-07-06': 'Severe range at intake.',
    '2026-08-03': 'No change: a stressful month-end close at work.',
    '2026-10-12': 'Review: mild range.',
  },
});

const sleepOnset = series({
  idPrefix: 'rj-sleep-onset',
  measure: MEASURE_SLEEP_ONSET,
  unit: '/wk',
  start: '2026-07-06',
  everyDays: 28,
  time: '17:08',
  values: [1, 2, 3, 4, 5, 5],
  goalId: GOAL.sleep,
});

const headaches = series({
  idPrefix: 'rj-headache-days',
  measure: MEASURE_HEADACHE_DAYS,
  unit: 'd/wk',
  start: '2026-07-06',
  everyDays: 28,
  time: '17:09',
  values: [4, 3, 3, 2, 1, 1],
  goalId: GOAL.tension,
});

const auditC: Measurement = {
  id: 'rj-audit-c-2026-07-06',
  measure: MEASURE.auditC,
  value: amount(3, '{score}'),
  date: clinicTime('2026-07-06', '17:06'),
  note: 'Two or three beers on Saturdays; below the risk threshold for men. Not a focus of treatment.',
};

export const MEASUREMENTS: readonly Measurement[] = [...gad7, ...sleepOnset, ...headaches, auditC];

export const STRENGTHS: readonly Strength[] = [
  {
    id: 'rj-strength-conscientious',
    description: 'Conscientious and reliable: does what he agrees to',
    use: 'Between-session practice (worry time, experiments, relaxation) gets done and can be built on.',
  },
  {
    id: 'rj-strength-records',
    description: 'An accountant who likes numbers and keeps precise records',
    use: 'Keeps the worry, sleep and headache logs that show his progress; data answers his \u201cwhat if\u201d predictions.',
  },
  {
    id: 'rj-strength-partner',
    description: 'A supportive partner who wants to help',
    use: 'Agrees to answer repeated reassurance questions with a prompt to use worry time instead.',
  },
  {
    id: 'rj-strength-running',
    description: 'Runs 5 km on weekend mornings',
    use: 'Exercise to discharge tension, and a place to practise letting worries pass.',
  },
];

const SIGNED_AT = clinicTime('2026-07-13', '17:40');

export const CONTRACT: TreatmentContract = {
  goalsForChange: [
    'I want my brain to shut off at night.',
    'I want to stop snapping at my family after work.',
    'I\u2019d like to get through a workday without a headache.',
  ],
  responsibilities: [
    {
      id: 'rj-resp-attend',
      party: 'client',
      description: 'Join each video session from a private room at home, on time; cancel 24 hours ahead.',
    },
    {
      id: 'rj-resp-practice',
      party: 'client',
      description:
        'Keep daily worry time and the worry, sleep and headache logs; upload them to the portal before the session.',
    },
    {
      id: 'rj-resp-sessions',
      party: 'clinician',
      person: ref(DANA),
      description:
        'Provide weekly 45-minute CBT sessions by video, send the GAD-7 every two weeks and the week\u2019s worksheets through the portal.',
    },
    {
      id: 'rj-resp-crisis',
      party: 'clinician',
      person: ref(DANA),
      description: 'Confirm his location at the start of each video session and keep an emergency contact on file.',
    },
    {
      id: 'rj-resp-partner',
      party: 'family',
      person: { name: 'Maria Alvarez' },
      description:
        'His partner Maria answers repeated \u201care we okay for money?\u201d questions with a prompt to save it for worry time.',
    },
  ],
  consent: {
    id: 'rj-consent-2026-07-13',
    status: 'active',
    dateTime: SIGNED_AT,
    decision: 'permit',
    grantor: ref(ROBERT),
    start: '2026-07-13',
    end: '2027-07-12',
    modalities: [MODALITY.cbt, MODALITY.individual],
    document: signedContract({
      title: 'Consent to treatment by telehealth and treatment contract',
      client: 'Robert Johnson (MRN SB-100002)',
      body: [
        'I agree to individual cognitive behavioral therapy by secure video with Dana Rivera, LCSW,',
        'weekly, 45 minutes, from 13 July 2026 for up to one year, and to the plan we wrote.',
        'I understand the limits of telehealth and will tell my clinician where I am at each session.',
      ],
      signedBy: [
        `Robert Johnson (client) ${SIGNED_AT}`,
        `Dana Rivera, LCSW (clinician) ${clinicTime('2026-07-13', '17:42')}`,
      ],
      created: SIGNED_AT,
    }),
  },
};
