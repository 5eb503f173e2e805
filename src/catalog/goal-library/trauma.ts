/** Starting goals after trauma: fewer PTSD symptoms, stabilisation, and trauma-focused work with a child. */
import { MEASURE as M } from './measures.ts';
import { describedTechnique, ownTechnique, snomedTechnique } from './techniques.ts';
import { EVERY_TWO_WEEKS, UNIT, WEEKLY, target, type LibraryEntry } from './template.ts';

export const TRAUMA: LibraryEntry = {
  id: 'trauma',
  title: 'Trauma',
  summary: 'Intrusive memories, nightmares, avoidance, feeling on guard, after a frightening or violent event.',
  suggestedDiagnoses: ['F43.10', 'F43.11', 'F43.12', 'F43.0', 'F43.20', 'F43.23', 'F51.5'],
  goals: [
    {
      id: 'trauma/ptsd-symptoms',
      description: 'Reduce post-traumatic stress symptoms below the level that suggests PTSD',
      priority: 'high',
      targets: [target(M.pcl5, '<', 33, UNIT.score, 16)],
      objectives: [
        {
          description: 'Bring the PCL-5 total down by at least 10 points from intake',
          targets: [target(M.pcl5Drop, '>=', 10, UNIT.score, 8)],
        },
        {
          description: 'Work through the trauma memory and the beliefs about it that keep the client stuck',
          targets: [],
        },
      ],
      interventions: [
        {
          technique: ownTechnique('cpt'),
          application:
            'About twelve weekly sessions: an impact statement, then finding and questioning stuck beliefs about safety, trust, power, esteem and intimacy with worksheets. Choose this or prolonged exposure with the client.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: ['goal', 1],
        },
        {
          technique: ownTechnique('pe'),
          application:
            'Repeated imaginal revisiting of the memory, recorded for daily listening, and gradual in-vivo approach to safe reminders the client avoids. Choose this or cognitive processing therapy with the client.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: ['goal', 1],
        },
        {
          technique: describedTechnique('Measurement-based care with the PCL-5'),
          application:
            'Give the PCL-5 every two weeks, record the total as words (it has no LOINC total code), and chart it.',
          frequency: EVERY_TWO_WEEKS,
          performer: 'clinician',
          serves: ['goal', 0],
        },
      ],
    },
    {
      id: 'trauma/stabilisation',
      description: 'Feel steady and safe enough in daily life to do trauma work',
      targets: [target(M.groundingDays, '>=', 4, UNIT.daysPerWeek, 8)],
      objectives: [
        {
          description: 'Use a grounding skill when a reminder triggers distress',
          targets: [target(M.groundingDays, '>=', 3, UNIT.daysPerWeek, 4)],
        },
        {
          description: 'Have fewer nightmares',
          targets: [target(M.nightmares, '<=', 2, UNIT.timesPerWeek, 8)],
        },
      ],
      interventions: [
        {
          technique: describedTechnique('Psychoeducation about trauma reactions'),
          application:
            'Explain common reactions to trauma as understandable responses, and why avoidance keeps them going.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: snomedTechnique('dbt', 'Distress tolerance and grounding skills (DBT)'),
          application:
            'Teach grounding through the senses, paced breathing and other distress-tolerance skills; rehearse them in session until they come easily.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [0],
        },
        {
          technique: describedTechnique('Imagery rehearsal for nightmares'),
          application: 'Rewrite a recurring nightmare with a changed storyline and rehearse the new version daily.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [1],
        },
      ],
    },
    {
      id: 'trauma/child-tf-cbt',
      description: 'Help a child or teen recover from trauma with a caregiver’s support',
      targets: [],
      objectives: [
        {
          description: 'The caregiver attends the caregiver and joint sessions',
          targets: [target(M.caregiverAttendance, '>=', 80, UNIT.percent, 16)],
        },
        {
          description: 'The child practises relaxation and feelings skills at home',
          targets: [target(M.skillPracticeAtHome, '>=', 3, UNIT.timesPerWeek, 6)],
        },
        {
          description: 'The child shares a trauma narrative with the caregiver in a joint session',
          targets: [],
        },
      ],
      interventions: [
        {
          technique: ownTechnique('tfCbt'),
          application:
            'Skills first (psychoeducation, relaxation, feelings, thoughts), then the trauma narrative and its processing, then safety and in-vivo work, with parallel caregiver sessions.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Caregiver coaching in skills practice'),
          application: 'The caregiver prompts and praises the skills at home and keeps a simple practice log.',
          frequency: WEEKLY,
          performer: 'family',
          serves: [1],
        },
      ],
    },
  ],
};
