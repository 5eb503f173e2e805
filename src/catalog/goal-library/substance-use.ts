/** Starting goals for substance use: cutting down or stopping drinking, drug use, and a life that supports recovery. */
import { MEASURE as M } from './measures.ts';
import { describedTechnique, ownTechnique, snomedTechnique } from './techniques.ts';
import { DAILY, MONTHLY, UNIT, WEEKLY, target, type LibraryEntry } from './template.ts';

export const SUBSTANCE_USE: LibraryEntry = {
  id: 'substance-use',
  title: 'Substance use',
  summary: 'Drinking or drug use that causes harm, is hard to control, or worries the client or others.',
  suggestedDiagnoses: ['F10.10', 'F10.20', 'F12.10', 'F12.20', 'F11.10', 'F11.20', 'F14.20', 'F15.20'],
  goals: [
    {
      id: 'substance-use/alcohol',
      description: 'Cut drinking down to a low-risk level, or stop, as the client chooses',
      priority: 'high',
      targets: [target(M.drinkingDays, '<=', 1, UNIT.daysPerWeek, 12), target(M.auditC, '<', 4, UNIT.score, 12)],
      objectives: [
        {
          description: 'Log every drink each day',
          targets: [target(M.loggedDays, '>=', 6, UNIT.daysPerWeek, 2)],
        },
        {
          description: 'Drink on no more than three days a week',
          targets: [target(M.drinkingDays, '<=', 3, UNIT.daysPerWeek, 6)],
        },
        {
          description: 'Have no more than two standard drinks on any drinking day',
          targets: [target(M.drinksOnHeaviestDay, '<=', 2, UNIT.drinks, 8)],
        },
      ],
      interventions: [
        {
          technique: ownTechnique('motivationalInterviewing'),
          application:
            'Explore the client’s own reasons for and against change, reflect change talk, and agree the drinking goal (cutting down or stopping) the client picks.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: snomedTechnique('alcoholRelapsePrevention'),
          application:
            'Map high-risk times, places, people and moods; plan a coping response for each; practise refusing drinks; write down what to do after a slip.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [1, 2],
        },
        {
          technique: describedTechnique('Referral for medical review'),
          application:
            'Refer for a check of withdrawal risk before cutting down heavy daily drinking, and to discuss medication for alcohol use disorder.',
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Measurement-based care with the AUDIT-C'),
          application: 'Give the AUDIT-C monthly and review the drinking log at every session.',
          frequency: MONTHLY,
          performer: 'clinician',
          serves: ['goal', 0],
        },
      ],
    },
    {
      id: 'substance-use/drugs',
      description: 'Stop using non-prescribed drugs',
      priority: 'high',
      targets: [target(M.drugUseDays, '=', 0, UNIT.daysPerWeek, 12), target(M.dast10, '<', 3, UNIT.score, 12)],
      objectives: [
        {
          description: 'Name the main triggers for use and a plan for each',
          targets: [],
        },
        {
          description: 'Go to recovery or mutual-help meetings',
          targets: [target(M.recoveryMeetings, '>=', 2, UNIT.timesPerWeek, 4)],
        },
        {
          description: 'Use on no more than one day a week',
          targets: [target(M.drugUseDays, '<=', 1, UNIT.daysPerWeek, 6)],
        },
      ],
      interventions: [
        {
          technique: ownTechnique('motivationalInterviewing'),
          application: 'Build the client’s reasons and confidence to stop; plan the first steps together.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: snomedTechnique('drugRelapsePrevention'),
          application:
            'Work out triggers and cravings, plan coping and avoidance strategies, and write a plan for what to do after a lapse.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [0, 2],
        },
        {
          technique: snomedTechnique('group', 'Recovery skills group'),
          application: 'A weekly group on coping with cravings, refusing offers and building sober routines.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [1],
        },
        {
          technique: describedTechnique('Overdose safety and naloxone education'),
          application:
            'For opioid use: explain overdose risk after a period without use, never using alone, and how to carry and give naloxone.',
          performer: 'clinician',
        },
      ],
    },
    {
      id: 'substance-use/recovery-life',
      description: 'Build a daily life that supports recovery',
      targets: [target(M.freeActivities, '>=', 3, UNIT.timesPerWeek, 12)],
      objectives: [
        {
          description: 'Do rewarding activities that do not involve alcohol or drugs',
          targets: [target(M.freeActivities, '>=', 2, UNIT.timesPerWeek, 6)],
        },
        {
          description: 'Name two people who support recovery and contact one of them every week',
          targets: [target(M.supportContacts, '>=', 1, UNIT.timesPerWeek, 4)],
        },
      ],
      interventions: [
        {
          technique: ownTechnique('behavioralActivation', 'Behavioral activation for recovery'),
          application:
            'Find activities that used to matter or could matter now, and schedule them at the times the client used to drink or use.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [0],
        },
        {
          technique: snomedTechnique('family'),
          application:
            'Invite a supportive family member to learn how to reinforce sober days and respond to slips without blame.',
          frequency: MONTHLY,
          performer: 'clinician',
          serves: [1],
        },
        {
          technique: describedTechnique('Planned recovery activities'),
          application: 'Follow the weekly activity plan and note cravings and mood.',
          frequency: DAILY,
          performer: 'client',
          serves: [0],
        },
      ],
    },
  ],
};
