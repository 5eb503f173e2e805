/**
 * Michael Jones: post-traumatic stress disorder after a highway crash in March 2024; cognitive processing therapy
 * (a trauma-focused therapy) with graded driving exposure. Written on 15 July 2026, reviewed on 14 October.
 */
import type { PlanGoal, TreatmentPlan } from '../../../src/plan/treatment-plan.ts';
import { CPT, DIAGNOSIS, MEASURE, MODALITY, PLACE_OF_SERVICE } from './example-codes.ts';
import { amount, clinicTime, seriesId, words } from './example-kit.ts';
import { DANA, MICHAEL, ref } from './example-people.ts';
import {
  CONTRACT,
  GOAL,
  MEASURE_INTERSTATE,
  MEASURE_NIGHTMARES,
  MEASUREMENTS,
  MICHAEL_PLAN_ID,
  MICHAEL_PTSD,
  PCL5_PREFIX,
  STRENGTHS,
} from './michael-jones-record.ts';

const ACUTE_STRESS = 'mj-acute-stress-reaction';
const HYPERTENSION = 'mj-hypertension';
const CONCERN = {
  nightmares: 'mj-concern-nightmares',
  avoidance: 'mj-concern-avoidance',
  guilt: 'mj-concern-guilt',
  startle: 'mj-concern-startle',
} as const;

const symptomsGoal: PlanGoal = {
  id: GOAL.symptoms,
  description: words('Bring PTSD symptoms below the probable-PTSD range'),
  lifecycle: 'active',
  achievement: 'sustaining',
  statusDate: '2026-10-14',
  startDate: '2026-07-15',
  targets: [{ measure: MEASURE.pcl5, comparator: '<', value: amount(33, '{score}'), dueDate: '2027-01-13' }],
  expressedBy: 'clinician',
  addresses: [MICHAEL_PTSD, CONCERN.guilt, CONCERN.startle],
  notes: ['Below 33 since the review (31, then 29 and 27): the target is to keep it there through the January review.'],
  priority: 'high',
  objectives: [
    {
      id: 'mj-obj-impact-statement',
      description: words('Write an impact statement about what the crash means to him and read it in session'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-07-22',
      startDate: '2026-07-15',
      targets: [
        {
          measure: words('Impact statement read in session'),
          comparator: '>=',
          value: amount(1, '1'),
          dueDate: '2026-07-22',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'mj-obj-worksheets',
      description: words('Complete a CPT worksheet (ABC, then challenging questions) on most days'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-08-19',
      startDate: '2026-07-15',
      targets: [
        {
          measure: words('Worksheets completed per week'),
          comparator: '>=',
          value: amount(5, '/wk'),
          dueDate: '2026-08-19',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'mj-obj-stuck-point',
      description: words('Lower his belief in \u201cit was my fault\u201d'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-09-30',
      startDate: '2026-07-22',
      targets: [
        {
          measure: words('Belief in the stuck point \u201cit was my fault\u201d (0-100 %)'),
          comparator: '<=',
          value: amount(30, '%'),
          dueDate: '2026-09-30',
        },
      ],
      expressedBy: 'clinician',
      addresses: [CONCERN.guilt],
      notes: ['From 90 % at intake to 20 % by session 12.'],
    },
    {
      id: 'mj-obj-reminders-plan',
      description: words('Write a coping plan for reminders: sirens, the crash site and the anniversary on 18 March'),
      lifecycle: 'active',
      achievement: 'in-progress',
      statusDate: '2026-11-11',
      startDate: '2026-10-14',
      targets: [
        {
          measure: words('Coping plan for reminders written and rehearsed in session'),
          comparator: '>=',
          value: amount(1, '1'),
          dueDate: '2026-12-16',
        },
      ],
      expressedBy: 'clinician',
      addresses: [CONCERN.startle],
      notes: ['Drafted; the anniversary part is still to write.'],
    },
  ],
};

const nightmaresGoal: PlanGoal = {
  id: GOAL.nightmares,
  description: words('Sleep without nightmares on most nights'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-11-11',
  startDate: '2026-07-15',
  targets: [{ measure: MEASURE_NIGHTMARES, comparator: '<=', value: amount(1, '/wk'), dueDate: '2026-12-16' }],
  expressedBy: 'client',
  addresses: [CONCERN.nightmares, MICHAEL_PTSD],
  notes: ['One nightmare a week since late October.'],
  priority: 'high',
  objectives: [
    {
      id: 'mj-obj-sleep-diary',
      description: words('Keep a sleep diary and a fixed 6 a.m. wake time'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-08-05',
      startDate: '2026-07-15',
      targets: [
        {
          measure: words('Days per week with a diary entry'),
          comparator: '>=',
          value: amount(6, 'd/wk'),
          dueDate: '2026-08-05',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'mj-obj-prazosin',
      description: words('Take prazosin every night as his doctor prescribed'),
      lifecycle: 'active',
      achievement: 'sustaining',
      statusDate: '2026-08-31',
      startDate: '2026-07-15',
      targets: [
        {
          measure: words('Nights with prazosin taken (%)'),
          comparator: '>=',
          value: amount(90, '%'),
          dueDate: '2026-08-31',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
    {
      id: 'mj-obj-grounding',
      description: words('After a nightmare, use the grounding steps and be back in bed within 20 minutes'),
      lifecycle: 'active',
      achievement: 'improving',
      statusDate: '2026-10-14',
      startDate: '2026-08-05',
      targets: [
        {
          measure: words('Nightmares followed by grounding and return to bed (%)'),
          comparator: '>=',
          value: amount(75, '%'),
          dueDate: '2026-10-14',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
  ],
};

const drivingGoal: PlanGoal = {
  id: GOAL.driving,
  description: words('Drive the interstate again, alone, and go back to regional routes'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-11-11',
  startDate: '2026-08-19',
  targets: [{ measure: MEASURE_INTERSTATE, comparator: '>=', value: amount(3, '/wk'), dueDate: '2027-01-13' }],
  expressedBy: 'client',
  addresses: [CONCERN.avoidance, MICHAEL_PTSD],
  notes: ['Three trips in the week to 11 November, one of them past the crash site with his daughter.'],
  priority: 'medium',
  objectives: [
    {
      id: 'mj-obj-hierarchy',
      description: words('Build a driving exposure hierarchy with distress ratings (0-100)'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-08-19',
      startDate: '2026-08-05',
      targets: [
        { measure: words('Steps on the hierarchy'), comparator: '>=', value: amount(8, '1'), dueDate: '2026-08-19' },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'mj-obj-with-passenger',
      description: words('Drive a 10-mile stretch of interstate with his daughter as passenger'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-10-14',
      startDate: '2026-08-19',
      targets: [
        {
          measure: words('Accompanied interstate drives'),
          comparator: '>=',
          value: amount(2, '1'),
          dueDate: '2026-09-30',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: ['Done on 12 September and 3 October, two weeks late.'],
    },
    {
      id: 'mj-obj-alone-past-site',
      description: words('Drive past the crash site alone'),
      lifecycle: 'active',
      achievement: 'in-progress',
      statusDate: '2026-11-11',
      startDate: '2026-10-14',
      targets: [
        {
          measure: words('Solo drives past the crash site'),
          comparator: '>=',
          value: amount(1, '1'),
          dueDate: '2026-12-16',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
  ],
};

export const michaelJonesPlan: TreatmentPlan = {
  id: MICHAEL_PLAN_ID,
  status: 'active',
  intent: 'plan',
  title: 'Treatment plan: Michael Jones',
  summary:
    'Cognitive processing therapy for PTSD after a fatal highway crash in March 2024: 12 weekly sessions, then ' +
    'maintenance every two weeks, with graded driving exposure and nightmare management.',
  created: clinicTime('2026-07-15', '10:00'),
  author: ref(DANA),
  contributors: [ref(MICHAEL)],
  client: MICHAEL,
  session: {
    id: 'mj-session-2026-07-15',
    dateOfService: '2026-07-15',
    start: clinicTime('2026-07-15', '09:00'),
    end: clinicTime('2026-07-15', '10:00'),
    contactMode: 'in-person',
    placeOfService: PLACE_OF_SERVICE.office,
    serviceType: CPT.psychotherapy60,
    provider: DANA,
  },
  history: {
    occupation: 'Truck driver (long-haul until 2024; local delivery routes since)',
    psychosocialHistory:
      'In March 2024 a car crossed the median and hit his truck on the interstate; the other driver died at the ' +
      'scene and Michael was trapped in the cab for about 40 minutes. Since then: nightmares, flashbacks at ' +
      'sirens and screeching brakes, guilt (\u201cI should have seen it coming\u201d), startle and irritability. ' +
      'He gave up long-haul routes in May 2024 and lost about a third of his income. Army veteran (1988-1992, ' +
      'non-combat). Divorced since 2010; lives alone; his adult daughter Karen lives nearby and is close to him. ' +
      'Drinks a beer or two at weekends (AUDIT-C 2); no drugs. No suicidal thoughts. Primary care prescribes ' +
      'prazosin for nightmares (since January 2025) and treats his blood pressure.',
    treatmentHistory: [
      {
        id: 'mj-past-eap',
        treatment: words('Supportive counseling through his employer\u2019s assistance program, 4 sessions'),
        start: '2024-05-06',
        end: '2024-06-10',
        provider: 'Employee assistance program counselor',
        outcome: 'Helped him get back to local driving; nightmares and avoidance persisted when the sessions ran out.',
      },
      {
        id: 'mj-past-prazosin',
        treatment: words('Prazosin at bedtime for nightmares, prescribed by primary care'),
        start: '2025-01-13',
        provider: 'Primary care physician',
        outcome: 'Ongoing: nightmares down from nightly to about five a week.',
      },
    ],
    assessmentIds: [seriesId(PCL5_PREFIX, '2026-07-08'), 'mj-phq9-2026-07-08', 'mj-audit-c-2026-07-08'],
  },
  presentingConcerns: [
    {
      id: CONCERN.nightmares,
      concern: words('Nightmares about the crash four or five nights a week'),
      onset: { date: '2024-03-18' },
      status: 'active',
    },
    {
      id: CONCERN.avoidance,
      concern: words('Avoids the interstate; gave up long-haul routes and lost income'),
      onset: { text: 'May 2024' },
      status: 'active',
    },
    {
      id: CONCERN.guilt,
      concern: words('Guilt and anger: \u201cI should have seen it coming\u201d'),
      onset: { text: 'Since the crash' },
      status: 'active',
    },
    {
      id: CONCERN.startle,
      concern: words('Startles at sirens and screeching brakes; always on guard'),
      onset: { text: 'Since the crash' },
      status: 'active',
    },
  ],
  diagnoses: [
    {
      id: MICHAEL_PTSD,
      condition: DIAGNOSIS.ptsd,
      category: 'problem-list-item',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { date: '2024-03-18', text: 'After the crash on 18 March 2024' },
      role: 'focus',
      note:
        'PCL-5 58 at intake; criteria met on clinical interview. Symptoms for more than two years: F43.12 (chronic) ' +
        'is the more specific ICD-10-CM code and should replace F43.10 at the next review.',
    },
    {
      id: ACUTE_STRESS,
      condition: DIAGNOSIS.acuteStressReaction,
      category: 'problem-list-item',
      clinicalStatus: 'resolved',
      verificationStatus: 'confirmed',
      onset: { date: '2024-03-18' },
      abatement: '2024-04-30',
      role: 'comorbidity',
      note: 'Diagnosed by primary care in the weeks after the crash; superseded by PTSD.',
    },
    {
      id: HYPERTENSION,
      condition: words('Hypertension'),
      category: 'problem-list-item',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { text: '2019' },
      role: 'comorbidity',
      note: 'Managed by primary care; prazosin also lowers blood pressure, so dizziness on standing is watched.',
    },
  ],
  contract: CONTRACT,
  strengths: STRENGTHS,
  schedule: {
    modality: MODALITY.cognitiveProcessingTherapy,
    format: MODALITY.individual,
    sessionFrequency: { count: 1, per: 1, unit: 'wk' },
    sessionMinutes: 60,
    startDate: '2026-07-15',
    targetEndDate: '2027-01-13',
  },
  goals: [symptomsGoal, nightmaresGoal, drivingGoal],
  interventions: [
    {
      id: 'mj-int-cpt',
      technique: MODALITY.cognitiveProcessingTherapy,
      application:
        'Twelve weekly sessions to protocol: impact statement, ABC and challenging-questions worksheets, stuck ' +
        'points on blame and safety, then the five themes (safety, trust, power, esteem, intimacy). Maintenance ' +
        'every two weeks from October.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [
        GOAL.symptoms,
        'mj-obj-impact-statement',
        'mj-obj-worksheets',
        'mj-obj-stuck-point',
        'mj-obj-reminders-plan',
      ],
      status: 'active',
      start: '2026-07-15',
    },
    {
      id: 'mj-int-exposure',
      technique: words('Graded in vivo exposure to driving situations'),
      application:
        'Steps planned in session from his hierarchy and done between sessions, each repeated until distress ' +
        'halves; pull over and ground if a flashback starts.',
      frequency: { count: 2, per: 1, unit: 'wk' },
      performer: 'client',
      performerRef: ref(MICHAEL),
      goalIds: [GOAL.driving, 'mj-obj-hierarchy', 'mj-obj-with-passenger', 'mj-obj-alone-past-site'],
      status: 'active',
      start: '2026-08-19',
    },
    {
      id: 'mj-int-grounding',
      technique: words('Grounding skills and sleep routine for nightmares'),
      application:
        'Five-senses grounding practised in session; a fixed wake time and a wind-down routine; a card by the bed ' +
        'with the steps after a nightmare.',
      frequency: { count: 1, per: 2, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.nightmares, 'mj-obj-sleep-diary', 'mj-obj-grounding'],
      status: 'active',
      start: '2026-07-15',
    },
    {
      id: 'mj-int-primary-care',
      technique: words('Care coordination with primary care (prazosin, blood pressure)'),
      application: 'With his release, a monthly note to primary care with the nightmare count and PCL-5 trend.',
      frequency: { count: 1, per: 1, unit: 'mo' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.nightmares, 'mj-obj-prazosin'],
      status: 'active',
      start: '2026-07-15',
    },
  ],
  progress: {
    measurements: MEASUREMENTS,
    notes: [
      {
        id: 'mj-note-2026-07-22',
        date: clinicTime('2026-07-22', '10:00'),
        author: ref(DANA),
        text: 'Read his impact statement aloud: \u201cI was driving, so it was my fault.\u201d Belief 90 %. Tearful, stayed for the whole session.',
        goalId: GOAL.symptoms,
      },
      {
        id: 'mj-note-2026-09-02',
        date: clinicTime('2026-09-02', '10:00'),
        author: ref(DANA),
        text: 'Challenging questions on the blame stuck point: the other car crossed the median with no time to brake. Belief down to 45 %.',
        goalId: GOAL.symptoms,
      },
      {
        id: 'mj-note-2026-10-14',
        date: clinicTime('2026-10-14', '10:00'),
        author: ref(DANA),
        text: 'Review after the twelve CPT sessions: plan continued, sessions every two weeks; next step on the hierarchy is driving past the site alone.',
      },
      {
        id: 'mj-note-2026-11-11',
        date: clinicTime('2026-11-11', '10:00'),
        author: ref(DANA),
        text: 'Drove past the crash site with Karen; distress 70 at the start, 35 by the third pass. One nightmare this week.',
        goalId: GOAL.driving,
      },
    ],
    outcomeSummary:
      'Review on 14 October 2026 after 12 CPT sessions: PCL-5 from 58 to 31 (below the probable-PTSD range); ' +
      'PHQ-9 from 15 to 9; nightmares from 5 to 2 a week; belief in \u201cit was my fault\u201d from 90 % to 20 %. ' +
      'Driving the interstate with his daughter. Continued with maintenance sessions every two weeks.',
  },
  signatures: [
    {
      id: 'mj-sig-2026-07-15-client',
      role: 'client',
      signer: ref(MICHAEL),
      signedAt: clinicTime('2026-07-15', '09:50'),
      typedName: 'Michael Jones',
    },
    {
      id: 'mj-sig-2026-07-15-clinician',
      role: 'clinician',
      signer: ref(DANA),
      signedAt: clinicTime('2026-07-15', '10:05'),
      typedName: 'Dana Rivera, LCSW',
    },
  ],
  review: { periodStart: '2026-07-15', nextReviewDate: '2027-01-13' },
  considerations: {
    clientPreferences: [
      'Wednesday morning sessions, his day off.',
      'Prefers worksheets and skills to \u201ctalking about feelings\u201d.',
      'No medication changes beyond what his primary care physician prescribes.',
    ],
    culturalConsiderations: [
      'Army veteran (non-combat) who declined a VA referral and prefers a community clinic; respect that choice.',
      'Values self-reliance and stoicism: therapy is framed as training with a clear protocol and an end date.',
    ],
    participants: [],
  },
};
