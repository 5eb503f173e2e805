/**
 * What both of George Smith's plans share: his history, measurements, strengths and treatment contract. His first
 * plan (written at intake on 1 June 2026) was reviewed on 24 August and replaced by a revised plan that carries
 * the mood and sleep goals over (george-smith-initial.ts, george-smith.ts).
 */
import type {
  HistoryAndAssessment,
  Measurement,
  PlanConsiderations,
  Strength,
  TreatmentContract,
} from '../../../src/plan/treatment-plan.ts';
import { MEASURE, MODALITY } from './example-codes.ts';
import { amount, clinicTime, series, words } from './example-kit.ts';
import { DANA, GEORGE, ref } from './example-people.ts';
import { signedContract } from './signed-document.ts';

export const GEORGE_INITIAL_PLAN_ID = '20765f30-dc0f-42ed-8ec1-2bad60f5e4d9';
export const GEORGE_REVISED_PLAN_ID = 'b97ea4fe-e2d7-47d6-8150-ec92f7c1a08c';

/** The diagnosis is the EHR's problem-list entry (src/sandbox/seed/conditions.ts has the same id). */
export const GEORGE_DEPRESSION = 'george-smith-depression';

export const GOAL = {
  mood: 'gs-goal-mood',
  sleep: 'gs-goal-sleep',
  activities: 'gs-goal-activities',
  work: 'gs-goal-work',
} as const;

export const MEASURE_SLEEP = words('Average hours of sleep per night (sleep diary, past week)');
export const MEASURE_TEACHING_DAYS = words('Full teaching days per week');
export const MEASURE_ACTIVITIES = words('Planned pleasant activities completed per week (activity log)');

/** PHQ-9 every two weeks from intake (severe) to mid-November (mild). */
export const PHQ9_PREFIX = 'gs-phq9';
const phq9 = series({
  idPrefix: PHQ9_PREFIX,
  measure: MEASURE.phq9,
  unit: '{score}',
  start: '2026-06-01',
  everyDays: 14,
  time: '10:05',
  values: [20, 19, 18, 17, 16, 14, 13, 12, 11, 10, 9, 8, 7],
  goalId: GOAL.mood,
  notes: {
    '2026-06-01': 'Item 9 scored 1 (passive thoughts of death several days); no plan or intent. Safety plan written.',
    '2026-07-13': 'Item 9 scored 0 for the second time running.',
    '2026-08-24': 'Review: moderate range; mood goal not met, carried into the revised plan.',
    '2026-10-19': 'First score in the mild range.',
  },
});

const sleep = series({
  idPrefix: 'gs-sleep-hours',
  measure: MEASURE_SLEEP,
  unit: 'h',
  start: '2026-06-01',
  everyDays: 28,
  time: '10:08',
  values: [4.5, 5, 5.25, 5.5, 6, 6.5, 6.75],
  goalId: GOAL.sleep,
});

const activities = series({
  idPrefix: 'gs-activities',
  measure: MEASURE_ACTIVITIES,
  unit: '/wk',
  start: '2026-06-01',
  everyDays: 14,
  time: '10:10',
  values: [1, 2, 2, 3, 4, 4, 5],
  goalId: GOAL.activities,
});

const teaching = series({
  idPrefix: 'gs-teaching-days',
  measure: MEASURE_TEACHING_DAYS,
  unit: 'd/wk',
  start: '2026-08-24',
  everyDays: 14,
  time: '10:10',
  values: [2, 2, 3, 3, 4, 5, 5],
  goalId: GOAL.work,
});

const auditC: Measurement = {
  id: 'gs-audit-c-2026-06-01',
  measure: MEASURE.auditC,
  value: amount(1, '{score}'),
  date: clinicTime('2026-06-01', '10:06'),
  note: 'Screening at intake: one or two beers a month; no misuse.',
};

/** Measurements up to the August review (the first plan's progress). */
export const MEASUREMENTS_TO_REVIEW: readonly Measurement[] = [
  ...phq9.filter((m) => m.date < '2026-08-25'),
  ...sleep.filter((m) => m.date < '2026-08-25'),
  ...activities,
  auditC,
];

/**
 * The revised plan's progress: every measurement from intake to mid-November of the goals it carries or adds
 * (the activity log belongs to the achieved activity goal, which stays with the first plan).
 */
export const MEASUREMENTS_SINCE_INTAKE: readonly Measurement[] = [...phq9, ...sleep, ...teaching, auditC];

export const HISTORY_BASE: Omit<HistoryAndAssessment, 'assessmentIds'> = {
  occupation: 'High-school history teacher',
  psychosocialHistory:
    'Married for 19 years; two children aged 15 and 12. His father died in January 2026 after a long illness; ' +
    'George was his main caregiver during the last year and did not take time to grieve. Close to his younger ' +
    'brother, who lives nearby. Took medical leave for the last three weeks of the 2025-26 school year. Two ' +
    'earlier depressive episodes (2015, during his mother\u2019s cancer treatment, and 2019), both remitted with ' +
    'sertraline and, in 2015, counseling. His mother was treated for depression. Drinks one or two beers a month; ' +
    'no drug use. Primary care restarted sertraline 50 mg on 18 May 2026 and referred him for psychotherapy after ' +
    'a PHQ-9 of 19. At intake he reported passive thoughts of death without plan or intent; a safety plan was ' +
    'written that day.',
  treatmentHistory: [
    {
      id: 'gs-past-sertraline-2015',
      treatment: words('Sertraline, prescribed by primary care'),
      start: '2015-03-02',
      end: '2016-04-29',
      provider: 'Primary care physician',
      outcome: 'Full remission within four months; tapered off after a year without relapse.',
    },
    {
      id: 'gs-past-counseling-2015',
      treatment: { text: 'Individual supportive counseling, 8 sessions', codes: MODALITY.individual.codes },
      start: '2015-04-06',
      end: '2015-06-22',
      provider: 'Employee assistance program counselor',
      outcome: 'Helped him cope with his mother\u2019s illness; ended when the sessions the program covered ran out.',
    },
    {
      id: 'gs-past-sertraline-2019',
      treatment: words('Sertraline, restarted by primary care'),
      start: '2019-10-14',
      end: '2020-09-30',
      provider: 'Primary care physician',
      outcome: 'Remission in about three months; no therapy that time.',
    },
  ],
};

export const STRENGTHS: readonly Strength[] = [
  {
    id: 'gs-strength-insight',
    description: 'Insightful and motivated: asked his doctor for therapy himself',
    use: 'Sets the session agenda with Dana and designs his own behavioural experiments.',
  },
  {
    id: 'gs-strength-family',
    description: 'Supportive wife and a close younger brother',
    use: 'His brother is his walking partner; his wife helps him keep the evening wind-down routine.',
  },
  {
    id: 'gs-strength-planning',
    description: 'Twenty years of lesson planning: organised and good at breaking tasks into steps',
    use: 'Plans his week of activities, and the phased return to teaching, like a unit of lessons.',
  },
  {
    id: 'gs-strength-interests',
    description: 'Enjoyed woodworking and fishing before this episode',
    use: 'The first entries on his pleasant-activity list.',
  },
];

const CONTRACT_SIGNED_AT = clinicTime('2026-06-01', '10:50');

export const CONTRACT: TreatmentContract = {
  goalsForChange: [
    'I want to get out of bed in the morning and want to do things again.',
    'I want to sleep through the night.',
    'I want to teach a full week without feeling like I\u2019m drowning.',
  ],
  responsibilities: [
    {
      id: 'gs-resp-attend',
      party: 'client',
      description: 'Attend weekly sessions; give 24 hours\u2019 notice if he has to cancel.',
    },
    {
      id: 'gs-resp-homework',
      party: 'client',
      description: 'Do the week\u2019s practice (mood log, activity plan, thought records, sleep diary) and bring it.',
    },
    {
      id: 'gs-resp-safety',
      party: 'client',
      description:
        'Use his safety plan; call or text 988, or go to the emergency department, if thoughts of death return with any intent.',
    },
    {
      id: 'gs-resp-sessions',
      party: 'clinician',
      person: ref(DANA),
      description:
        'Provide weekly 60-minute CBT sessions, give the PHQ-9 every two weeks and go over the graph with George.',
    },
    {
      id: 'gs-resp-coordinate',
      party: 'clinician',
      person: ref(DANA),
      description:
        'With George\u2019s written release, update his primary care physician monthly about his progress and medication.',
    },
    {
      id: 'gs-resp-family',
      party: 'family',
      person: { name: 'Linda Smith' },
      description: 'His wife Linda joins the evening wind-down routine and walks with him when his brother cannot.',
    },
  ],
  consent: {
    id: 'gs-consent-2026-06-01',
    status: 'active',
    dateTime: CONTRACT_SIGNED_AT,
    decision: 'permit',
    grantor: ref(GEORGE),
    start: '2026-06-01',
    end: '2027-05-31',
    modalities: [MODALITY.cbt, MODALITY.individual],
    document: signedContract({
      title: 'Consent to treatment and treatment contract',
      client: 'George Smith (MRN SB-100001)',
      body: [
        'I agree to individual cognitive behavioral therapy with Dana Rivera, LCSW,',
        'weekly, 60 minutes, from 1 June 2026 for up to one year, and to the plan we wrote.',
        'I know I can stop treatment at any time, and what confidentiality means and its limits.',
      ],
      signedBy: [
        `George Smith (client) ${CONTRACT_SIGNED_AT}`,
        `Dana Rivera, LCSW (clinician) ${clinicTime('2026-06-01', '10:52')}`,
      ],
      created: CONTRACT_SIGNED_AT,
    }),
  },
};

export const CONSIDERATIONS: PlanConsiderations = {
  clientPreferences: [
    'Monday morning sessions while on a reduced teaching load.',
    'Practice assignments in writing, handed to him at the end of each session.',
    'Wants to stay on sertraline rather than change medication.',
    'Does not want the school told his diagnosis: work letters say \u201ca medical condition\u201d only.',
  ],
  culturalConsiderations: [
    'Raised in a Lutheran family; his church community supports him, and he wants grief for his father to make room for his faith.',
    'Sees depression as weakness (\u201cmen in my family just get on with it\u201d); psychoeducation frames it as a treatable medical condition.',
  ],
  participants: [],
};
