/**
 * The resources loaded for one client, one per type and id: the same resource can arrive as a match and as an
 * include, or twice across pages, and the newest version wins. Also finds the references that still point at
 * something not loaded.
 * @see https://hl7.org/fhir/R4/references.html
 */
import type * as fhir from 'fhir/r4';

export class RecordSet {
  readonly #byKey = new Map<string, fhir.FhirResource>();

  /** Adds the entries of a searchset (matches and includes), leaving out the server's OperationOutcomes. */
  addPage(page: fhir.Bundle): void {
    for (const entry of page.entry ?? []) {
      const resource = entry.resource as fhir.FhirResource | undefined;
      if (resource && entry.search?.mode !== 'outcome' && resource.resourceType !== 'OperationOutcome') {
        this.add(resource);
      }
    }
  }

  add(resource: fhir.FhirResource): void {
    if (resource.id === undefined) {
      return;
    }
    const key = `${resource.resourceType}/${resource.id}`;
    const known = this.#byKey.get(key);
    if (known === undefined || isNewer(resource, known)) {
      this.#byKey.set(key, resource);
    }
  }

  has(reference: string): boolean {
    return this.#byKey.has(reference);
  }

  all(): fhir.FhirResource[] {
    return [...this.#byKey.values()];
  }

  ofType<T extends fhir.FhirResource>(resourceType: T['resourceType']): T[] {
    return this.all().filter((resource): resource is T => resource.resourceType === resourceType);
  }

  /**
   * `Type/id` of every reference to one of `types` (relative, or absolute on `baseUrl`) whose target is not
   * loaded, sorted. Contained (`#x`) and logical references are not followed.
   */
  missingReferences(types: readonly string[], baseUrl: string): string[] {
    const wanted = new Set(types);
    const missing = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) {
        value.forEach(visit);
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
          if (key === 'reference' && typeof item === 'string') {
            const target = localReference(item, baseUrl);
            if (target && wanted.has(target.split('/')[0] ?? '') && !this.#byKey.has(target)) {
              missing.add(target);
            }
          } else {
            visit(item);
          }
        }
      }
    };
    this.#byKey.forEach(visit);
    return [...missing].sort();
  }
}

const REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** `Type/id` for a reference on this server, without any version. */
function localReference(reference: string, baseUrl: string): string | undefined {
  const relative = reference.startsWith(`${baseUrl}/`) ? reference.slice(baseUrl.length + 1) : reference;
  const match = REFERENCE.exec(relative);
  return match ? `${match[1] ?? ''}/${match[2] ?? ''}` : undefined;
}

/** By `meta.versionId` when both are whole numbers (most servers), otherwise by `meta.lastUpdated`. */
function isNewer(candidate: fhir.FhirResource, known: fhir.FhirResource): boolean {
  const a = candidate.meta?.versionId;
  const b = known.meta?.versionId;
  if (a !== undefined && b !== undefined && /^\d+$/.test(a) && /^\d+$/.test(b)) {
    return Number(a) > Number(b);
  }
  const aTime = Date.parse(candidate.meta?.lastUpdated ?? '');
  const bTime = Date.parse(known.meta?.lastUpdated ?? '');
  return !Number.isNaN(aTime) && (Number.isNaN(bTime) || aTime > bTime);
}
