/**
 * What the library's targets measure: LOINC totals from our `outcome-measures` ValueSet (DESIGN.md §4), and
 * described measures in words where no standard code exists. PCL-5 has no total-score LOINC code, so it is words
 * only, never another scale's code.
 */
import type { Concept } from '../../plan/index.ts';
import { CATALOG_SYSTEM } from '../systems.ts';

const loinc = (text: string, code: string, display?: string): Concept => ({
  text,
  codes: [
    display === undefined ? { system: CATALOG_SYSTEM.loinc, code } : { system: CATALOG_SYSTEM.loinc, code, display },
  ],
});
const described = (text: string): Concept => ({ text, codes: [] });

export const MEASURE = {
  phq9: loinc('PHQ-9 total score', '44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'),
  phq9Teens: loinc('PHQ-9 modified for teens total score', '89204-2'),
  gad7: loinc('GAD-7 total score', '70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]'),
  auditC: loinc('AUDIT-C total score', '75626-2', 'Total score [AUDIT-C]'),
  dast10: loinc('DAST-10 total score', '82667-7', 'Total score [DAST-10]'),
  pcl5: described('PCL-5 total score'),
  pcl5Drop: described('Drop in PCL-5 total score since intake'),
  phq9Drop: described('Drop in PHQ-9 total score since intake'),
  plannedActivities: described('Planned activities completed per week'),
  thoughtRecords: described('Thought records completed per week'),
  socialContacts: described('Contacts with friends or family per week'),
  relaxationDays: described('Days per week a relaxation skill was practised'),
  worryPeriodDays: described('Days per week worry was kept to the worry period'),
  panicAttacks: described('Panic attacks per week'),
  exposurePractices: described('Exposure practices completed per week'),
  socialSituations: described('Feared social situations entered per week'),
  meetingsContributed: described('Meetings or classes with at least one spoken contribution'),
  groundingDays: described('Days per week a grounding skill was used when distressed'),
  nightmares: described('Nightmares per week'),
  skillPracticeAtHome: described('Skills practices at home per week'),
  caregiverAttendance: described('Caregiver sessions attended'),
  drinkingDays: described('Days with any alcohol use per week'),
  drinksOnHeaviestDay: described('Standard drinks on the heaviest drinking day of the week'),
  loggedDays: described('Days per week the use log was kept'),
  drugUseDays: described('Days with non-prescribed drug use per week'),
  recoveryMeetings: described('Recovery or mutual-help meetings attended per week'),
  freeActivities: described('Substance-free rewarding activities per week'),
  supportContacts: described('Contacts with a recovery support per week'),
  escalatedArguments: described('Arguments per week that escalate (shouting, insults, leaving)'),
  timeOutUse: described('Heated arguments in which the agreed time-out was used'),
  checkIns: described('Couple check-ins held per week'),
  relationshipSatisfaction: described('Relationship satisfaction, self-rated 0-10'),
  appreciationDays: described('Days per week appreciations were shared'),
  sharedActivities: described('Shared enjoyable activities per week'),
  familyArguments: described('Parent-child arguments per week'),
  familyMeetings: described('Family meetings held per week'),
  labelledPraise: described('Labelled praises given by the parent per day'),
  homeworkTurnedIn: described('Homework assignments turned in'),
  plannerChecked: described('School days with the planner checked by parent and teacher'),
  homeworkOnTime: described('Days per week homework started at the agreed time'),
  firstTimeCompliance: described('Instructions followed the first time they are given'),
  routineDays: described('Days per week the morning and bedtime routines were completed'),
  outbursts: described('Angry outbursts per week'),
  calmingStepUse: described('Prompts after which a calming step was used'),
} as const;
