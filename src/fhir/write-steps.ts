/**
 * The order in which a transaction's entries are sent one by one to a server without transactions, so that no
 * request ever makes a record point at one that does not exist yet (issue 5 §2). Pure: no IO.
 *
 * - A new record is created after every new record it links to; among those ready, the Bundle's own order wins.
 *   The mapping lists the CarePlan after what it links to, so the plan is written last: until then the records
 *   already written are linked from nothing the clinician sees, and a save that stops halfway leaves the plan on
 *   record as it was. (Creating the CarePlan first without links and linking at the end would, if the save
 *   stopped there, put an empty active plan on record, and the loader shows the most recent active plan.)
 * - Records can link to each other in a cycle (a goal lists its scores in `outcomeReference`, each score names
 *   its goal in `focus`). One record of the cycle is created with the links to records not yet created left out
 *   (`withheld`), and a `link` step updates it once they exist. The record picked is one whose withheld links all
 *   sit in lists, so no single field (such as `subject`) is ever left out.
 * - An update of a loaded record comes once every new record it links to exists.
 */
import type * as fhir from 'fhir/r4';
import { mentionedFullUrls, withheldOnlyFromLists } from './local-references.ts';

export type WriteStep =
  /** POST the entry's resource, conditional on its business identifier; `withheld` links are left out for now. */
  | { readonly kind: 'create'; readonly entryIndex: number; readonly withheld: readonly string[] }
  /** PUT a loaded record, with `If-Match` on the version that was loaded. */
  | { readonly kind: 'update'; readonly entryIndex: number }
  /** PUT a record that was created with links withheld, whole, now that their targets exist. */
  | { readonly kind: 'link'; readonly entryIndex: number };

interface Node {
  readonly index: number;
  readonly method: 'POST' | 'PUT';
  /** Indexes of the new records this entry links to. */
  readonly needs: ReadonlySet<number>;
}

function nodesOf(bundle: fhir.Bundle): Node[] {
  const entries = bundle.entry ?? [];
  const creates = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (entry.request?.method === 'POST' && entry.fullUrl !== undefined) creates.set(entry.fullUrl, index);
  });
  const createUrls = new Set(creates.keys());
  return entries.map((entry, index) => {
    const method = entry.request?.method;
    const resource = entry.resource as fhir.FhirResource | undefined;
    if ((method !== 'POST' && method !== 'PUT') || resource === undefined) {
      throw new TypeError(`Entry ${index} is a ${method ?? 'request-less'} entry; only creates and updates are sent.`);
    }
    const query = decodeQuery(entry.request?.ifNoneExist ?? '');
    const mentioned = [...mentionedFullUrls(resource, createUrls)];
    const inQuery = [...createUrls].filter((url) => query.includes(url));
    const needs = new Set(
      [...mentioned, ...inQuery].flatMap((url) => {
        // A record that names itself is created without that link and linked once it has an id.
        const target = creates.get(url);
        return target === undefined ? [] : [target];
      })
    );
    return { index, method, needs };
  });
}

function decodeQuery(query: string): string {
  try {
    return decodeURIComponent(query);
  } catch {
    // A query with a stray `%` is sent as it is; it names no full URL.
    return query;
  }
}

/** The steps that send `bundle` (a transaction of creates and updates) one request at a time. */
export function writeSteps(bundle: fhir.Bundle): WriteStep[] {
  const nodes = nodesOf(bundle);
  const fullUrlOf = (index: number): string => bundle.entry?.[index]?.fullUrl ?? '';
  const exists = new Set<number>();
  const waiting = new Set(nodes.map((node) => node.index));
  /** Records created with links withheld, and which. */
  const unlinked = new Map<number, ReadonlySet<number>>();
  const steps: WriteStep[] = [];
  const ready = (needs: ReadonlySet<number>): boolean => [...needs].every((index) => exists.has(index));

  while (waiting.size > 0 || unlinked.size > 0) {
    const next = nextReady(nodes, waiting, unlinked, ready);
    if (next?.kind === 'write') {
      const node = nodes[next.index] as Node;
      steps.push(
        node.method === 'POST'
          ? { kind: 'create', entryIndex: node.index, withheld: [] }
          : { kind: 'update', entryIndex: node.index }
      );
      waiting.delete(node.index);
      exists.add(node.index);
    } else if (next?.kind === 'link') {
      steps.push({ kind: 'link', entryIndex: next.index });
      unlinked.delete(next.index);
    } else {
      const node = cycleBreaker(nodes, waiting, bundle);
      const withheld = new Set([...node.needs].filter((index) => !exists.has(index)));
      steps.push({ kind: 'create', entryIndex: node.index, withheld: [...withheld].map(fullUrlOf) });
      waiting.delete(node.index);
      exists.add(node.index);
      unlinked.set(node.index, withheld);
    }
  }
  return steps;
}

/** The lowest-indexed write or link whose targets all exist; undefined when only a cycle is left. */
function nextReady(
  nodes: readonly Node[],
  waiting: ReadonlySet<number>,
  unlinked: ReadonlyMap<number, ReadonlySet<number>>,
  ready: (needs: ReadonlySet<number>) => boolean
): { readonly kind: 'write' | 'link'; readonly index: number } | undefined {
  const write = nodes.find((node) => waiting.has(node.index) && ready(node.needs))?.index;
  const links = [...unlinked].filter(([, needs]) => ready(needs)).map(([index]) => index);
  const link = links.length === 0 ? undefined : Math.min(...links);
  if (link !== undefined && (write === undefined || link < write)) return { kind: 'link', index: link };
  return write === undefined ? undefined : { kind: 'write', index: write };
}

/**
 * The record to create with links withheld: on a cycle, preferring one whose links to the records not yet created
 * all sit in lists, then the Bundle's order.
 */
function cycleBreaker(nodes: readonly Node[], waiting: ReadonlySet<number>, bundle: fhir.Bundle): Node {
  const onCycle = nodes.filter((node) => waiting.has(node.index) && reachesItself(node, nodes, waiting));
  const listOnly = onCycle.find((node) => {
    const resource = bundle.entry?.[node.index]?.resource as fhir.FhirResource | undefined;
    const pending = new Set([...node.needs].filter((i) => waiting.has(i)).map((i) => bundle.entry?.[i]?.fullUrl ?? ''));
    return resource !== undefined && withheldOnlyFromLists(resource, pending);
  });
  const picked = listOnly ?? onCycle[0];
  if (picked === undefined) {
    // Unreachable: records that wait on one another with none ready form a cycle.
    throw new Error('No record could be written next, and none is on a cycle.');
  }
  return picked;
}

function reachesItself(start: Node, nodes: readonly Node[], waiting: ReadonlySet<number>): boolean {
  const seen = new Set<number>();
  const stack = [...start.needs];
  while (stack.length > 0) {
    const index = stack.pop() as number;
    if (index === start.index) return true;
    if (seen.has(index) || !waiting.has(index)) continue;
    seen.add(index);
    stack.push(...(nodes[index]?.needs ?? []));
  }
  return false;
}
