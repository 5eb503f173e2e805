/**
 * John Doe's measurements, strengths and treatment contract (his plan is in john-doe.ts). He is 17: his mother
 * consents as his guardian, he assents, and the clinical director co-signs. PHQ tracking uses the version for
 * teens (PHQ-A, LOINC 89204-2); AUDIT-C is asked about the past month to follow change.
 */
import type { Measurement, Strength, TreatmentContract } from '../../../src/plan/treatment-plan.ts';
import { MEASURE, MODALITY } from './example-codes.ts';
import { clinicTime, series, words } from './example-kit.ts';
import { DANA, JOHNS_MOTHER, SUPERVISOR, ref } from './example-people.ts';
import { signedContract } from './signed-document.ts';

export const JOHN_PLAN_ID = 'fb7d092a-362e-4113-8ab5-660fb4bdc30d';
/** The diagnosis is the EHR's record of the intake diagnosis (src/sandbox/seed/conditions.ts, same id). */
export const JOHN_ALCOHOL_USE = 'john-doe-alcohol-use';

export const GOAL = { drinking: 'jd-goal-drinking', home: 'jd-goal-home', school: 'jd-goal-school' } as const;

export const MEASURE_DRINKING_DAYS = words('Drinking days per week (timeline follow-back)');
export const MEASURE_ARGUMENTS = words('Arguments with his mother per week (both report)');
export const MEASURE_GPA = words('Grade point average, semester to date (0-4)');

export const AUDIT_C_PREFIX = 'jd-audit-c';
export const PHQ_A_PREFIX = 'jd-phq-a';

const drinkingDays = series({
  idPrefix: 'jd-drinking-days',
  measure: MEASURE_DRINKING_DAYS,
  unit: 'd/wk',
  start: '2026-08-12',
  everyDays: 14,
  time: '16:05',
  values: [3, 3, 2, 2, 1, 1, 0, 0],
  goalId: GOAL.drinking,
  notes: {
    '2026-10-21': 'One slip: drank at a cousin\u2019s party on 17 October, stopped at two beers and called for a ride.',
    '2026-11-04': 'No drinking for two weeks, his longest stretch since he was 15.',
  },
});

const auditC = series({
  idPrefix: AUDIT_C_PREFIX,
  measure: MEASURE.auditC,
  unit: '{score}',
  start: '2026-08-12',
  everyDays: 28,
  time: '16:06',
  values: [8, 6, 4, 2],
  goalId: GOAL.drinking,
  notes: { '2026-08-12': 'Positive screen (3 or more is positive for adolescents).' },
});

const phqA = series({
  idPrefix: PHQ_A_PREFIX,
  measure: MEASURE.phq9Teens,
  unit: '{score}',
  start: '2026-08-12',
  everyDays: 28,
  time: '16:07',
  values: [11, 9, 7, 5],
  notes: { '2026-08-12': 'Item 9 (thoughts of self-harm) scored 0.' },
});

const arguments_ = series({
  idPrefix: 'jd-arguments',
  measure: MEASURE_ARGUMENTS,
  unit: '/wk',
  start: '2026-08-12',
  everyDays: 28,
  time: '16:08',
  values: [4, 3, 2, 1],
  goalId: GOAL.home,
});

const gpa = series({
  idPrefix: 'jd-gpa',
  measure: MEASURE_GPA,
  unit: '1',
  start: '2026-09-23',
  everyDays: 28,
  time: '16:09',
  values: [2.0, 2.3, 2.6],
  goalId: GOAL.school,
});

export const MEASUREMENTS: readonly Measurement[] = [...drinkingDays, ...auditC, ...phqA, ...arguments_, ...gpa];

export const STRENGTHS: readonly Strength[] = [
  {
    id: 'jd-strength-baseball',
    description: 'Committed to baseball and wants to stay eligible for the spring season',
    use: 'His main reason to change: sessions draw out his own words about baseball and drinking.',
  },
  {
    id: 'jd-strength-mother',
    description: 'Close to his mother despite the arguments',
    use: 'Family sessions rebuild trust; she backs the safe-ride agreement.',
  },
  {
    id: 'jd-strength-honesty',
    description: 'Honest about his drinking once he trusts that it stays in the room',
    use: 'Accurate drinking logs, so slips are caught early and learned from.',
  },
  {
    id: 'jd-strength-job',
    description: 'Works Saturdays at a hardware store and is proud of it',
    use: 'Structure on the weekend, his riskiest time, and a sober identity outside the team.',
  },
];

const GUARDIAN_SIGNED = clinicTime('2026-08-19', '16:45');

export const CONTRACT: TreatmentContract = {
  goalsForChange: [
    'I don\u2019t want to get kicked off the team.',
    'I want my mom to trust me again and stop checking my phone.',
    'I don\u2019t want to end up like my dad.',
  ],
  responsibilities: [
    {
      id: 'jd-resp-attend',
      party: 'client',
      description: 'Come to weekly sessions after school and keep an honest drinking log.',
    },
    {
      id: 'jd-resp-location',
      party: 'client',
      description:
        'Text his mother where he is on Friday and Saturday nights, and call for a ride rather than ride with a driver who has been drinking.',
    },
    {
      id: 'jd-resp-sessions',
      party: 'clinician',
      person: ref(DANA),
      description: 'Weekly individual sessions, a family session each month, AUDIT-C and PHQ-A monthly.',
    },
    {
      id: 'jd-resp-confidentiality',
      party: 'clinician',
      person: ref(DANA),
      description:
        'Keep what John says in individual sessions confidential except for a risk to his safety or someone else\u2019s, as explained to both.',
    },
    {
      id: 'jd-resp-school',
      party: 'clinician',
      person: ref(DANA),
      description:
        'With releases signed by John and his mother (42 CFR Part 2), update the school counselor monthly and tell the diversion program about attendance only.',
    },
    {
      id: 'jd-resp-home',
      party: 'family',
      person: ref(JOHNS_MOTHER),
      description:
        'Keep alcohol locked away at home, join the monthly family session, and hold a 15-minute check-in every Sunday.',
    },
    {
      id: 'jd-resp-safe-ride',
      party: 'family',
      person: ref(JOHNS_MOTHER),
      description:
        'Safe-ride agreement: pick John up whenever he calls, no questions that night; talk about it the next day.',
    },
  ],
  consent: {
    id: 'jd-consent-2026-08-19',
    status: 'active',
    dateTime: GUARDIAN_SIGNED,
    decision: 'permit',
    grantor: ref(JOHNS_MOTHER),
    start: '2026-08-19',
    end: '2027-08-18',
    modalities: [
      MODALITY.motivationalInterviewing,
      MODALITY.alcoholRelapsePrevention,
      MODALITY.individual,
      MODALITY.family,
    ],
    document: signedContract({
      title: 'Consent to treatment (minor), assent and treatment contract',
      client: 'John Doe, age 17 (MRN SB-100004)',
      body: [
        'I, Jane Doe, mother and legal guardian of John Doe, consent to motivational interviewing,',
        'alcohol relapse prevention and family therapy with Dana Rivera, LCSW, from 19 August 2026.',
        'State law lets John consent to alcohol counseling himself; he chose to involve his mother.',
        'I, John Doe, agree to this plan (assent). We both understand the limits of confidentiality.',
      ],
      signedBy: [
        `Jane Doe (guardian) ${GUARDIAN_SIGNED}`,
        `John Doe (client, assent) ${clinicTime('2026-08-19', '16:46')}`,
        `Dana Rivera, LCSW (clinician) ${clinicTime('2026-08-19', '16:50')}`,
        `${SUPERVISOR.name}, ${SUPERVISOR.credentials.join(', ')} (clinical director) ${clinicTime('2026-08-20', '09:15')}`,
      ],
      created: GUARDIAN_SIGNED,
    }),
  },
};
