/**
 * The coded entries of our C-CDA Care Plan document, one builder per kind: health concerns (Health Concern
 * Act), diagnoses (Problem Concern Act), interventions (Planned Intervention Act) and measurements (Outcome
 * Observation); goals and objectives are in ccda-goal-entries.ts. Links between them are Entry References (C-CDA
 * R2.1 4.122) by business id: objectives are milestones of their goal (COMP), goals and interventions point
 * at what they address or serve (RSON), measurements at the goal they evaluate (GEVL).
 */
import type { Diagnosis, Intervention, Measurement, PresentingConcern } from '../../plan/treatment-plan.ts';
import { CODE, OID, PROBLEM_STATUS, TEMPLATE } from './ccda-codes.ts';
import {
  comment,
  entry,
  entryReference,
  interval,
  INTERVENTION_STATUS,
  priorityPreference,
} from './ccda-entry-parts.ts';
import { cdaTime, codeElement, conceptElement, personName, recordId, templateIds } from './cda-values.ts';
import { el, type XmlElement } from './xml-text.ts';

function problemObservation(
  id: string,
  kind: 'problem' | 'diagnosis',
  value: PresentingConcern['concern'],
  onset: string | undefined,
  end: string | undefined,
  status: string | undefined,
  negated: boolean
): XmlElement {
  return el(
    'entryRelationship',
    { typeCode: 'SUBJ' },
    el(
      'observation',
      { classCode: 'OBS', moodCode: 'EVN', negationInd: negated ? 'true' : undefined },
      templateIds(TEMPLATE.problemObservation),
      el('id', { root: OID.entryPart, extension: id }),
      codeElement('code', CODE[kind]),
      el('statusCode', { code: 'completed' }),
      interval(onset, end) ?? el('effectiveTime', {}, el('low', { nullFlavor: 'UNK' })),
      conceptElement('value', value, true),
      status === undefined
        ? undefined
        : el(
            'entryRelationship',
            { typeCode: 'REFR' },
            el(
              'observation',
              { classCode: 'OBS', moodCode: 'EVN' },
              templateIds(TEMPLATE.problemStatus),
              codeElement('code', CODE.problemStatus),
              el('statusCode', { code: 'completed' }),
              PROBLEM_STATUS[status] && codeElement('value', PROBLEM_STATUS[status], { 'xsi:type': 'CD' })
            )
          )
    )
  );
}

export function concernEntry(concern: PresentingConcern): XmlElement {
  return entry(
    el(
      'act',
      { classCode: 'ACT', moodCode: 'EVN' },
      templateIds(TEMPLATE.healthConcernAct),
      recordId(concern.id),
      codeElement('code', CODE.healthConcern),
      el('statusCode', { code: concern.status === 'active' ? 'active' : 'completed' }),
      problemObservation(concern.id, 'problem', concern.concern, concern.onset?.date, undefined, undefined, false),
      concern.note === undefined ? undefined : comment(concern.note)
    )
  );
}

export function diagnosisEntry(diagnosis: Diagnosis): XmlElement {
  const active = ['active', 'recurrence', 'relapse'].includes(diagnosis.clinicalStatus);
  return entry(
    el(
      'act',
      { classCode: 'ACT', moodCode: 'EVN' },
      templateIds(TEMPLATE.problemConcernAct),
      recordId(diagnosis.id),
      codeElement('code', CODE.concern),
      el('statusCode', { code: active ? 'active' : 'completed' }),
      problemObservation(
        diagnosis.id,
        diagnosis.category === 'encounter-diagnosis' ? 'diagnosis' : 'problem',
        diagnosis.condition,
        diagnosis.onset?.date,
        diagnosis.abatement,
        diagnosis.clinicalStatus,
        diagnosis.verificationStatus === 'refuted'
      ),
      priorityPreference(diagnosis.role === 'focus' ? 'high' : 'low'),
      diagnosis.note === undefined ? undefined : comment(diagnosis.note)
    )
  );
}

/** How often, as the period of a PIVL_TS: `2 per 1 wk` is every 0.5 weeks. */
function frequencyTime(intervention: Intervention): XmlElement | undefined {
  const frequency = intervention.frequency;
  if (frequency === undefined || frequency.count <= 0) return undefined;
  const period = Number((frequency.per / frequency.count).toPrecision(6));
  return el(
    'effectiveTime',
    { 'xsi:type': 'PIVL_TS', operator: 'A', institutionSpecified: 'true' },
    el('period', { value: String(period), unit: frequency.unit })
  );
}

export function interventionEntry(intervention: Intervention): XmlElement {
  const performer =
    intervention.performer === undefined && intervention.performerRef === undefined
      ? undefined
      : el(
          'performer',
          {},
          el(
            'assignedEntity',
            {},
            el('id', { nullFlavor: 'UNK' }),
            intervention.performer === undefined
              ? undefined
              : el('code', {
                  code: intervention.performer,
                  codeSystem: OID.party,
                  displayName: intervention.performer,
                }),
            intervention.performerRef === undefined
              ? undefined
              : el('assignedPerson', {}, personName(intervention.performerRef.name))
          )
        );
  return entry(
    el(
      'act',
      { classCode: 'ACT', moodCode: 'INT' },
      templateIds(TEMPLATE.plannedInterventionAct),
      recordId(intervention.id),
      conceptElement('code', intervention.technique),
      el('statusCode', { code: INTERVENTION_STATUS[intervention.status] }),
      interval(intervention.start, intervention.end, 'IVL_TS'),
      frequencyTime(intervention),
      performer,
      intervention.goalIds.map((id) => entryReference('RSON', id)),
      intervention.application === undefined ? undefined : comment(intervention.application)
    )
  );
}

export function measurementEntry(measurement: Measurement): XmlElement {
  return entry(
    el(
      'observation',
      { classCode: 'OBS', moodCode: 'EVN' },
      templateIds(TEMPLATE.outcomeObservation),
      recordId(measurement.id),
      conceptElement('code', measurement.measure),
      el('statusCode', { code: 'completed' }),
      el('effectiveTime', { value: cdaTime(measurement.date) }),
      el('value', { 'xsi:type': 'PQ', value: String(measurement.value.value), unit: measurement.value.unit }),
      measurement.goalId === undefined ? undefined : entryReference('GEVL', measurement.goalId),
      measurement.note === undefined ? undefined : comment(measurement.note)
    )
  );
}

/** The outcome summary: a note in the outcomes section. */
export function outcomeSummaryEntry(planId: string, summary: string): XmlElement {
  return entry(
    el(
      'act',
      { classCode: 'ACT', moodCode: 'EVN' },
      templateIds(TEMPLATE.commentActivity),
      recordId(`${planId}/outcome-summary`),
      codeElement('code', CODE.outcomeSummary),
      el('text', {}, summary)
    )
  );
}
