/**
 * Michael Jones's measurements, strengths and treatment contract (his plan is in michael-jones.ts). The PCL-5 has
 * no LOINC total code, so its total is recorded as a described measure (words, no code), beside PHQ-9 totals and
 * a nightmare count from his sleep diary.
 */
import type { Measurement, Strength, TreatmentContract } from '../../../src/plan/treatment-plan.ts';
import { MEASURE, MODALITY } from './example-codes.ts';
import { amount, clinicTime, series, words } from './example-kit.ts';
import { DANA, MICHAEL, ref } from './example-people.ts';
import { signedContract } from './signed-document.ts';

export const MICHAEL_PLAN_ID = '4ab3ab95-f4a4-4f71-8cfa-0b49cfdcf6fd';
/** The diagnosis is the EHR's problem-list entry (src/sandbox/seed/conditions.ts, same id). */
export const MICHAEL_PTSD = 'michael-jones-ptsd';

export const GOAL = {
  symptoms: 'mj-goal-symptoms',
  nightmares: 'mj-goal-nightmares',
  driving: 'mj-goal-driving',
} as const;

export const MEASURE_NIGHTMARES = words('Nightmares per week (sleep diary)');
export const MEASURE_INTERSTATE = words('Interstate driving trips per week (driving log)');

export const PCL5_PREFIX = 'mj-pcl5';

const pcl5 = series({
  idPrefix: PCL5_PREFIX,
  measure: MEASURE.pcl5,
  unit: '{score}',
  start: '2026-07-08',
  everyDays: 14,
  time: '09:05',
  values: [58, 56, 52, 47, 42, 38, 33, 31, 29, 27],
  goalId: GOAL.symptoms,
  notes: {
    '2026-07-08': 'Well above the 31-33 cut-off for probable PTSD.',
    '2026-09-30': 'Twelfth CPT session: 25 points below intake, a clinically meaningful change.',
    '2026-10-14': 'Review: below the probable-PTSD range.',
  },
});

const phq9 = series({
  idPrefix: 'mj-phq9',
  measure: MEASURE.phq9,
  unit: '{score}',
  start: '2026-07-08',
  everyDays: 28,
  time: '09:07',
  values: [15, 13, 11, 9, 7],
  goalId: GOAL.symptoms,
});

const nightmares = series({
  idPrefix: 'mj-nightmares',
  measure: MEASURE_NIGHTMARES,
  unit: '/wk',
  start: '2026-07-08',
  everyDays: 14,
  time: '09:08',
  values: [5, 5, 4, 4, 3, 3, 2, 2, 1, 1],
  goalId: GOAL.nightmares,
});

const interstate = series({
  idPrefix: 'mj-interstate',
  measure: MEASURE_INTERSTATE,
  unit: '/wk',
  start: '2026-08-19',
  everyDays: 14,
  time: '09:09',
  values: [0, 0, 1, 1, 2, 2, 3],
  goalId: GOAL.driving,
});

const auditC: Measurement = {
  id: 'mj-audit-c-2026-07-08',
  measure: MEASURE.auditC,
  value: amount(2, '{score}'),
  date: clinicTime('2026-07-08', '09:06'),
  note: 'A beer or two at the weekend; no drinking to sleep.',
};

export const MEASUREMENTS: readonly Measurement[] = [...pcl5, ...phq9, ...nightmares, ...interstate, auditC];

export const STRENGTHS: readonly Strength[] = [
  {
    id: 'mj-strength-discipline',
    description: 'Disciplined and used to routine (Army service, 30 years of driving)',
    use: 'Daily CPT worksheets are done like a pre-trip inspection: same time, every day.',
  },
  {
    id: 'mj-strength-daughter',
    description: 'A close relationship with his adult daughter',
    use: 'She rides as passenger on the first interstate drives and knows his grounding plan.',
  },
  {
    id: 'mj-strength-work',
    description: 'A strong work ethic and a clear goal: his old regional routes back',
    use: 'Anchors the driving exposure hierarchy and keeps him going through hard sessions.',
  },
  {
    id: 'mj-strength-fishing',
    description: 'Fishes with an old friend most Saturdays',
    use: 'A pleasant, grounding routine and someone he is starting to tell about the crash.',
  },
];

const SIGNED_AT = clinicTime('2026-07-15', '09:50');

export const CONTRACT: TreatmentContract = {
  goalsForChange: [
    'I want to sleep without seeing that car every night.',
    'I want to drive the interstate again and get my old routes back.',
    'I want to stop blaming myself.',
  ],
  responsibilities: [
    {
      id: 'mj-resp-attend',
      party: 'client',
      description: 'Attend 12 weekly CPT sessions in a row, then every two weeks; tell Dana if he wants to stop.',
    },
    {
      id: 'mj-resp-practice',
      party: 'client',
      description: 'Do the daily CPT worksheets and keep the sleep and driving logs.',
    },
    {
      id: 'mj-resp-grounding',
      party: 'client',
      description: 'Pull over safely and use the grounding steps if a flashback starts while driving; never push on.',
    },
    {
      id: 'mj-resp-sessions',
      party: 'clinician',
      person: ref(DANA),
      description:
        'Deliver cognitive processing therapy to protocol, give the PCL-5 every two weeks and show him the graph.',
    },
    {
      id: 'mj-resp-primary-care',
      party: 'clinician',
      person: ref(DANA),
      description: 'With his release, keep his primary care physician informed (prazosin, blood pressure).',
    },
    {
      id: 'mj-resp-daughter',
      party: 'family',
      person: { name: 'Karen Jones' },
      description: 'His daughter Karen rides along on the first interstate drives and lets him set the pace.',
    },
  ],
  consent: {
    id: 'mj-consent-2026-07-15',
    status: 'active',
    dateTime: SIGNED_AT,
    decision: 'permit',
    grantor: ref(MICHAEL),
    start: '2026-07-15',
    end: '2027-07-14',
    modalities: [MODALITY.cognitiveProcessingTherapy, MODALITY.individual],
    document: signedContract({
      title: 'Consent to treatment and treatment contract',
      client: 'Michael Jones (MRN SB-100003)',
      body: [
        'I agree to cognitive processing therapy, a trauma-focused therapy, with Dana Rivera, LCSW:',
        '12 weekly 60-minute sessions from 15 July 2026, then every two weeks, and to the plan we wrote.',
        'I know talking about the crash may feel worse before it feels better, and that I can pause or stop.',
      ],
      signedBy: [
        `Michael Jones (client) ${SIGNED_AT}`,
        `Dana Rivera, LCSW (clinician) ${clinicTime('2026-07-15', '09:52')}`,
      ],
      created: SIGNED_AT,
    }),
  },
};
