/**
 * `readPlanInput(json)`: the reader's front door for anything an integrator or a server hands us (any Bundle
 * type, an array of resources, one resource, or JSON that is not FHIR at all). It never throws on data: what it
 * cannot read is in `notUnderstood`, and every record of the input is either in `placed` or reported there.
 *
 * - One CarePlan is read (`planId`, else the newest active mental-health plan nothing replaces); the others are
 *   listed in `otherPlans`.
 * - No CarePlan at all: the plan is a draft with no id assembled from the loose records (`source: 'assembled'`).
 * - Context records (Patient, Practitioner, Organization ...) count as placed when a placed record refers to
 *   them; otherwise they are reported.
 */
import type * as fhir from 'fhir/r4';
import { readPlan } from './plan-from-fhir.ts';
import type { FullReading, PlanFromFhirOptions } from './plan-from-fhir.ts';
import { entriesAsResources, planInput } from './plan-input.ts';
import type { InputEntry } from './plan-input.ts';
import type { NotUnderstood } from './read-context.ts';
import { indexResources } from './resource-index.ts';
import type { Located, ResourceIndex } from './resource-index.ts';

export interface PlanInputReading extends Omit<FullReading, 'placed'> {
  /** Addresses (`Type/id`, fullUrl, `CarePlan/1#goal`, `CarePlan/1#activity[0]`) of what was placed. */
  readonly placed: readonly string[];
  /** The resources as read (Bundles opened up, shapes repaired): what the writer takes as loaded. */
  readonly resources: readonly fhir.FhirResource[];
}

const CONTEXT = new Set(['Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Organization', 'Location']);

/** Every `reference` string anywhere inside `value`. */
function referencesIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'reference' && typeof item === 'string') into.push(item);
      else referencesIn(item, into);
    }
  }
  return into;
}

/** Context records that placed records refer to (directly or through other context records). */
function referencedContext(index: ResourceIndex, placed: ReadonlySet<string>): Set<Located> {
  const found = new Set<Located>();
  const queue = index.all.filter((l) => placed.has(l.address));
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const reference of referencesIn(next.resource)) {
      const target = index.resolve(reference, next);
      if (target && !target.container && CONTEXT.has(target.resource.resourceType) && !found.has(target)) {
        found.add(target);
        queue.push(target);
      }
    }
  }
  return found;
}

function reading(entries: readonly InputEntry[], options: PlanFromFhirOptions): PlanInputReading {
  const resources = entriesAsResources(entries);
  const read = readPlan(resources, options);
  const index = indexResources(resources);
  const context = referencedContext(index, read.placed);
  const extra: NotUnderstood[] = [];
  for (const located of index.all) {
    if (!CONTEXT.has(located.resource.resourceType) || read.placed.has(located.address)) continue;
    if (!context.has(located))
      extra.push({
        resource: located.address,
        path: located.resource.resourceType,
        reason: 'nothing in the plan refers to it',
      });
  }
  const placed = [...read.placed, ...[...context].map((l) => l.address).filter((a) => !read.placed.has(a))];
  return {
    ...read,
    notUnderstood: [...read.notUnderstood, ...extra],
    placed,
    resources: entries.map((e) => e.resource),
  };
}

/** Reads a plan from whatever JSON it is given; never throws on data. */
export function readPlanInput(json: unknown, options: PlanFromFhirOptions = {}): PlanInputReading {
  const input = planInput(json);
  const withInput = (r: PlanInputReading): PlanInputReading => ({
    ...r,
    notUnderstood: [...input.notUnderstood, ...r.notUnderstood],
  });
  try {
    return withInput(reading(input.entries, options));
  } catch (error) {
    // A shape the repairs in input-shape.ts did not foresee: find the record that trips the reader, read the
    // plan without it and report it, so one odd record never hides the rest.
    const message = error instanceof Error ? error.message : String(error);
    for (let i = 0; i < input.entries.length; i += 1) {
      const entry = input.entries[i];
      if (!entry) continue;
      const without = input.entries.filter((_, j) => j !== i);
      try {
        const rest = reading(without, options);
        const name = entry.resource.id ? `${entry.resource.resourceType}/${entry.resource.id}` : (entry.fullUrl ?? '');
        return withInput({
          ...rest,
          notUnderstood: [
            ...rest.notUnderstood,
            { resource: name, path: entry.resource.resourceType, reason: `could not be read (${message})` },
          ],
        });
      } catch {
        // Not this record: try the next one.
      }
    }
    const nothing = reading([], options);
    return withInput({
      ...nothing,
      notUnderstood: input.entries.map((e) => ({
        resource: e.resource.id ? `${e.resource.resourceType}/${e.resource.id}` : (e.fullUrl ?? ''),
        path: e.resource.resourceType,
        reason: `the records could not be read together (${message})`,
      })),
      resources: input.entries.map((e) => e.resource),
    });
  }
}
