/** The outline of each plan section but goals and interventions (outline-goals.ts), in the workspace's words. */
import type { Onset, Party, TreatmentPlan } from '../plan/index.ts';
import { entry, list, orNone, paragraph, rows } from './outline-blocks.ts';
import {
  amountWords,
  codeWords,
  conceptWithCodes,
  dateTimeWords,
  dateWords,
  frequencyWords,
  partyWords,
  periodWords,
  placeWords,
  providerWords,
  serviceWords,
  timeWords,
} from './outline-words.ts';
import type { OutlineBlock } from './plan-outline.ts';

const PLAN_STATUSES: Readonly<Record<TreatmentPlan['status'], string>> = {
  draft: 'Draft',
  active: 'In force',
  'on-hold': 'On hold',
  completed: 'Completed',
  revoked: 'Revoked',
  'entered-in-error': 'Entered in error',
  unknown: 'Unknown',
};

function onsetWords(onset: Onset | undefined): string | undefined {
  if (onset === undefined) return undefined;
  const parts = [dateWords(onset.date), onset.text].filter((part) => part !== undefined && part.trim() !== '');
  return parts.length === 0 ? undefined : parts.join(', ');
}

export function sessionSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const { session } = plan;
  return rows(
    ['Date of service', dateWords(session.dateOfService) ?? 'Not recorded'],
    ['Start time', timeWords(session.start) ?? 'Not recorded'],
    ['Stop time', timeWords(session.end) ?? 'Not recorded'],
    ['Contact', session.contactMode === undefined ? undefined : codeWords(session.contactMode)],
    ['Place of service', session.placeOfService === undefined ? 'Not recorded' : placeWords(session.placeOfService)],
    ['Kind of session', session.serviceType === undefined ? undefined : serviceWords(session.serviceType)],
    ['Provider', session.provider === undefined ? 'Not recorded' : providerWords(session.provider)]
  );
}

export function historySection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const { history, progress } = plan;
  const assessments = progress.measurements
    .filter((m) => history.assessmentIds.includes(m.id))
    .map((m) => `${m.measure.text}: ${amountWords(m.value.value, m.value.unit)} on ${dateWords(m.date) ?? m.date}`);
  const treatments = history.treatmentHistory.map((past) =>
    entry(`Past treatment: ${past.treatment.text}`, [
      ...rows(
        ['When', periodWords(past.start, past.end)],
        ['Where or by whom', past.provider],
        ['Outcome', past.outcome]
      ),
    ])
  );
  return [
    ...rows(['Occupation', history.occupation]),
    ...paragraph('Psychosocial history', history.psychosocialHistory),
    ...list('Treatment history', [], treatments.length === 0),
    ...treatments,
    ...list('Assessment results', assessments),
  ];
}

export function concernsSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  return orNone(
    plan.presentingConcerns.map((concern) =>
      entry(conceptWithCodes(concern.concern), [
        ...rows(['Since', onsetWords(concern.onset)], ['Status', codeWords(concern.status)], ['Note', concern.note]),
      ])
    )
  );
}

export function diagnosesSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  return orNone(
    plan.diagnoses.map((diagnosis) =>
      entry(conceptWithCodes(diagnosis.condition), [
        ...rows(
          ['Role in the plan', diagnosis.role === 'focus' ? 'Focus of treatment' : 'Comorbidity, treated elsewhere'],
          ['Status', codeWords(diagnosis.clinicalStatus)],
          [
            'Verification',
            diagnosis.verificationStatus === undefined ? undefined : codeWords(diagnosis.verificationStatus),
          ],
          ['Recorded as', diagnosis.category === 'problem-list-item' ? 'Problem list' : 'Diagnosis of this session'],
          ['Since', onsetWords(diagnosis.onset)],
          ['Ended', dateWords(diagnosis.abatement)],
          ['Note', diagnosis.note]
        ),
      ])
    )
  );
}

const PARTIES: readonly Party[] = ['client', 'clinician', 'family', 'other'];

export function contractSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const { contract } = plan;
  const consent = contract.consent;
  const responsibilities = PARTIES.flatMap((party) =>
    list(
      `Responsibilities: ${partyWords(party).toLowerCase()}`,
      contract.responsibilities
        .filter((r) => r.party === party)
        .map((r) => (r.person === undefined ? r.description : `${r.person.name}: ${r.description}`))
    )
  );
  return [
    ...list("Goals for change, in the client's words", contract.goalsForChange, true),
    ...(responsibilities.length > 0 ? responsibilities : list('Responsibilities', [], true)),
    consent === undefined
      ? { kind: 'none', text: 'No consent to treatment recorded.' }
      : entry('Consent to treatment', [
          ...rows(
            ['Decision', consent.decision === 'permit' ? 'Consents to treatment' : 'Refuses treatment'],
            ['Status', codeWords(consent.status)],
            ['Given by', consent.grantor?.name],
            ['Given on', dateTimeWords(consent.dateTime)],
            ['Covers', periodWords(consent.start, consent.end)],
            ['Signed document', consent.document === undefined ? undefined : (consent.document.title ?? 'Attached')]
          ),
          ...list(
            'Modalities consented to',
            consent.modalities.map((m) => m.text)
          ),
        ]),
  ];
}

export function strengthsSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  return orNone(
    plan.strengths.map((strength) => entry(strength.description, rows(['How the plan uses it', strength.use])))
  );
}

export function scheduleSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const { schedule } = plan;
  return orNone(
    rows(
      ['Modality', schedule.modality === undefined ? undefined : conceptWithCodes(schedule.modality)],
      ['Format', schedule.format?.text],
      ['Sessions', schedule.sessionFrequency === undefined ? undefined : frequencyWords(schedule.sessionFrequency)],
      [
        'Session length',
        schedule.sessionMinutes === undefined ? undefined : `${String(schedule.sessionMinutes)} minutes`,
      ],
      ['Treatment starts', dateWords(schedule.startDate)],
      ['Expected to end', dateWords(schedule.targetEndDate)]
    )
  );
}

export function reviewSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const { review } = plan;
  return [
    ...rows(
      ['Plan status', PLAN_STATUSES[plan.status]],
      ['Plan written', dateTimeWords(plan.created)],
      ['Written by', plan.author?.name],
      ['Plan period starts', dateWords(review.periodStart) ?? 'Not recorded'],
      ['Next review', dateWords(review.nextReviewDate) ?? 'Not recorded'],
      ['Revises plan', review.replaces]
    ),
  ];
}

export function considerationsSection(plan: TreatmentPlan): readonly OutlineBlock[] {
  const { considerations } = plan;
  return [
    ...list('Client preferences', considerations.clientPreferences, true),
    ...list('Cultural considerations', considerations.culturalConsiderations, true),
    ...list(
      'People taking part',
      considerations.participants.map((p) => `${p.person.name} (${p.relationship})`)
    ),
  ];
}
