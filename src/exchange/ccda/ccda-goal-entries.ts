/**
 * Goals and objectives as Goal Observations (C-CDA R2.1 4.121): the description as the value, the lifecycle as
 * the status code, each measurable target a component goal with the measure as its code and the amount or range
 * as its value, objectives as milestones (COMP Entry References), the concerns addressed (RSON), the priority,
 * how far it is achieved and since when, who expressed it (author) and notes.
 */
import type { GoalLike, Party, PlanGoal } from '../../plan/treatment-plan.ts';
import { CODE, GOAL_ACHIEVEMENT_OID, TEMPLATE } from './ccda-codes.ts';
import { comment, entry, entryReference, GOAL_STATUS, priorityPreference, unnamedId } from './ccda-entry-parts.ts';
import { cdaTime, codeElement, conceptElement, recordId, targetValue, templateIds } from './cda-values.ts';
import { el, type XmlElement } from './xml-text.ts';

/** Who expressed a goal, as its author: the client is the document's patient, family a family member. */
function goalAuthor(party: Party | undefined, client: XmlElement[], clinician: XmlElement | undefined): XmlElement[] {
  const author = (assigned: XmlElement): XmlElement =>
    el('author', {}, templateIds(TEMPLATE.author), el('time', { nullFlavor: 'UNK' }), assigned);
  switch (party) {
    case 'client':
      return [author(el('assignedAuthor', {}, client))];
    case 'clinician':
      return clinician === undefined ? [] : [author(clinician)];
    case 'family':
      return [
        author(el('assignedAuthor', {}, el('id', { nullFlavor: 'UNK' }), codeElement('code', CODE.familyMember))),
      ];
    case 'other':
    case undefined:
      return [];
  }
}

export interface GoalContext {
  /** The patient's ids (`<id>` elements of the record target). */
  readonly clientIds: XmlElement[];
  /** The plan author as an assignedAuthor. */
  readonly clinician?: XmlElement;
}

export function goalEntry(goal: GoalLike, context: GoalContext, parent?: PlanGoal): XmlElement {
  const own = parent === undefined ? (goal as PlanGoal) : undefined;
  return entry(
    el(
      'observation',
      { classCode: 'OBS', moodCode: 'GOL' },
      templateIds(TEMPLATE.goalObservation),
      recordId(goal.id),
      codeElement('code', CODE.goal),
      el('statusCode', { code: GOAL_STATUS[goal.lifecycle] }),
      goal.startDate === undefined ? undefined : el('effectiveTime', { value: cdaTime(goal.startDate) }),
      goal.description.codes.length > 0
        ? conceptElement('value', goal.description, true)
        : el('value', { 'xsi:type': 'ST' }, goal.description.text),
      goalAuthor(goal.expressedBy, context.clientIds, context.clinician),
      goal.targets.map((target) =>
        el(
          'entryRelationship',
          { typeCode: 'COMP' },
          el(
            'observation',
            { classCode: 'OBS', moodCode: 'GOL' },
            templateIds(TEMPLATE.goalObservation),
            unnamedId,
            conceptElement('code', target.measure),
            el('statusCode', { code: 'active' }),
            target.dueDate === undefined
              ? undefined
              : el('effectiveTime', {}, el('high', { value: cdaTime(target.dueDate) })),
            targetValue(target.comparator, target.value)
          )
        )
      ),
      (own?.objectives ?? []).map((objective) => entryReference('COMP', objective.id)),
      goal.addresses.map((id) => entryReference('RSON', id)),
      own?.priority === undefined ? undefined : priorityPreference(own.priority),
      goal.achievement === undefined && goal.statusDate === undefined ? undefined : achievementObservation(goal),
      goal.notes.map(comment)
    )
  );
}

/**
 * How far a goal is achieved, and when its status last changed (the observation's time). A goal with a status
 * date but no achievement says so with a null value.
 */
function achievementObservation(goal: GoalLike): XmlElement {
  return el(
    'entryRelationship',
    { typeCode: 'REFR' },
    el(
      'observation',
      { classCode: 'OBS', moodCode: 'EVN' },
      templateIds(TEMPLATE.progressTowardGoal),
      unnamedId,
      codeElement('code', CODE.achievement),
      el('statusCode', { code: 'completed' }),
      goal.statusDate === undefined ? undefined : el('effectiveTime', { value: cdaTime(goal.statusDate) }),
      goal.achievement === undefined
        ? el('value', { 'xsi:type': 'CD', nullFlavor: 'NI' })
        : el('value', { 'xsi:type': 'CD', code: goal.achievement, codeSystem: GOAL_ACHIEVEMENT_OID })
    )
  );
}
