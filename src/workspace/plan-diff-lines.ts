/**
 * Writes the change lines of one section of a plan diff (plan-diff.ts): walks two versions of the section's
 * fields, matches parts by id, and says in words what was added, removed or changed. Pure.
 */
import { isObject as isFields } from '../plan/json-object.ts';
import { changeWords, fieldWords, partLabel, sameValue, showValue, singularWords } from './plan-diff-words.ts';

export interface PlanChangeLine {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly text: string;
}

export type Fields = Readonly<Record<string, unknown>>;

/** What one part of a list is called in a change line. */
const PART_WORDS: Readonly<Record<string, string>> = {
  presentingConcerns: 'concern',
  diagnoses: 'diagnosis',
  treatmentHistory: 'past treatment',
  responsibilities: 'responsibility',
  strengths: 'strength',
  goals: 'goal',
  objectives: 'objective',
  interventions: 'intervention',
  measurements: 'score',
  progressNotes: 'progress note',
  participants: 'participant',
  signatures: 'signature',
  goalsForChange: 'goal for change',
};

/** Fields that hold ids of other parts: shown by those parts' names. */
const REFERENCES = new Set(['addresses', 'goalIds', 'goalId', 'assessmentIds']);

const hasId = (value: unknown): value is Fields & { readonly id: string } =>
  isFields(value) && typeof value.id === 'string';
const isPartList = (value: unknown): value is readonly (Fields & { readonly id: string })[] =>
  Array.isArray(value) && value.length > 0 && value.every(hasId);
/** Values shown whole (a concept, a code, an amount, a person, a frequency), not field by field. */
const isAtomic = (value: Fields): boolean =>
  'text' in value || 'code' in value || 'unit' in value || ('name' in value && !('credentials' in value));

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const partWords = (key: string): string => PART_WORDS[key] ?? singularWords(key);

/** Collects the lines of one section; `prefix` says which part a line is about ("Goal “X”: "). */
export class Lines {
  readonly lines: PlanChangeLine[] = [];
  private readonly names: ReadonlyMap<string, string>;

  constructor(names: ReadonlyMap<string, string>) {
    this.names = names;
  }

  say(kind: PlanChangeLine['kind'], text: string): void {
    this.lines.push({ kind, text: capitalised(text) });
  }

  fields(before: Fields, after: Fields, prefix: string): void {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== 'id');
    for (const key of keys) {
      if (!sameValue(before[key], after[key])) this.field(key, before[key], after[key], prefix);
    }
  }

  private field(key: string, before: unknown, after: unknown, prefix: string): void {
    const words = `${prefix}${fieldWords(key)}`;
    if (REFERENCES.has(key)) {
      this.references(key, before, after, prefix);
    } else if (isPartList(before) || isPartList(after)) {
      this.parts(key, toList(before), toList(after), prefix);
    } else if (Array.isArray(before) || Array.isArray(after)) {
      this.list(key, toList(before), toList(after), prefix);
    } else if (isFields(before) && isFields(after) && !isAtomic(before) && !isAtomic(after)) {
      this.fields(before, after, `${words} `);
    } else if (isFields(before) !== isFields(after) && !isAtomic(isFields(before) ? before : (after as Fields))) {
      if (before === undefined) this.say('added', `${words} recorded: ${showValue(after, key)}`);
      else if (after === undefined) this.say('removed', `${words} removed (was ${showValue(before, key)})`);
      else this.say('changed', `${words} ${changeWords(key, before, after)}`);
    } else if (isFields(before) && isFields(after) && showValue(before) === showValue(after)) {
      const coded = 'codes' in before || 'code' in before;
      this.say('changed', coded ? `${words} codes ${codesOf(before)} → ${codesOf(after)}` : `${words} changed`);
    } else {
      this.say('changed', `${words} ${changeWords(key, before, after)}`);
    }
  }

  private references(key: string, before: unknown, after: unknown, prefix: string): void {
    const was = toList(before).map(String);
    const now = toList(after).map(String);
    const name = (id: string): string => this.names.get(id) ?? id;
    const added = now.filter((id) => !was.includes(id));
    const removed = was.filter((id) => !now.includes(id));
    const words = `${prefix}${fieldWords(key)}`;
    if (added.length > 0) this.say('added', `${words} added: ${added.map(name).join(', ')}`);
    if (removed.length > 0) this.say('removed', `${words} no longer: ${removed.map(name).join(', ')}`);
    if (added.length === 0 && removed.length === 0) this.say('changed', `${words} reordered`);
  }

  private parts(key: string, before: readonly Fields[], after: readonly Fields[], prefix: string): void {
    const kind = partWords(key);
    const label = (part: Fields): string => partLabel(part) ?? String(part.id);
    const lead = prefix === '' ? capitalised(kind) : `${prefix}${kind}`;
    const find = (list: readonly Fields[], id: unknown): Fields | undefined => list.find((p) => p.id === id);
    for (const part of after) {
      const earlier = find(before, part.id);
      if (earlier === undefined) {
        this.say('added', `${lead} added: ${label(part)}`);
      } else if (!sameValue(earlier, part)) {
        const about = prefix === '' ? `${capitalised(kind)} ${label(part)}: ` : `${prefix.slice(0, -2)}, ${kind} `;
        this.fields(earlier, part, prefix === '' ? about : `${about}${label(part)}: `);
      }
    }
    for (const part of before) {
      if (find(after, part.id) === undefined) this.say('removed', `${lead} removed: ${label(part)}`);
    }
    const kept = (list: readonly Fields[], other: readonly Fields[]): unknown[] =>
      list.filter((p) => find(other, p.id) !== undefined).map((p) => p.id);
    if (!sameValue(kept(before, after), kept(after, before))) {
      this.say('changed', `${prefix}order of ${fieldWords(key)} changed`);
    }
  }

  private list(key: string, before: readonly unknown[], after: readonly unknown[], prefix: string): void {
    const one = `${prefix}${partWords(key)}`;
    if (before.length === after.length) {
      if (sameItems(before, after)) {
        this.say('changed', `${prefix}${fieldWords(key)} reordered`);
        return;
      }
      before.forEach((was, i) => {
        const now = after[i];
        if (sameValue(was, now)) return;
        const which = before.length > 1 ? `${one} ${String(i + 1)}` : one;
        if (isFields(was) && isFields(now) && !isAtomic(was) && !isAtomic(now)) this.fields(was, now, `${which} `);
        else this.say('changed', `${which}: ${changeWords(key, was, now)}`);
      });
      return;
    }
    for (const item of missingFrom(after, before)) this.say('added', `${one} added: ${showValue(item, key)}`);
    for (const item of missingFrom(before, after)) this.say('removed', `${one} removed: ${showValue(item, key)}`);
  }
}

const toList = (value: unknown): readonly Fields[] => (Array.isArray(value) ? (value as Fields[]) : []);

/** A concept's or code's codes, for a change that kept the words: "F33.1, 370143000". */
function codesOf(value: Fields): string {
  const codes = Array.isArray(value.codes) ? (value.codes as Fields[]) : [value];
  const shown = codes.map((c) => (typeof c.code === 'string' ? c.code : '')).filter((c) => c !== '');
  return shown.length === 0 ? 'no codes' : shown.join(', ');
}

/** The items of `list` that `other` lacks, counting repeats. */
function missingFrom(list: readonly unknown[], other: readonly unknown[]): unknown[] {
  const left = [...other];
  return list.filter((item) => {
    const at = left.findIndex((x) => sameValue(x, item));
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  missingFrom(a, b).length === 0 && missingFrom(b, a).length === 0;
