/**
 * A draft is one record the plan maps to, before it is compared with what was loaded: its type, its business
 * id (`key`), the profile it claims and the elements the app owns. Everything else in a loaded record is kept.
 */
import type * as fhir from 'fhir/r4';
import type { TreatmentPlan } from '../plan/treatment-plan.ts';
import type { ResourceIndex } from './resource-index.ts';

/** The elements the app owns; an element set to undefined is removed from the loaded record. */
export type Owned<T> = { [K in keyof T]?: T[K] | undefined };

export interface Draft<T extends fhir.FhirResource = fhir.FhirResource> {
  readonly type: T['resourceType'];
  /** The business id: the model's id, or one derived from the plan's (`<plan id>/care-schedule`). */
  readonly key: string;
  readonly profile: string;
  readonly owned: (loaded: T | undefined, ctx: WriteContext) => Owned<T>;
  /** A conditional-create query other than the identifier one (Provenance has no identifier). */
  readonly ifNoneExist?: string;
  /** How the business id is carried: as an identifier (default), or not at all (it is in `owned`). */
  readonly identifiedBy?: 'identifier' | 'owned';
  /** False for records that hold nothing about the client (a place of service). */
  readonly sensitive?: boolean;
}

/** What each part's writer needs: the plan, what was loaded, and the reference of every other record. */
export interface WriteContext {
  readonly plan: TreatmentPlan;
  readonly loaded: ResourceIndex;
  /** The reference to the record of `type` with business id `key` (new: `urn:uuid:`, loaded: `Type/id`). */
  ref(type: string, key: string): string | undefined;
  /** References to each of `keys` that resolves, as Reference objects. */
  refs(type: string, keys: readonly string[]): fhir.Reference[];
  /**
   * Whether a loaded reference points at a record the reader placed in a plan: such links are the app's to
   * rewrite; any other loaded link is kept as it was.
   */
  placed(reference: fhir.Reference, from?: fhir.FhirResource): boolean;
  /** The same for an address (`CarePlan/1#activity[0]` for an inline activity the reader placed). */
  placedAddress(address: string): boolean;
}

// The drafts are typed per resource where they are made and handled generically here.
export function draft<T extends fhir.FhirResource>(value: Draft<T>): Draft {
  return value as unknown as Draft;
}
