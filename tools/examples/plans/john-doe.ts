/**
 * John Doe, 17: alcohol use disorder (mild) after an underage-possession citation; motivational interviewing, then
 * relapse prevention, with monthly family sessions with his mother. Written on 19 August 2026 in a family session,
 * reviewed on 21 October.
 */
import type { PlanGoal, TreatmentPlan } from '../../../src/plan/treatment-plan.ts';
import { CPT, DIAGNOSIS, MEASURE, MODALITY, PLACE_OF_SERVICE } from './example-codes.ts';
import { amount, clinicTime, seriesId, words } from './example-kit.ts';
import { DANA, JOHN, JOHNS_MOTHER, SUPERVISOR, ref } from './example-people.ts';
import {
  AUDIT_C_PREFIX,
  CONTRACT,
  GOAL,
  JOHN_ALCOHOL_USE,
  JOHN_PLAN_ID,
  MEASURE_ARGUMENTS,
  MEASURE_DRINKING_DAYS,
  MEASURE_GPA,
  MEASUREMENTS,
  PHQ_A_PREFIX,
  STRENGTHS,
} from './john-doe-record.ts';

const LOW_MOOD = 'jd-depressive-symptoms';
const CONCUSSION = 'jd-concussion-2025';
const CONCERN = {
  drinking: 'jd-concern-drinking',
  citation: 'jd-concern-citation',
  home: 'jd-concern-home',
  grades: 'jd-concern-grades',
} as const;

const drinkingGoal: PlanGoal = {
  id: GOAL.drinking,
  description: words('No drinking, at least through the end of the school year'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-11-18',
  startDate: '2026-08-19',
  targets: [
    { measure: MEASURE_DRINKING_DAYS, comparator: '=', value: amount(0, 'd/wk'), dueDate: '2026-11-30' },
    { measure: MEASURE.auditC, comparator: '<=', value: amount(2, '{score}'), dueDate: '2026-12-16' },
  ],
  expressedBy: 'client',
  addresses: [JOHN_ALCOHOL_USE, CONCERN.drinking, CONCERN.citation],
  notes: [
    'At intake John wanted to \u201ccut down to weekends\u201d; after the decisional balance in September he chose not to drink at all until the end of the school year.',
    'No drinking in the four weeks to 18 November.',
  ],
  priority: 'high',
  objectives: [
    {
      id: 'jd-obj-decisional-balance',
      description: words('Weigh the pros and cons of drinking, in his own words'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-09-09',
      startDate: '2026-08-19',
      targets: [
        {
          measure: words('Decisional balance completed with Dana'),
          comparator: '>=',
          value: amount(1, '1'),
          dueDate: '2026-09-09',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
    {
      id: 'jd-obj-high-risk',
      description: words('Name his high-risk situations and a plan for each'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-09-23',
      startDate: '2026-09-09',
      targets: [
        {
          measure: words('High-risk situations with a written plan'),
          comparator: '>=',
          value: amount(3, '1'),
          dueDate: '2026-09-23',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: ['Parties after games, a teammate\u2019s basement on Fridays, family gatherings where cousins drink.'],
    },
    {
      id: 'jd-obj-sober-parties',
      description: words('Go to a party after a game without drinking'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-10-31',
      startDate: '2026-09-23',
      targets: [
        {
          measure: words('Parties attended without drinking'),
          comparator: '>=',
          value: amount(2, '1'),
          dueDate: '2026-10-31',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: ['Brought his own soda and left by 10:30 both times.'],
    },
    {
      id: 'jd-obj-holiday-plan',
      description: words('A written plan for each holiday gathering where relatives drink'),
      lifecycle: 'active',
      achievement: 'in-progress',
      statusDate: '2026-11-18',
      startDate: '2026-11-18',
      targets: [
        {
          measure: words('Holiday gatherings with a written plan'),
          comparator: '>=',
          value: amount(2, '1'),
          dueDate: '2026-12-16',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: ['Thanksgiving at his uncle\u2019s planned: he drives himself, and leaves when the card games start.'],
    },
  ],
};

const homeGoal: PlanGoal = {
  id: GOAL.home,
  description: words('Get along with his mother and earn back her trust'),
  lifecycle: 'active',
  achievement: 'improving',
  statusDate: '2026-11-04',
  startDate: '2026-08-19',
  targets: [{ measure: MEASURE_ARGUMENTS, comparator: '<=', value: amount(1, '/wk'), dueDate: '2026-12-16' }],
  expressedBy: 'family',
  addresses: [CONCERN.home],
  notes: ['Phone checks stopped in October, as agreed in the family session.'],
  priority: 'medium',
  objectives: [
    {
      id: 'jd-obj-sunday-check-in',
      description: words('A 15-minute check-in with his mother every Sunday'),
      lifecycle: 'active',
      achievement: 'achieved',
      statusDate: '2026-09-30',
      startDate: '2026-08-23',
      targets: [
        { measure: words('Check-ins per week'), comparator: '>=', value: amount(1, '/wk'), dueDate: '2026-09-30' },
      ],
      expressedBy: 'family',
      addresses: [],
      notes: [],
    },
    {
      id: 'jd-obj-curfew',
      description: words('Home by curfew (11 p.m. on weekends, 9:30 p.m. on school nights)'),
      lifecycle: 'active',
      achievement: 'improving',
      statusDate: '2026-10-21',
      startDate: '2026-08-19',
      targets: [
        {
          measure: words('Nights per week home by curfew'),
          comparator: '>=',
          value: amount(6, '/wk'),
          dueDate: '2026-10-21',
        },
      ],
      expressedBy: 'family',
      addresses: [],
      notes: ['Five or six nights most weeks.'],
    },
  ],
};

const schoolGoal: PlanGoal = {
  id: GOAL.school,
  description: words('Pass every class and raise his grades to stay eligible for baseball'),
  lifecycle: 'active',
  achievement: 'achieved',
  statusDate: '2026-11-18',
  startDate: '2026-08-19',
  targets: [{ measure: MEASURE_GPA, comparator: '>=', value: amount(2.5, '1'), dueDate: '2026-12-18' }],
  expressedBy: 'client',
  addresses: [CONCERN.grades],
  notes: ['2.6 at mid-November; the target is to hold it to the end of the semester on 18 December.'],
  priority: 'medium',
  objectives: [
    {
      id: 'jd-obj-tutoring',
      description: words('Go to after-school tutoring'),
      lifecycle: 'active',
      achievement: 'achieved',
      statusDate: '2026-09-30',
      startDate: '2026-08-26',
      targets: [
        {
          measure: words('Tutoring sessions per week'),
          comparator: '>=',
          value: amount(2, '/wk'),
          dueDate: '2026-09-30',
        },
      ],
      expressedBy: 'client',
      addresses: [],
      notes: [],
    },
    {
      id: 'jd-obj-missing-work',
      description: words('Catch up on missing assignments'),
      lifecycle: 'completed',
      achievement: 'achieved',
      statusDate: '2026-10-21',
      startDate: '2026-08-26',
      targets: [
        {
          measure: words('Missing assignments on the school portal'),
          comparator: '<=',
          value: amount(2, '1'),
          dueDate: '2026-10-21',
        },
      ],
      expressedBy: 'clinician',
      addresses: [],
      notes: [],
    },
  ],
};

export const johnDoePlan: TreatmentPlan = {
  id: JOHN_PLAN_ID,
  status: 'active',
  intent: 'plan',
  title: 'Treatment plan: John Doe',
  summary:
    'Weekly motivational interviewing, then alcohol relapse prevention, for a 17-year-old with mild alcohol use ' +
    'disorder, with monthly family sessions with his mother and school coordination.',
  created: clinicTime('2026-08-19', '16:50'),
  author: ref(DANA),
  contributors: [ref(JOHN), ref(JOHNS_MOTHER), ref(SUPERVISOR)],
  client: JOHN,
  session: {
    id: 'jd-session-2026-08-19',
    dateOfService: '2026-08-19',
    start: clinicTime('2026-08-19', '16:00'),
    end: clinicTime('2026-08-19', '16:50'),
    contactMode: 'in-person',
    placeOfService: PLACE_OF_SERVICE.office,
    serviceType: CPT.familyWithClient,
    provider: DANA,
  },
  history: {
    occupation: 'High-school senior; works Saturdays at a hardware store',
    psychosocialHistory:
      'Lives with his mother Jane, a nurse, and his sister, 13. His parents divorced in 2018; his father has an ' +
      'alcohol use disorder and sees John a few times a year. Plays varsity baseball. Started drinking at 15 at ' +
      'team parties; since spring 2026 binge drinking most weekends (5 to 8 beers or shots), one blackout in July, ' +
      'once rode with a driver who had been drinking. Cited for underage possession at a party on 1 August 2026; ' +
      'the county youth diversion program requires counseling. Tried cannabis twice, none since spring. Grades ' +
      'fell from Bs to Cs and Ds in spring 2026. No suicidal thoughts or self-harm. Referred by his school ' +
      'counselor and the diversion program; intake with his mother on 12 August 2026.',
    treatmentHistory: [
      {
        id: 'jd-past-school-counselor',
        treatment: words('Check-ins with the school counselor about falling grades'),
        start: '2026-04-13',
        end: '2026-06-01',
        provider: 'School counselor',
        outcome: 'Three meetings; drinking was not discussed.',
      },
      {
        id: 'jd-past-alcohol-class',
        treatment: words('Alcohol education class (youth diversion program), 4 hours'),
        start: '2026-08-08',
        end: '2026-08-08',
        provider: 'County youth diversion program',
        outcome: 'Completed; he called it \u201ca lecture\u201d.',
      },
    ],
    assessmentIds: [seriesId(AUDIT_C_PREFIX, '2026-08-12'), seriesId(PHQ_A_PREFIX, '2026-08-12')],
  },
  presentingConcerns: [
    {
      id: CONCERN.drinking,
      concern: words('Binge drinking most weekends with teammates; one blackout in July'),
      onset: { text: 'Spring 2026 (drinking since 15)' },
      status: 'active',
    },
    {
      id: CONCERN.citation,
      concern: words('Cited for underage possession of alcohol; diversion program requires counseling'),
      onset: { date: '2026-08-01' },
      status: 'active',
    },
    {
      id: CONCERN.home,
      concern: words('Arguments with his mother about drinking, curfew and his phone'),
      onset: { text: 'Spring 2026' },
      status: 'active',
    },
    {
      id: CONCERN.grades,
      concern: words('Falling grades; at risk of losing baseball eligibility'),
      onset: { text: 'Spring 2026' },
      status: 'active',
    },
  ],
  diagnoses: [
    {
      id: JOHN_ALCOHOL_USE,
      condition: DIAGNOSIS.alcoholUseMild,
      category: 'encounter-diagnosis',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      onset: { text: 'Spring 2026' },
      role: 'focus',
      note:
        'DSM-5 alcohol use disorder, mild: three criteria (drinks more than he means to, keeps drinking despite ' +
        'conflict at home, drinking in hazardous situations). ICD-10-CM codes mild alcohol use disorder as F10.10.',
    },
    {
      id: LOW_MOOD,
      condition: words('Depressive symptoms below the threshold of a depressive disorder'),
      category: 'encounter-diagnosis',
      clinicalStatus: 'active',
      verificationStatus: 'provisional',
      onset: { text: 'Summer 2026' },
      role: 'comorbidity',
      note: 'PHQ-A 11 at intake. Monitored monthly; evaluate for a depressive disorder if it reaches 15 or he reports self-harm.',
    },
    {
      id: CONCUSSION,
      condition: words('Concussion while playing baseball'),
      category: 'problem-list-item',
      clinicalStatus: 'resolved',
      verificationStatus: 'confirmed',
      onset: { date: '2025-04-12' },
      abatement: '2025-05-20',
      role: 'comorbidity',
      note: 'Recovered. Part of the psychoeducation: alcohol and a recent head injury are a poor mix for an athlete.',
    },
  ],
  contract: CONTRACT,
  strengths: STRENGTHS,
  schedule: {
    modality: MODALITY.motivationalInterviewing,
    format: MODALITY.individual,
    sessionFrequency: { count: 1, per: 1, unit: 'wk' },
    sessionMinutes: 45,
    startDate: '2026-08-19',
    targetEndDate: '2027-02-17',
  },
  goals: [drinkingGoal, homeGoal, schoolGoal],
  interventions: [
    {
      id: 'jd-int-mi',
      technique: MODALITY.motivationalInterviewing,
      application:
        'Open questions and reflections; decisional balance; developing the gap between drinking and baseball, his ' +
        'mother\u2019s trust and not becoming like his father; a change plan written in his own words.',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.drinking, 'jd-obj-decisional-balance'],
      status: 'active',
      start: '2026-08-19',
    },
    {
      id: 'jd-int-relapse-prevention',
      technique: MODALITY.alcoholRelapsePrevention,
      application:
        'From his commitment in September: high-risk situations, refusal skills rehearsed in role-play, a coping ' +
        'card, and a plan for a slip (stop, call, talk about it next session).',
      frequency: { count: 1, per: 1, unit: 'wk' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.drinking, 'jd-obj-high-risk', 'jd-obj-sober-parties', 'jd-obj-holiday-plan'],
      status: 'active',
      start: '2026-09-23',
    },
    {
      id: 'jd-int-family',
      technique: MODALITY.family,
      application:
        'Monthly 50-minute session with John and his mother: listening without lecturing, the Sunday check-in, ' +
        'curfew, the safe-ride agreement and ending phone checks as trust returns.',
      frequency: { count: 1, per: 1, unit: 'mo' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.home, 'jd-obj-sunday-check-in', 'jd-obj-curfew'],
      status: 'active',
      start: '2026-08-19',
    },
    {
      id: 'jd-int-school',
      technique: words('Coordination with the school counselor'),
      application:
        'With releases signed by John and his mother: a monthly call about attendance, tutoring and eligibility; ' +
        'nothing about what he says in sessions.',
      frequency: { count: 1, per: 1, unit: 'mo' },
      performer: 'clinician',
      performerRef: ref(DANA),
      goalIds: [GOAL.school, 'jd-obj-tutoring', 'jd-obj-missing-work'],
      status: 'active',
      start: '2026-08-26',
    },
  ],
  progress: {
    measurements: MEASUREMENTS,
    notes: [
      {
        id: 'jd-note-2026-09-09',
        date: clinicTime('2026-09-09', '16:50'),
        author: ref(DANA),
        text: 'Decisional balance: \u201cIf I get another ticket I\u2019m off the team.\u201d Chose no drinking until the end of the school year.',
        goalId: GOAL.drinking,
      },
      {
        id: 'jd-note-2026-09-16',
        date: clinicTime('2026-09-16', '16:50'),
        author: ref(DANA),
        text: 'Family session: agreed the Sunday check-in and the safe-ride agreement; Jane will stop checking his phone if the check-ins hold for a month.',
        goalId: GOAL.home,
      },
      {
        id: 'jd-note-2026-10-21',
        date: clinicTime('2026-10-21', '16:50'),
        author: ref(DANA),
        text: 'Review with John and Jane: plan continued. One slip on 17 October, handled with his plan (stopped at two, called his mother). Co-signed by Dr. Okafor.',
      },
      {
        id: 'jd-note-2026-11-18',
        date: clinicTime('2026-11-18', '16:50'),
        author: ref(DANA),
        text: 'No drinking for four weeks. GPA 2.6. Asked to keep weekly sessions through the holidays, a high-risk time.',
        goalId: GOAL.drinking,
      },
    ],
    outcomeSummary:
      'Review on 21 October 2026 (10 individual and 3 family sessions): drinking days from 3 to 1 a week with one ' +
      'slip handled by his plan; AUDIT-C from 8 to 4; PHQ-A from 11 to 7; arguments at home from 4 to 2 a week. ' +
      'Continued unchanged. By 18 November: no drinking for four weeks and a GPA of 2.6.',
  },
  signatures: [
    {
      id: 'jd-sig-2026-08-19-guardian',
      role: 'guardian',
      signer: ref(JOHNS_MOTHER),
      signedAt: clinicTime('2026-08-19', '16:45'),
      typedName: 'Jane Doe',
    },
    {
      id: 'jd-sig-2026-08-19-client',
      role: 'client',
      signer: ref(JOHN),
      signedAt: clinicTime('2026-08-19', '16:46'),
      typedName: 'John Doe',
    },
    {
      id: 'jd-sig-2026-08-19-clinician',
      role: 'clinician',
      signer: ref(DANA),
      signedAt: clinicTime('2026-08-19', '16:50'),
      typedName: 'Dana Rivera, LCSW',
    },
    {
      id: 'jd-sig-2026-08-20-supervisor',
      role: 'supervisor',
      signer: ref(SUPERVISOR),
      signedAt: clinicTime('2026-08-20', '09:15'),
      typedName: 'Samuel Okafor, PsyD',
    },
  ],
  review: { periodStart: '2026-08-19', nextReviewDate: '2026-12-16' },
  considerations: {
    clientPreferences: [
      'Wednesday sessions at 4 p.m., after school, so he misses no class and little practice.',
      'Part of every family session without his mother in the room.',
      'Reminders by text message.',
    ],
    culturalConsiderations: [
      'A small-town team culture where drinking after games is normal: not drinking means a new place among his friends, so his own reasons lead, not lectures.',
      'His father\u2019s drinking is rarely spoken of at home; it is raised gently and only as far as John wants.',
    ],
    participants: [
      { id: 'jd-participant-mother', person: ref(JOHNS_MOTHER), relationship: 'Mother and legal guardian' },
    ],
  },
};
