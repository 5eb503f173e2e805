/**
 * How a plan's values read in a list of changes: a concept by its words, a score without `{score}`, a frequency as
 * "1 per week", a field name as the clinician knows it ("how applied", not `application`). Pure.
 */
import { sameJson } from '../mapping/json.ts';
import { isObject as isFields } from '../plan/json-object.ts';

/** A value of the plan: text, number, a part, a list of them. */
export type PlanValue = unknown;

type Fields = Readonly<Record<string, unknown>>;

/** True when both hold the same content (absent keys and keys holding `undefined` are the same). */
export const sameValue: (a: unknown, b: unknown) => boolean = sameJson;

const FIELD_WORDS: Readonly<Record<string, string>> = {
  lifecycle: 'status',
  goalIds: 'goals served',
  goalId: 'goal',
  application: 'how applied',
  performerRef: 'named performer',
  carriedFrom: 'carried from plan',
  serviceType: 'kind of session',
  sessionMinutes: 'session length (minutes)',
  targetEndDate: 'expected end',
  periodStart: 'plan period start',
  replaces: 'replaces plan',
  assessmentIds: 'assessment results',
  use: 'how it will be used',
  typedName: 'typed name',
  image: 'drawn signature',
  planVersion: 'signed version',
  dueDate: 'due date',
  signedAt: 'signed at',
  codes: 'codes',
  modalities: 'modalities consented to',
  grantor: 'consent given by',
  dateTime: 'date',
  expressedBy: 'expressed by',
};

/** `dateOfService` → "date of service"; known fields by the words the forms use. */
export function fieldWords(key: string): string {
  return FIELD_WORDS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `targets` → "target", `modalities` → "modality": one item of a list field, for "target 2 value". */
export function singularWords(key: string): string {
  const words = fieldWords(key);
  if (words.endsWith('ies')) return `${words.slice(0, -3)}y`;
  return words.endsWith('s') ? words.slice(0, -1) : words;
}

/** Fields whose text is a code of ours (`in-progress`), shown with spaces. */
const CODED = new Set([
  'status',
  'lifecycle',
  'achievement',
  'priority',
  'expressedBy',
  'performer',
  'party',
  'role',
  'category',
  'clinicalStatus',
  'verificationStatus',
  'decision',
  'contactMode',
  'intent',
]);

const LONGEST = 80;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > LONGEST ? `${flat.slice(0, LONGEST - 1)}…` : flat;
}

/** “text”, clipped, for free text the clinician wrote. */
export function quote(text: string): string {
  return `“${clip(text)}”`;
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  d: 'per day',
  wk: 'per week',
  mo: 'per month',
};

function amountText(value: number, unit: string): string {
  if (unit === '{score}' || unit === '1' || unit === '') return String(value);
  return unit === '%' ? `${String(value)}%` : `${String(value)} ${unit}`;
}

/** A value as a clinician reads it; `key` says which field it is (codes are shown with spaces). */
export function showValue(value: unknown, key = ''): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'string') return CODED.has(key) ? value.replaceAll('-', ' ') : quoteIfText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map((item) => showValue(item, key)).join(', ');
  }
  if (!isFields(value)) return 'a value';
  return showFields(value);
}

/** Dates, times and codes stay bare; sentences are quoted. */
function quoteIfText(text: string): string {
  return /^[\d:T+\-.Z/]+$/.test(text) || text.length === 0 ? text : quote(text);
}

function showFields(value: Fields): string {
  const { text, codes, system, code, display, name, count, per, unit, measure, comparator } = value;
  if (typeof text === 'string' && Array.isArray(codes)) return quote(text);
  if (typeof system === 'string' && typeof code === 'string') {
    return typeof display === 'string' && display !== '' ? `${code} ${display}` : code;
  }
  if (typeof count === 'number' && typeof per === 'number' && typeof unit === 'string') {
    const every = UNIT_WORDS[unit] ?? `per ${unit}`;
    return per === 1 ? `${String(count)} ${every}` : `${String(count)} every ${String(per)} ${unit}`;
  }
  if (typeof value.value === 'number' && typeof unit === 'string') return amountText(value.value, unit);
  if (isFields(measure) && typeof comparator === 'string') {
    const due = typeof value.dueDate === 'string' ? ` by ${value.dueDate}` : '';
    return `${showValue(measure)} ${comparator} ${showValue(value.value)}${due}`;
  }
  if (typeof name === 'string') {
    const credentials = Array.isArray(value.credentials) ? value.credentials.filter((c) => typeof c === 'string') : [];
    return credentials.length > 0 ? `${name}, ${credentials.join(', ')}` : name;
  }
  const label = partLabel(value);
  if (label !== undefined) return label;
  const shown = Object.entries(value)
    .filter(([key, item]) => item !== undefined && key !== 'id')
    .map(([key, item]) => showValue(item, key));
  return shown.length === 0 ? 'none' : shown.join(', ');
}

/** Fields that name a part, in the order they are tried. */
const LABEL_FIELDS = ['description', 'concern', 'condition', 'treatment', 'technique', 'measure', 'person', 'signer'];

/** How a part with an id is named in a change: its description, concern, technique ...; `undefined` if none. */
export function partLabel(part: Fields): string | undefined {
  for (const key of LABEL_FIELDS) {
    const value = part[key];
    if (value === undefined) continue;
    const shown = showValue(value, key);
    const on = typeof part.date === 'string' ? ` of ${part.date.slice(0, 10)}` : '';
    return key === 'signer' && typeof part.role === 'string' ? `${shown} (${part.role})` : `${shown}${on}`;
  }
  if (typeof part.text === 'string') {
    return typeof part.date === 'string' ? `${quote(part.text)} (${part.date.slice(0, 10)})` : quote(part.text);
  }
  return undefined;
}

/** "set to X", "cleared (was X)", "X → Y": one field's change. */
export function changeWords(key: string, before: unknown, after: unknown): string {
  if (before === undefined) return `set to ${showValue(after, key)}`;
  if (after === undefined) return `cleared (was ${showValue(before, key)})`;
  return `${showValue(before, key)} → ${showValue(after, key)}`;
}
