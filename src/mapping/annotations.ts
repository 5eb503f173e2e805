/**
 * Notes as Annotations. A loaded note that says the same is kept as it was (with its author and time), so an
 * update never strips what another system recorded about a note.
 */
import type * as fhir from 'fhir/r4';

/** Every note, in order, from `texts`. */
export function notesToFhir(texts: readonly string[], loaded?: readonly fhir.Annotation[]): fhir.Annotation[] {
  const unused = [...(loaded ?? [])];
  return texts.map((text) => {
    const i = unused.findIndex((a) => a.text === text);
    return i === -1 ? { text } : (unused.splice(i, 1)[0] ?? { text });
  });
}

export function notesFromFhir(notes: readonly fhir.Annotation[] | undefined): string[] {
  return (notes ?? []).map((n) => n.text);
}

/**
 * A single note of the model kept as the first Annotation; any further (foreign) notes stay after it.
 */
export function firstNoteToFhir(
  text: string | undefined,
  loaded: readonly fhir.Annotation[] | undefined
): fhir.Annotation[] | undefined {
  const [first, ...rest] = loaded ?? [];
  const own = text === undefined ? [] : [first?.text === text ? first : { text }];
  const all = [...own, ...rest];
  return all.length === 0 ? undefined : all;
}
