/** Starting goals for anxiety: worry, panic, and social anxiety. */
import { MEASURE as M } from './measures.ts';
import { describedTechnique, ownTechnique, snomedTechnique } from './techniques.ts';
import { DAILY, EVERY_TWO_WEEKS, UNIT, WEEKLY, target, type LibraryEntry } from './template.ts';

export const ANXIETY: LibraryEntry = {
  id: 'anxiety',
  title: 'Anxiety',
  summary: 'Worry that is hard to control, panic attacks, fear and avoidance of situations.',
  suggestedDiagnoses: ['F41.1', 'F41.0', 'F40.01', 'F40.10', 'F41.9', 'F40.9', 'F43.22', 'F93.0'],
  goals: [
    {
      id: 'anxiety/worry',
      description: 'Reduce worry and anxiety to the mild range or below',
      priority: 'high',
      targets: [target(M.gad7, '<', 10, UNIT.score, 12)],
      objectives: [
        {
          description: 'Practise a relaxation or paced-breathing skill on most days',
          targets: [target(M.relaxationDays, '>=', 5, UNIT.daysPerWeek, 4)],
        },
        {
          description:
            'Put off worries to a set 20-minute worry period and problem-solve the ones that can be acted on',
          targets: [target(M.worryPeriodDays, '>=', 5, UNIT.daysPerWeek, 8)],
        },
      ],
      interventions: [
        {
          technique: snomedTechnique('cbt', 'CBT for generalized anxiety'),
          application:
            'Explain how worry keeps anxiety going; spot overestimates of danger and underestimates of coping; test the predictions with small experiments.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: describedTechnique('Applied relaxation and paced breathing'),
          application:
            'Teach slow breathing and progressive muscle relaxation in session; the client practises daily with a recording.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [0],
        },
        {
          technique: snomedTechnique('cbt', 'Worry postponement and problem-solving (CBT)'),
          application:
            'Sort worries into ones that can be acted on and ones that cannot; plan steps for the first kind and leave the rest for the worry period.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [1],
        },
        {
          technique: describedTechnique('Measurement-based care with the GAD-7'),
          application: 'Give the GAD-7 every two weeks and chart it against the target.',
          frequency: EVERY_TWO_WEEKS,
          performer: 'clinician',
        },
      ],
    },
    {
      id: 'anxiety/panic',
      description: 'Have fewer panic attacks and stop avoiding places because of them',
      targets: [target(M.panicAttacks, '<=', 1, UNIT.timesPerWeek, 12)],
      objectives: [
        {
          description:
            'Practise bringing on feared body sensations (spinning, fast breathing) until they lose their alarm',
          targets: [target(M.exposurePractices, '>=', 3, UNIT.timesPerWeek, 6)],
        },
        {
          description: 'Go into avoided places from the exposure list and stay until the fear eases',
          targets: [target(M.exposurePractices, '>=', 2, UNIT.timesPerWeek, 10)],
        },
      ],
      interventions: [
        {
          technique: snomedTechnique('cbt', 'CBT for panic'),
          application:
            'Map the panic cycle; weigh catastrophic readings of heart racing or dizziness against what actually happened; drop safety behaviours.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: snomedTechnique('cbt', 'Interoceptive and in-vivo exposure (CBT)'),
          application:
            'Build an exposure list together, start low, practise in session first, then repeat between sessions and record fear ratings.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [0, 1],
        },
        {
          technique: describedTechnique('Exposure practice between sessions'),
          application: 'Do the agreed exposure exercises and note the fear rating before and after.',
          frequency: DAILY,
          performer: 'client',
          serves: [0, 1],
        },
      ],
    },
    {
      id: 'anxiety/social',
      description: 'Take part in social, work or school situations with less fear',
      targets: [target(M.socialSituations, '>=', 3, UNIT.timesPerWeek, 12)],
      objectives: [
        {
          description: 'Rank at least ten feared social situations from easiest to hardest',
          targets: [],
        },
        {
          description: 'Speak up at least once in most meetings or classes',
          targets: [target(M.meetingsContributed, '>=', 75, UNIT.percent, 10)],
        },
      ],
      interventions: [
        {
          technique: snomedTechnique('cbt', 'CBT for social anxiety'),
          application:
            'Find the safety behaviours and self-focused attention that keep the fear going; run behavioural experiments without them.',
          frequency: WEEKLY,
          performer: 'clinician',
        },
        {
          technique: snomedTechnique('group'),
          application: 'A CBT group for social anxiety, where the client practises speaking and being seen by others.',
          frequency: WEEKLY,
          performer: 'clinician',
          serves: [1],
        },
        {
          technique: ownTechnique('act', 'Acceptance and commitment therapy (values-guided approach)'),
          application:
            'Clarify what matters to the client socially and practise making room for anxious feelings while taking those steps.',
          frequency: EVERY_TWO_WEEKS,
          performer: 'clinician',
          serves: ['goal', 1],
        },
      ],
    },
  ],
};
