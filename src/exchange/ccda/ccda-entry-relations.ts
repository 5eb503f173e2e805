/**
 * What hangs off a C-CDA entry: its entryRelationships by type code, the entries it references by business id
 * (Entry References), its notes (Comment Activities), its Priority Preference, and interval bounds.
 */
import { CODE, PRIORITY, TEMPLATE } from './ccda-codes.ts';
import { attr, child, children, entryId, hasTemplate, words, type CdaNode } from './ccda-nodes.ts';

export type SystemOf = (oid: string) => string;

/** The entryRelationships of an entry with this type code. */
export const relations = (node: CdaNode, typeCode: string): CdaNode[] =>
  children(node, 'entryRelationship').filter((r) => attr(r, 'typeCode') === typeCode);

/** The business ids an entry points at with Entry References of this type code. */
export const referencedIds = (node: CdaNode, typeCode: string): string[] =>
  relations(node, typeCode).flatMap((r) => children(r, 'act').flatMap((act) => entryId(act) ?? []));

/** The notes of an entry: its Comment Activities. */
export const commentsOf = (node: CdaNode): string[] =>
  children(node, 'entryRelationship').flatMap((r) =>
    children(r, 'act')
      .filter(
        (act) => hasTemplate(act, TEMPLATE.commentActivity) || attr(child(act, 'code'), 'code') === CODE.annotation.code
      )
      .map((act) => words(child(act, 'text')))
      .filter((text) => text !== '')
  );

export const lowOf = (node: CdaNode | undefined): string | undefined =>
  attr(child(node, 'low'), 'value') ?? attr(node, 'value');
export const highOf = (node: CdaNode | undefined): string | undefined => attr(child(node, 'high'), 'value');

/** Priority Preference of an entry (`high`, `medium`, `low`). */
export function priorityOf(node: CdaNode): keyof typeof PRIORITY | undefined {
  const code = relations(node, 'REFR')
    .flatMap((r) => children(r, 'observation'))
    .filter((o) => hasTemplate(o, TEMPLATE.priorityPreference))
    .map((o) => attr(child(o, 'value'), 'code'))[0];
  return (Object.keys(PRIORITY) as (keyof typeof PRIORITY)[]).find((key) => PRIORITY[key].code === code);
}

/** A status map read backwards: the C-CDA code to the model's value. */
export const reverse = <K extends string>(map: Readonly<Record<K, string>>): ReadonlyMap<string, K> =>
  new Map(Object.entries(map).map(([key, value]) => [value as string, key as K]));
