/**
 * What the reader carries from resource to resource: the index to resolve references, the records it has
 * placed in the plan, and the list of what it could not place. Nothing is dropped silently: whatever a reader
 * does not place is reported with the resource, the FHIRPath of the element and the reason.
 */
import type * as fhir from 'fhir/r4';
import { businessKeyOf } from './identifiers.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

export interface NotUnderstood {
  /** `Type/id` of the resource (`CarePlan/1#goal` for a contained one; the Bundle fullUrl when it has no id). */
  readonly resource: string;
  /** FHIRPath of the element, e.g. `Goal.target[1].detailRange`. */
  readonly path: string;
  readonly reason: string;
}

/** Reports an element at `path` (a FHIRPath) that could not be placed. */
export type Report = (path: string, reason: string) => void;

export interface ReadContext {
  readonly index: ResourceIndex;
  /** The plan's client (`Patient/...`), for telling who expressed a goal or signed. */
  readonly clientReference: string | undefined;
  report(at: Located, path: string, reason: string): void;
  reporter(at: Located): Report;
  /** Marks a resource (or an inline part, by its address) as placed in the plan. */
  use(located: Located | string): void;
  used(located: Located | string): boolean;
  /** Addresses of everything placed. */
  readonly placed: ReadonlySet<string>;
  readonly notUnderstood: readonly NotUnderstood[];
}

export function createReadContext(index: ResourceIndex, clientReference: string | undefined): ReadContext {
  const notUnderstood: NotUnderstood[] = [];
  const placed = new Set<string>();
  const address = (located: Located | string): string => (typeof located === 'string' ? located : located.address);
  const reported = new Set<string>();
  const report = (at: Located, path: string, reason: string): void => {
    const key = `${at.address}\u0000${path}`;
    if (reported.has(key)) return;
    reported.add(key);
    notUnderstood.push({ resource: at.address, path, reason });
  };
  return {
    index,
    clientReference,
    report,
    reporter: (at) => (path, reason) => {
      report(at, path, reason);
    },
    use: (located) => placed.add(address(located)),
    used: (located) => placed.has(address(located)),
    placed,
    notUnderstood,
  };
}

/** The model's id of a record: our business identifier, else its server address (`Condition/123`). */
export function idOf(located: Located): string {
  return businessKeyOf(located.resource) ?? located.address;
}

/** Elements every reader understands without placing them (identity, metadata, the subject). */
const ALWAYS_UNDERSTOOD = new Set(['resourceType', 'id', 'meta', 'implicitRules', 'language', 'identifier']);

/**
 * Reports every top-level element of `resource` that is not in `understood`, each extension whose URL is not in
 * `extensions`, and every modifier extension (which may change the meaning of the whole resource).
 */
export function reportUnread(
  report: Report,
  resource: fhir.FhirResource,
  understood: readonly string[],
  extensions: readonly string[] = []
): void {
  const type = resource.resourceType;
  const json = resource as unknown as Record<string, unknown>;
  for (const key of Object.keys(json)) {
    if (ALWAYS_UNDERSTOOD.has(key) || understood.includes(key) || key.startsWith('_')) continue;
    if (key === 'extension' || key === 'modifierExtension') continue;
    report(`${type}.${key}`, 'has no place in the treatment plan');
  }
  const own = 'extension' in resource ? (resource.extension ?? []) : [];
  own.forEach((extension, i) => {
    if (!extensions.includes(extension.url)) {
      report(`${type}.extension[${i}]`, `extension ${extension.url} has no place in the treatment plan`);
    }
  });
  const modifiers = 'modifierExtension' in resource ? (resource.modifierExtension ?? []) : [];
  modifiers.forEach((extension, i) => {
    report(
      `${type}.modifierExtension[${i}]`,
      `modifier extension ${extension.url} is not understood; the record may not mean what the plan shows`
    );
  });
}
