/**
 * Lists the app shares with other systems and other plans (CarePlan.goal, Goal.addresses, extensions ...):
 * the app's items take the places its items had, in the model's order (more go at the end); every other loaded
 * item stays where it was.
 */
export function mergeInPlace<T>(loaded: readonly T[], ours: readonly T[], owned: (item: T) => boolean): T[] {
  const result: T[] = [];
  let next = 0;
  for (const item of loaded) {
    if (!owned(item)) result.push(item);
    else if (next < ours.length) result.push(ours[next++] as T);
  }
  return [...result, ...ours.slice(next)];
}

/**
 * Lists of references: ours in the model's order, reusing a loaded Reference to the same record (its display
 * and extensions stay); loaded references to records the reader did not place in this plan are kept.
 */
import type * as fhir from 'fhir/r4';
import { recordIdentifier, serverAddress } from './identifiers.ts';
import type { ResourceIndex } from './resource-index.ts';

export function mergeReferences(
  ours: readonly fhir.Reference[],
  loaded: readonly fhir.Reference[] | undefined,
  placed: (reference: fhir.Reference) => boolean
): fhir.Reference[] {
  const same = (l: fhir.Reference, r: fhir.Reference): boolean =>
    l.reference !== undefined && l.reference === r.reference;
  const reused = ours.map((r) => loaded?.find((l) => same(l, r)) ?? r);
  return mergeInPlace(loaded ?? [], reused, (l) => placed(l) || ours.some((r) => same(l, r)));
}

/**
 * A reference to another plan by its id: its address when it was loaded, and always its business identifier
 * (a logical reference, https://hl7.org/fhir/R4/references.html#logical), so it resolves on any server.
 */
export function planReference(id: string, loaded: ResourceIndex): fhir.Reference {
  const address = serverAddress(id, 'CarePlan');
  if (address) return { reference: address };
  const found = loaded.byKey('CarePlan', id);
  const reference = found && !found.container ? { reference: found.address } : { type: 'CarePlan' };
  return { ...reference, identifier: recordIdentifier(id) };
}
