/**
 * References of an import's input to records it does not hold, that the target server does: a relative
 * reference (`Practitioner/7`) the target can read, or a conditional reference
 * (https://hl7.org/fhir/R4/http.html#trules, `Practitioner?identifier=x|y`) that matches one record there.
 */
import type * as fhir from 'fhir/r4';
import { FhirError } from '../fhir/fhir-error.ts';
import type { FhirGateway } from '../fhir/gateway.ts';
import type { DanglingReference } from './portable-records.ts';
import { findOnTarget, inParallel } from './target-search.ts';

const RELATIVE = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;
/** A conditional reference (https://hl7.org/fhir/R4/http.html#trules): `Practitioner?identifier=x|y`. */
const CONDITIONAL = /^([A-Z][A-Za-z]+)\?(.+)$/;

/**
 * The references among `dangling` that name a record the target server holds, with the address to use: a
 * relative reference the target can read stays as it is; a conditional reference that matches exactly one
 * record there points at it.
 */
export async function heldByTarget(
  target: FhirGateway,
  dangling: readonly DanglingReference[]
): Promise<Map<string, string>> {
  const candidates = [
    ...new Set(dangling.map((d) => d.reference).filter((r) => RELATIVE.test(r) || CONDITIONAL.test(r))),
  ];
  const found = await inParallel(candidates, 8, async (reference): Promise<string | undefined> => {
    const conditional = CONDITIONAL.exec(reference);
    try {
      if (conditional) {
        const matches = await findOnTarget(target, conditional[1] ?? '', conditional[2] ?? '');
        const [only] = matches;
        return matches.length === 1 && only ? `${only.resourceType}/${only.id ?? ''}` : undefined;
      }
      await target.read(reference);
      return reference;
    } catch (error) {
      if (error instanceof FhirError && error.status >= 400 && error.status < 500) return undefined;
      throw error;
    }
  });
  const held = new Map<string, string>();
  candidates.forEach((reference, i) => {
    const address = found[i];
    if (address !== undefined) held.set(reference, address);
  });
  return held;
}

/** `reference` pointed at the record the target holds, when it holds one. */
export function heldReference(
  reference: fhir.Reference,
  held: ReadonlyMap<string, string>
): fhir.Reference | undefined {
  const address = held.get(reference.reference ?? '');
  return address === undefined ? undefined : { ...reference, reference: address };
}
