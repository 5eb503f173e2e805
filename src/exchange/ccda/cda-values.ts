/**
 * CDA data types from the plan model's values: identifiers (II), coded values (CD with original text and
 * translations), times (TS, `YYYYMMDDHHMMSS+ZZZZ`), quantities (PQ, IVL_PQ) and names (PN). And back.
 */
import type { Amount, Code, Comparator, Concept } from '../../plan/treatment-plan.ts';
import { OID, oidOfSystem, systemOfOid, type CdaCode } from './ccda-codes.ts';
import { el, type XmlElement } from './xml-text.ts';

/** `<id root=".1" extension="goal-1"/>`: a record of the plan by its business id. */
export const recordId = (id: string): XmlElement => el('id', { root: OID.record, extension: id });

export const templateIds = (...templates: readonly { root: string; extension?: string }[]): XmlElement[] =>
  templates.map((t) => el('templateId', { root: t.root, extension: t.extension }));

export const codeElement = (name: string, code: CdaCode, extra: Record<string, string> = {}): XmlElement =>
  el(name, { ...extra, code: code.code, codeSystem: code.codeSystem, displayName: code.displayName });

function codeAttributes(code: Code): Record<string, string | undefined> {
  const oid = oidOfSystem(code.system);
  return {
    code: code.code,
    codeSystem: oid ?? OID.namedSystem,
    codeSystemName: oid === undefined ? code.system : undefined,
    displayName: code.display,
  };
}

/** A concept as CD: its first code, the others as translations, the words as original text. */
export function conceptElement(name: string, concept: Concept, asValue = false): XmlElement {
  const [first, ...rest] = concept.codes;
  const type = asValue ? { 'xsi:type': 'CD' } : {};
  const words = concept.text.trim() === '' ? undefined : el('originalText', {}, concept.text);
  if (first === undefined) return el(name, { ...type, nullFlavor: 'OTH' }, words);
  return el(
    name,
    { ...type, ...codeAttributes(first) },
    words,
    rest.map((code) => el('translation', codeAttributes(code)))
  );
}

/** An ISO date or zoned date-time as a CDA TS. */
export function cdaTime(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!match) return value.replace(/\D/g, '');
  const [, y, mo, d, h, mi, s, zone] = match;
  const date = `${y ?? ''}${mo ?? ''}${d ?? ''}`;
  if (h === undefined) return date;
  const offset = zone === undefined || zone === 'Z' ? '+0000' : zone.replace(':', '');
  return `${date}${h}${mi ?? '00'}${s ?? '00'}${offset}`;
}

/** A CDA TS as an ISO date (`YYYY-MM-DD`) or a zoned date-time; undefined when it is no time. */
export function isoTime(value: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})?(\d{2})?(?:(\d{2})(\d{2})?(\d{2})?(?:\.\d+)?)?([+-]\d{4})?$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, zone] = match;
  const date = `${y ?? ''}-${mo ?? '01'}-${d ?? '01'}`;
  if (h === undefined) return date;
  const offset = zone === undefined ? 'Z' : zone === '+0000' ? '+00:00' : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date}T${h}:${mi ?? '00'}:${s ?? '00'}${offset}`;
}

export const isoDate = (value: string | undefined): string | undefined => isoTime(value)?.slice(0, 10);

/** A target's comparator and amount as the value of a goal: PQ for `=`, else an interval open on one side. */
export function targetValue(comparator: Comparator, amount: Amount): XmlElement {
  const pq = { value: String(amount.value), unit: amount.unit };
  switch (comparator) {
    case '=':
      return el('value', { 'xsi:type': 'PQ', ...pq });
    case '<':
    case '<=':
      return el('value', { 'xsi:type': 'IVL_PQ' }, el('high', { ...pq, inclusive: String(comparator === '<=') }));
    case '>':
    case '>=':
      return el('value', { 'xsi:type': 'IVL_PQ' }, el('low', { ...pq, inclusive: String(comparator === '>=') }));
  }
}

/** A name as PN: given names and family name when the words split, else the words as they are. */
export function personName(name: string): XmlElement {
  const [words = '', ...suffixes] = name.split(',').map((part) => part.trim());
  const parts = words.split(/\s+/).filter((part) => part !== '');
  const family = parts.pop();
  if (family === undefined || parts.length === 0) return el('name', {}, name.trim());
  return el(
    'name',
    {},
    ...parts.map((given) => el('given', {}, given)),
    el('family', {}, family),
    ...suffixes.filter((suffix) => suffix !== '').map((suffix) => el('suffix', {}, suffix))
  );
}

export { systemOfOid };
