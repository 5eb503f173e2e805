/** Starting goals for depression: adult and teen symptom goals, reconnecting with people, and keeping safe. */
import { MEASURE as M } from './measures.ts';
import { describedTechnique, ownTechnique, snomedTechnique } from './techniques.ts';
import { DAILY, EVERY_TWO_WEEKS, UNIT, WEEKLY, target, type LibraryEntry } from './template.ts';

export const DEPRESSION: LibraryEntry = {
  id: 'depression',
  title: 'Depression',
  summary: 'Low mood, loss of interest, withdrawal, poor sleep or energy, hopelessness.',
  suggestedDiagnoses: [
    'F32.0',
    'F32.1',
    'F32.2',
    'F32.9',
    'F32.A',
    'F33.0',
    'F33.1',
    'F33.2',
    'F33.9',
    'F34.1',
    'F43.21',
  ],
  goals: [
    {
      id: 'depression/mood',
      description: 'Reduce depressive symptoms to the mild range or below',
      priority: 'high',
      targets: [target(M.phq9, '<', 10, UNIT.score, 12)],
      objectives: [
        {
          description: 'Bring the PHQ-9 total down by at least 5 points from intake',
          targets: [target(M.phq9Drop, '>=', 5, UNIT.score, 6)],
        },
        {
          description: 'Plan and complete at least three enjoyable or meaningful activities each week',
          targets: [target(M.plannedActivities, '>=', 3, UNIT.timesPerWeek, 4)],
        },
        {
          description: 'Catch and rework one discouraging thought a day with a thought record',
          targets: [target(M.thoughtRecords, '>=', 5, UNIT.timesPerWeek, 8)],
        },
      ],
      interventions: [
        {
          technique: ownTechnique('behavioralActivation'),
          application:
            'One week of activity and mood monitoring, then weekly scheduling of graded activities that give pleasure or a sense of achievement; review what got done and how mood moved.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [1],
        },
        {
          technique: snomedTechnique('cbt', 'Cognitive restructuring (CBT)'),
          application:
            'Teach the client to notice automatic thoughts, test them against the evidence and write a more balanced alternative; go over the week’s thought records in each session.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [2],
        },
        {
          technique: describedTechnique('Measurement-based care with the PHQ-9'),
          application:
            'Give the PHQ-9 every two weeks, chart it against the target, and revisit the plan with the client when the score has not fallen after six weeks.',
          frequency: EVERY_TWO_WEEKS,
          performer: 'clinician',
          serves: ['goal', 0],
        },
        {
          technique: describedTechnique('Practice between sessions'),
          application: 'Fill in the activity schedule and thought records daily and bring them to the session.',
          frequency: DAILY,
          performer: 'client',
          serves: [1, 2],
        },
      ],
    },
    {
      id: 'depression/teen-mood',
      description: 'Help a teenager feel less depressed and get back to school, friends and activities',
      priority: 'high',
      targets: [target(M.phq9Teens, '<', 10, UNIT.score, 12)],
      objectives: [
        {
          description: 'Take part in at least three planned activities a week outside schoolwork',
          targets: [target(M.plannedActivities, '>=', 3, UNIT.timesPerWeek, 6)],
        },
        {
          description: 'Spend time with a friend or a supportive adult at least twice a week',
          targets: [target(M.socialContacts, '>=', 2, UNIT.timesPerWeek, 8)],
        },
      ],
      interventions: [
        {
          technique: snomedTechnique('cbt', 'CBT for adolescent depression'),
          application:
            'Mood monitoring, activity scheduling and problem-solving, pitched to the teen’s interests; a short parent check-in at the end of each session.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: ['goal', 0],
        },
        {
          technique: snomedTechnique('family'),
          application:
            'Family sessions to explain depression, cut down criticism and conflict at home, and agree how parents support the teen’s activity plan.',
          frequency: EVERY_TWO_WEEKS,
          performer: 'clinician',
          serves: [0, 1],
        },
        {
          technique: describedTechnique('Measurement-based care with the PHQ-9 modified for teens'),
          application: 'The teen completes the PHQ-9 modified for teens every two weeks; review the trend together.',
          frequency: EVERY_TWO_WEEKS,
          performer: 'clinician',
        },
      ],
    },
    {
      id: 'depression/connection',
      description: 'Reconnect with supportive people and settle the relationship problem tied to the low mood',
      targets: [target(M.socialContacts, '>=', 3, UNIT.timesPerWeek, 12)],
      objectives: [
        {
          description: 'Reach out to a friend or family member at least twice a week',
          targets: [target(M.socialContacts, '>=', 2, UNIT.timesPerWeek, 6)],
        },
        {
          description:
            'Name the main relationship problem (a loss, a dispute, a life change or isolation) and one step on it',
          targets: [],
        },
      ],
      interventions: [
        {
          technique: snomedTechnique('interpersonal'),
          application:
            'Link the mood to the chosen relationship problem area, then work on it week by week: mourning a loss, resolving a dispute, adapting to a new role, or building new ties.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Planned social contact'),
          application: 'Choose who to contact and when at the end of each session; note how it went.',
          frequency: WEEKLY,
          performer: 'client',
          serves: [0],
        },
      ],
    },
    {
      id: 'depression/safety',
      description: 'Stay safe when thoughts of suicide or self-harm come up',
      priority: 'high',
      targets: [],
      objectives: [
        {
          description:
            'Write a personal safety plan (warning signs, coping steps, people and places, crisis lines, making the means safer) and keep it at hand',
          targets: [],
        },
        {
          description: 'Name at least two reasons for living and two people to call when feeling at risk',
          targets: [],
        },
      ],
      interventions: [
        {
          technique: describedTechnique('Collaborative safety planning'),
          application:
            'Write the safety plan with the client at the first session; look at it again at every session while suicidal thoughts are present and after any crisis.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: ['goal', 0],
        },
        {
          technique: describedTechnique('Suicide risk screening'),
          application:
            'Ask about suicidal thoughts and behaviour with a structured screener at each session, and act on the result the same day.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: ['goal', 1],
        },
      ],
    },
  ],
};
