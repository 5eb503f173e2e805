/** Factors that shape the plan: client preferences, cultural considerations, participants in family plans. */
import { applyChanges, type Changes } from '../changes.ts';
import { assertEditable } from '../lock.ts';
import type { Participant, PlanConsiderations, TreatmentPlan } from '../treatment-plan.ts';
import { assertNewIds, locateById, removeAt, removeText, replaceAt, replaceText } from './internal.ts';

function withConsiderations(plan: TreatmentPlan, considerations: PlanConsiderations): TreatmentPlan {
  return { ...plan, considerations };
}

type TextList = 'clientPreferences' | 'culturalConsiderations';
const WHAT: Record<TextList, string> = {
  clientPreferences: 'client preference',
  culturalConsiderations: 'cultural consideration',
};

function addTo(plan: TreatmentPlan, list: TextList, text: string): TreatmentPlan {
  assertEditable(plan);
  return withConsiderations(plan, { ...plan.considerations, [list]: [...plan.considerations[list], text] });
}

function editIn(plan: TreatmentPlan, list: TextList, index: number, text: string): TreatmentPlan {
  assertEditable(plan);
  const next = replaceText(plan.considerations[list], index, text, WHAT[list], `considerations.${list}`);
  return withConsiderations(plan, { ...plan.considerations, [list]: next });
}

function removeFrom(plan: TreatmentPlan, list: TextList, index: number): TreatmentPlan {
  assertEditable(plan);
  const next = removeText(plan.considerations[list], index, WHAT[list], `considerations.${list}`);
  return withConsiderations(plan, { ...plan.considerations, [list]: next });
}

export const addClientPreference = (plan: TreatmentPlan, text: string): TreatmentPlan =>
  addTo(plan, 'clientPreferences', text);
export const editClientPreference = (plan: TreatmentPlan, index: number, text: string): TreatmentPlan =>
  editIn(plan, 'clientPreferences', index, text);
export const removeClientPreference = (plan: TreatmentPlan, index: number): TreatmentPlan =>
  removeFrom(plan, 'clientPreferences', index);

export const addCulturalConsideration = (plan: TreatmentPlan, text: string): TreatmentPlan =>
  addTo(plan, 'culturalConsiderations', text);
export const editCulturalConsideration = (plan: TreatmentPlan, index: number, text: string): TreatmentPlan =>
  editIn(plan, 'culturalConsiderations', index, text);
export const removeCulturalConsideration = (plan: TreatmentPlan, index: number): TreatmentPlan =>
  removeFrom(plan, 'culturalConsiderations', index);

const PARTICIPANTS = 'considerations.participants';

/** Adds a person who takes part in a couples or family plan. */
export function addParticipant(plan: TreatmentPlan, participant: Participant): TreatmentPlan {
  assertEditable(plan);
  assertNewIds(plan, [participant.id], PARTICIPANTS);
  const participants = [...plan.considerations.participants, participant];
  return withConsiderations(plan, { ...plan.considerations, participants });
}

export function editParticipant(plan: TreatmentPlan, id: string, changes: Changes<Participant>): TreatmentPlan {
  assertEditable(plan);
  const list = plan.considerations.participants;
  const { index, item } = locateById(list, id, 'participant', PARTICIPANTS);
  return withConsiderations(plan, {
    ...plan.considerations,
    participants: replaceAt(list, index, applyChanges(item, changes)),
  });
}

export function removeParticipant(plan: TreatmentPlan, id: string): TreatmentPlan {
  assertEditable(plan);
  const list = plan.considerations.participants;
  const { index } = locateById(list, id, 'participant', PARTICIPANTS);
  return withConsiderations(plan, { ...plan.considerations, participants: removeAt(list, index) });
}
