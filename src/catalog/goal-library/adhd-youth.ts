/** Starting goals for ADHD in children and teens: schoolwork, home routines, and frustration. */
import { MEASURE as M } from './measures.ts';
import { describedTechnique, snomedTechnique } from './techniques.ts';
import { DAILY, MONTHLY, UNIT, WEEKLY, target, type LibraryEntry } from './template.ts';

export const ADHD_YOUTH: LibraryEntry = {
  id: 'adhd-youth',
  title: 'ADHD in youth',
  summary: 'A child or teen with inattention, disorganisation, impulsivity or hyperactivity at school and at home.',
  suggestedDiagnoses: ['F90.0', 'F90.1', 'F90.2', 'F90.9', 'F91.3'],
  goals: [
    {
      id: 'adhd-youth/schoolwork',
      description: 'Hand in schoolwork complete and on time',
      priority: 'high',
      targets: [target(M.homeworkTurnedIn, '>=', 90, UNIT.percent, 12)],
      objectives: [
        {
          description: 'Use a daily planner that a parent and a teacher check',
          targets: [target(M.plannerChecked, '>=', 80, UNIT.percent, 4)],
        },
        {
          description: 'Start homework at the agreed time and work in short blocks with breaks',
          targets: [target(M.homeworkOnTime, '>=', 4, UNIT.daysPerWeek, 6)],
        },
      ],
      interventions: [
        {
          technique: describedTechnique('Organisation and planning skills training'),
          application:
            'Teach the young person to use a planner, checklists and a set homework routine; go over the planner with a parent at the end of each session.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Daily report card between home and school'),
          application:
            'The teacher rates three to five target behaviours each school day; the parent gives agreed rewards at home for good ratings.',
          frequency: DAILY,
          performer: 'other',
          serves: [0],
        },
        {
          technique: describedTechnique('Liaison with school'),
          application:
            'Talk with the school about classroom accommodations (seating, breaking up tasks, extra time) and a formal support plan where needed.',
          frequency: MONTHLY,
          performer: 'clinician',
        },
      ],
    },
    {
      id: 'adhd-youth/home-routines',
      description: 'Follow home routines and instructions with fewer battles',
      targets: [target(M.firstTimeCompliance, '>=', 70, UNIT.percent, 12)],
      objectives: [
        {
          description: 'The parent gives short single-step instructions and names good behaviour when it happens',
          targets: [target(M.labelledPraise, '>=', 5, UNIT.timesPerDay, 4)],
        },
        {
          description: 'Finish the morning and bedtime routines with a points chart',
          targets: [target(M.routineDays, '>=', 5, UNIT.daysPerWeek, 8)],
        },
      ],
      interventions: [
        {
          technique: describedTechnique('Behavioural parent training'),
          application:
            'Weekly parent sessions: special time and praise, effective instructions, a points chart, ignoring minor misbehaviour, and calm, consistent consequences.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Points chart and praise at home'),
          application: 'The parent runs the points chart daily and notes how instructions were followed.',
          frequency: DAILY,
          performer: 'family',
          serves: [0, 1],
        },
      ],
    },
    {
      id: 'adhd-youth/frustration',
      description: 'Handle frustration without outbursts',
      targets: [target(M.outbursts, '<=', 2, UNIT.timesPerWeek, 12)],
      objectives: [
        {
          description: 'Name three early signs of getting frustrated and a calming step for each',
          targets: [],
        },
        {
          description: 'Use a calming step when an adult prompts it',
          targets: [target(M.calmingStepUse, '>=', 60, UNIT.percent, 8)],
        },
      ],
      interventions: [
        {
          technique: snomedTechnique('cbt', 'CBT for anger and impulsivity'),
          application:
            'Teach feelings identification, a stop-think-act routine and problem-solving, with role play of the situations that set off outbursts.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Referral for medication evaluation'),
          application: 'Refer to the young person’s prescriber or a child psychiatrist to consider ADHD medication.',
          performer: 'clinician',
        },
      ],
    },
  ],
};
