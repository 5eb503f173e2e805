/** Starting goals for relationship conflict: between partners, and between parents and children. */
import { MEASURE as M } from './measures.ts';
import { describedTechnique, ownTechnique, snomedTechnique } from './techniques.ts';
import { DAILY, EVERY_TWO_WEEKS, UNIT, WEEKLY, target, type LibraryEntry } from './template.ts';

export const RELATIONSHIP_CONFLICT: LibraryEntry = {
  id: 'relationship-conflict',
  title: 'Relationship conflict',
  summary: 'Frequent or escalating arguments, distance or broken trust between partners or within a family.',
  suggestedDiagnoses: ['Z63.0', 'Z63.5', 'Z63.8', 'Z62.820', 'F43.20'],
  goals: [
    {
      id: 'relationship-conflict/de-escalation',
      description: 'Disagree without arguments escalating',
      priority: 'high',
      targets: [target(M.escalatedArguments, '<=', 1, UNIT.timesPerWeek, 12)],
      objectives: [
        {
          description:
            'Take the agreed time-out (a 20-minute pause, then return to the talk) when either partner is flooded',
          targets: [target(M.timeOutUse, '>=', 75, UNIT.percent, 6)],
        },
        {
          description: 'Hold a 30-minute weekly check-in using a gentle start and taking turns to speak and listen',
          targets: [target(M.checkIns, '>=', 1, UNIT.timesPerWeek, 4)],
        },
      ],
      interventions: [
        {
          technique: describedTechnique('Individual screening for intimate partner violence'),
          application:
            'See each partner alone to ask about violence, fear and coercion before conjoint work begins and whenever concern arises; conjoint sessions go ahead only when it is safe.',
          performer: 'clinician',
        },
        {
          technique: ownTechnique('couples'),
          application:
            'Conjoint sessions: map the couple’s conflict cycle, teach speaker-listener turns, gentle start-up and repair attempts, and practise them on a live topic in the room.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Couple practice at home'),
          application: 'Hold the weekly check-in and use the time-out plan; note what helped.',
          frequency: WEEKLY,
          performer: 'client',
          serves: [0, 1],
        },
      ],
    },
    {
      id: 'relationship-conflict/closeness',
      description: 'Rebuild closeness and trust between partners',
      targets: [target(M.relationshipSatisfaction, '>=', 7, UNIT.score, 16)],
      objectives: [
        {
          description: 'Share one specific appreciation with each other on most days',
          targets: [target(M.appreciationDays, '>=', 5, UNIT.daysPerWeek, 4)],
        },
        {
          description: 'Plan and do one enjoyable thing together each week',
          targets: [target(M.sharedActivities, '>=', 1, UNIT.timesPerWeek, 8)],
        },
      ],
      interventions: [
        {
          technique: ownTechnique('couples', 'Couples therapy (attachment-focused)'),
          application:
            'Help each partner name the hurt and the need under the anger or withdrawal, and respond to the other’s need in session.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: snomedTechnique('individual'),
          application:
            'Occasional individual sessions when one partner’s own history or symptoms block the joint work.',
          frequency: EVERY_TWO_WEEKS,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Appreciations and shared time'),
          application: 'Share an appreciation daily and keep the weekly shared activity in the calendar.',
          frequency: DAILY,
          performer: 'client',
          serves: [0, 1],
        },
      ],
    },
    {
      id: 'relationship-conflict/family',
      description: 'Reduce conflict between parent and child at home',
      targets: [target(M.familyArguments, '<=', 2, UNIT.timesPerWeek, 12)],
      objectives: [
        {
          description: 'Hold a weekly family meeting to agree house rules and what happens when they are broken',
          targets: [target(M.familyMeetings, '>=', 1, UNIT.timesPerWeek, 4)],
        },
        {
          description: 'The parent notices and names what the child does well several times a day',
          targets: [target(M.labelledPraise, '>=', 5, UNIT.timesPerDay, 6)],
        },
      ],
      interventions: [
        {
          technique: snomedTechnique('family'),
          application:
            'Family sessions: trace the pattern of a typical argument, agree clear rules and fair consequences, and practise calm problem-solving together.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Family meeting and praise at home'),
          application: 'The parent runs the weekly family meeting and keeps a tally of praise given each day.',
          frequency: DAILY,
          performer: 'family',
          serves: [0, 1],
        },
      ],
    },
  ],
};
