/** Small builders for the printed plan's outline blocks; a row or list with nothing in it is left out. */
import type { OutlineBlock, OutlineRow } from './plan-outline.ts';

/** Rows for the pairs that have a value; no block at all when none has. */
export function rows(...pairs: readonly (readonly [string, string | undefined])[]): OutlineBlock[] {
  const present: OutlineRow[] = pairs.flatMap(([label, value]) =>
    value === undefined || value.trim() === '' ? [] : [{ label, value }]
  );
  return present.length === 0 ? [] : [{ kind: 'rows', rows: present }];
}

/** A labelled list; says "None recorded." under the label when it is empty and `always` is set. */
export function list(label: string, items: readonly string[], always = false): OutlineBlock[] {
  const present = items.filter((item) => item.trim() !== '');
  if (present.length > 0) return [{ kind: 'list', label, items: present }];
  return always ? [{ kind: 'list', label, items: [] }] : [];
}

export function paragraph(label: string, text: string | undefined): OutlineBlock[] {
  return text === undefined || text.trim() === '' ? [] : [{ kind: 'paragraph', label, text }];
}

export function entry(title: string, blocks: readonly OutlineBlock[]): OutlineBlock {
  return { kind: 'entry', title, blocks };
}

/** The blocks, or a "None recorded" line when there are none. */
export function orNone(blocks: readonly OutlineBlock[], text = 'None recorded.'): readonly OutlineBlock[] {
  return blocks.length > 0 ? blocks : [{ kind: 'none', text }];
}
