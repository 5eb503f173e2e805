/**
 * Which of a client's records travel with a plan: what reading the plan placed, everything those records refer
 * to (the client, practitioners, places, the plans it replaces and theirs, at any depth), and the signatures
 * (Provenance) of every plan among them, which point at the plan rather than the other way round.
 */
import type { Located, ResourceIndex } from '../mapping/resource-index.ts';
import { referencesOf } from './reference-walk.ts';
import { topLevel } from './portable-records.ts';

/** Context records first (as a reader of the Bundle expects them), then the rest in the order of the input. */
const CONTEXT_ORDER = ['Organization', 'Location', 'Practitioner', 'PractitionerRole', 'Patient', 'RelatedPerson'];

function rank(located: Located): number {
  const at = CONTEXT_ORDER.indexOf(located.resource.resourceType);
  return at === -1 ? CONTEXT_ORDER.length : at;
}

/** The top-level records of `index` that belong with the plan whose reading placed `placed`. */
export function planClosure(index: ResourceIndex, placed: readonly string[]): Located[] {
  const chosen = new Set<Located>();
  const queue: Located[] = [];
  const take = (located: Located | undefined): void => {
    if (located === undefined) return;
    const top = topLevel(located);
    if (chosen.has(top)) return;
    chosen.add(top);
    queue.push(top);
  };
  const byAddress = new Map(index.all.map((l) => [l.address, l]));
  for (const address of placed) take(byAddress.get(address.replace(/#.*$/, '')));
  const provenances = index.all.filter((l) => l.resource.resourceType === 'Provenance');
  for (;;) {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const { reference } of referencesOf(next.resource)) {
        if (!reference.reference?.startsWith('#')) take(index.resolve(reference.reference, next));
      }
    }
    const signatures = provenances.filter(
      (p) =>
        !chosen.has(p) &&
        referencesOf(p.resource).some(({ reference, path }) => {
          const target = path.startsWith('Provenance.target') ? index.resolve(reference.reference, p) : undefined;
          return target !== undefined && chosen.has(topLevel(target)) && target.resource.resourceType === 'CarePlan';
        })
    );
    if (signatures.length === 0) break;
    signatures.forEach(take);
  }
  return contextFirst(index, [...chosen]);
}

/** `records` with the people and places first, otherwise in the order of `index`. */
export function contextFirst(index: ResourceIndex, records: readonly Located[]): Located[] {
  const order = new Map(index.all.map((l, i) => [l, i]));
  return [...records].sort((a, b) => rank(a) - rank(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
