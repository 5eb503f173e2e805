/**
 * Pieces every coded entry of our C-CDA document uses: status codes, the entry wrapper, Entry References (C-CDA
 * R2.1 4.122) to another entry by business id, Comment Activities for notes, Priority Preferences, and time
 * intervals.
 */
import type { GoalLifecycle, Intervention } from '../../plan/treatment-plan.ts';
import { CODE, PRIORITY, TEMPLATE } from './ccda-codes.ts';
import { cdaTime, codeElement, recordId, templateIds } from './cda-values.ts';
import { el, type XmlElement } from './xml-text.ts';

/** Goal lifecycle as ActStatus, one code each so that reading it back gives the same lifecycle. */
export const GOAL_STATUS: Readonly<Record<GoalLifecycle, string>> = {
  proposed: 'new',
  planned: 'held',
  accepted: 'normal',
  active: 'active',
  'on-hold': 'suspended',
  completed: 'completed',
  cancelled: 'cancelled',
};
export const INTERVENTION_STATUS: Readonly<Record<Intervention['status'], string>> = {
  draft: 'new',
  active: 'active',
  'on-hold': 'suspended',
  completed: 'completed',
  revoked: 'cancelled',
};

/** The id of a part that has no id of its own (the templates require one). */
export const unnamedId = el('id', { nullFlavor: 'NI' });

export const entry = (content: XmlElement, typeCode?: string): XmlElement => el('entry', { typeCode }, content);

/** An Entry Reference: the entry with this business id, defined elsewhere in the document. */
export const entryReference = (typeCode: string, id: string): XmlElement =>
  el(
    'entryRelationship',
    { typeCode },
    el(
      'act',
      { classCode: 'ACT', moodCode: 'EVN' },
      templateIds(TEMPLATE.entryReference),
      recordId(id),
      el('code', { nullFlavor: 'NP' }),
      el('statusCode', { code: 'completed' })
    )
  );

/** A Comment Activity (a note) under an entry. */
export const comment = (text: string): XmlElement =>
  el(
    'entryRelationship',
    { typeCode: 'SUBJ', inversionInd: 'true' },
    el(
      'act',
      { classCode: 'ACT', moodCode: 'EVN' },
      templateIds(TEMPLATE.commentActivity),
      codeElement('code', CODE.annotation),
      el('text', {}, text)
    )
  );

export const priorityPreference = (priority: keyof typeof PRIORITY): XmlElement =>
  el(
    'entryRelationship',
    { typeCode: 'REFR' },
    el(
      'observation',
      { classCode: 'OBS', moodCode: 'EVN' },
      templateIds(TEMPLATE.priorityPreference),
      unnamedId,
      codeElement('code', CODE.priority),
      el('statusCode', { code: 'completed' }),
      codeElement('value', PRIORITY[priority], { 'xsi:type': 'CD' })
    )
  );

export const interval = (low: string | undefined, high: string | undefined, type?: string): XmlElement | undefined =>
  low === undefined && high === undefined
    ? undefined
    : el(
        'effectiveTime',
        { 'xsi:type': type },
        low === undefined ? el('low', { nullFlavor: 'UNK' }) : el('low', { value: cdaTime(low) }),
        high === undefined ? undefined : el('high', { value: cdaTime(high) })
      );
