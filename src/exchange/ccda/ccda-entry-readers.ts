/**
 * The entries of a C-CDA document read back into the plan model: health concerns, problems, interventions and
 * outcome observations (goals: ccda-goal-reader.ts). Each reader takes the
 * entry's element and returns the model part, or undefined when the entry is not one it knows.
 */
import type {
  Diagnosis,
  DiagnosisStatus,
  Frequency,
  Intervention,
  Measurement,
  Party,
  PresentingConcern,
} from '../../plan/treatment-plan.ts';
import { CODE, OID, PROBLEM_STATUS, TEMPLATE } from './ccda-codes.ts';
import { INTERVENTION_STATUS } from './ccda-entry-parts.ts';
import {
  commentsOf,
  highOf,
  lowOf,
  priorityOf,
  referencedIds,
  relations,
  reverse,
  type SystemOf,
} from './ccda-entry-relations.ts';
import { isoDate, isoTime } from './cda-values.ts';
import { at, attr, child, children, conceptOf, entryId, hasTemplate, words, type CdaNode } from './ccda-nodes.ts';

const INTERVENTION_LIFECYCLE = reverse<Intervention['status']>(INTERVENTION_STATUS);
const STATUS_OF_PROBLEM = new Map(Object.entries(PROBLEM_STATUS).map(([status, code]) => [code.code, status]));

/** The Problem Observation of a concern act. */
const problemObservationOf = (act: CdaNode): CdaNode | undefined =>
  relations(act, 'SUBJ').flatMap((r) => children(r, 'observation'))[0];

export function concernFromEntry(act: CdaNode, fallbackId: string, systemOf: SystemOf): PresentingConcern | undefined {
  const observation = problemObservationOf(act);
  const concern = conceptOf(child(observation, 'value'), systemOf) ?? conceptOf(child(act, 'text'), systemOf);
  const text =
    concern ??
    (words(child(observation, 'text')) === '' ? undefined : { text: words(child(observation, 'text')), codes: [] });
  if (text === undefined) return undefined;
  const onset = isoDate(lowOf(child(observation, 'effectiveTime')));
  const [note] = commentsOf(act);
  return {
    id: entryId(act) ?? fallbackId,
    concern: text,
    status: attr(child(act, 'statusCode'), 'code') === 'completed' ? 'resolved' : 'active',
    ...(onset !== undefined ? { onset: { date: onset } } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

export function diagnosisFromEntry(act: CdaNode, fallbackId: string, systemOf: SystemOf): Diagnosis | undefined {
  const observation = problemObservationOf(act);
  const condition = conceptOf(child(observation, 'value'), systemOf);
  if (observation === undefined || condition === undefined) return undefined;
  const time = child(observation, 'effectiveTime');
  const onset = isoDate(lowOf(time));
  const abatement = isoDate(highOf(time));
  const statusCode = relations(observation, 'REFR')
    .flatMap((r) => children(r, 'observation'))
    .filter((o) => hasTemplate(o, TEMPLATE.problemStatus))
    .map((o) => attr(child(o, 'value'), 'code'))[0];
  const fromAct = attr(child(act, 'statusCode'), 'code') === 'completed' ? 'resolved' : 'active';
  const clinicalStatus = (STATUS_OF_PROBLEM.get(statusCode ?? '') ?? fromAct) as DiagnosisStatus;
  const [note] = commentsOf(act);
  return {
    id: entryId(act) ?? fallbackId,
    condition,
    category:
      attr(child(observation, 'code'), 'code') === CODE.diagnosis.code ? 'encounter-diagnosis' : 'problem-list-item',
    clinicalStatus,
    verificationStatus: attr(observation, 'negationInd') === 'true' ? 'refuted' : 'confirmed',
    ...(onset !== undefined ? { onset: { date: onset } } : {}),
    ...(abatement !== undefined ? { abatement } : {}),
    // In a care plan, a problem is what the plan treats unless it says it is of low priority to it.
    role: priorityOf(act) === 'low' ? 'comorbidity' : 'focus',
    ...(note !== undefined ? { note } : {}),
  };
}

/** A PIVL_TS period as a frequency: every 0.5 wk is 2 per 1 wk; every 2 wk is 1 per 2 wk. */
function frequencyOf(period: CdaNode | undefined): Frequency | undefined {
  const value = Number(attr(period, 'value'));
  const unit = attr(period, 'unit');
  if (!Number.isFinite(value) || value <= 0 || (unit !== 'd' && unit !== 'wk' && unit !== 'mo')) return undefined;
  for (let count = 1; count <= 31; count += 1) {
    const per = value * count;
    if (Math.abs(per - Math.round(per)) < 1e-3 && Math.round(per) >= 1) return { count, per: Math.round(per), unit };
  }
  return undefined;
}

const PARTIES: ReadonlySet<string> = new Set(['client', 'clinician', 'family', 'other']);

export function interventionFromEntry(act: CdaNode, fallbackId: string, systemOf: SystemOf): Intervention | undefined {
  const nested = children(act, 'entryRelationship')
    .filter((r) => attr(r, 'typeCode') === 'COMP')
    .flatMap((r) => [...children(r, 'act'), ...children(r, 'procedure'), ...children(r, 'encounter')]);
  const technique =
    conceptOf(child(act, 'code'), systemOf) ??
    nested.map((n) => conceptOf(child(n, 'code'), systemOf)).find((c) => c !== undefined) ??
    (words(child(act, 'text')) === '' ? undefined : { text: words(child(act, 'text')), codes: [] });
  if (technique === undefined) return undefined;
  const times = children(act, 'effectiveTime');
  const span = times.find((t) => attr(t, 'xsi:type') !== 'PIVL_TS');
  const frequency = frequencyOf(
    child(
      times.find((t) => attr(t, 'xsi:type') === 'PIVL_TS'),
      'period'
    )
  );
  const start = isoDate(lowOf(span));
  const end = isoDate(highOf(span));
  const assigned = at(act, 'performer', 'assignedEntity');
  const partyCode =
    attr(child(assigned, 'code'), 'codeSystem') === OID.party ? attr(child(assigned, 'code'), 'code') : undefined;
  const performerName = words(at(assigned, 'assignedPerson', 'name'));
  const [application] = commentsOf(act);
  return {
    id: entryId(act) ?? fallbackId,
    technique,
    ...(application !== undefined ? { application } : {}),
    ...(frequency !== undefined ? { frequency } : {}),
    ...(partyCode !== undefined && PARTIES.has(partyCode) ? { performer: partyCode as Party } : {}),
    ...(performerName !== '' ? { performerRef: { name: performerName } } : {}),
    goalIds: referencedIds(act, 'RSON'),
    status: INTERVENTION_LIFECYCLE.get(attr(child(act, 'statusCode'), 'code') ?? '') ?? 'active',
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
  };
}

export function measurementFromEntry(
  observation: CdaNode,
  fallbackId: string,
  systemOf: SystemOf
): Measurement | undefined {
  const measure = conceptOf(child(observation, 'code'), systemOf);
  const value = child(observation, 'value');
  const number = Number(attr(value, 'value'));
  const date = isoTime(
    attr(child(observation, 'effectiveTime'), 'value') ?? lowOf(child(observation, 'effectiveTime'))
  );
  if (measure === undefined || attr(value, 'value') === undefined || !Number.isFinite(number) || date === undefined) {
    return undefined;
  }
  const [goalId] = referencedIds(observation, 'GEVL');
  const [note] = commentsOf(observation);
  return {
    id: entryId(observation) ?? fallbackId,
    measure,
    value: { value: number, unit: attr(value, 'unit') ?? '1' },
    date: date.length === 10 ? `${date}T00:00:00Z` : date,
    ...(goalId !== undefined ? { goalId } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}
