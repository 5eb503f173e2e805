/**
 * What the import will do with each record on the target (issue 6 §2): look each one up by its business
 * identifier (the query its conditional create would send). Not there → create; there and the same → match
 * (nothing written, references point at it); there and different → update (PUT with If-Match on the version
 * seen, https://hl7.org/fhir/R4/http.html#concurrency). The people and places the target already holds are
 * never overwritten by an import: they are matched.
 */
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../fhir/gateway.ts';
import type { ImportIssue, PlannedAction } from './import-report.ts';
import type { PortableEntry } from './portable-records.ts';
import { rewriteReferences } from './reference-walk.ts';
import { recordDescription } from './record-words.ts';
import { findWithRequired, inParallel, type RequiredSearchParams } from './target-search.ts';

const CONTEXT = new Set(['Patient', 'Practitioner', 'PractitionerRole', 'RelatedPerson', 'Organization', 'Location']);

export interface PlannedWrites {
  readonly actions: readonly PlannedAction[];
  readonly transaction: fhir.Bundle;
  readonly issues: readonly ImportIssue[];
}

/** The content two servers can agree on: no id, no version bookkeeping, keys in one order. */
function comparable(resource: fhir.FhirResource): string {
  const rest: Partial<fhir.FhirResource> = { ...resource };
  const meta = rest.meta;
  delete rest.id;
  delete rest.meta;
  const kept = meta
    ? Object.fromEntries(Object.entries(meta).filter(([key]) => ['profile', 'security', 'tag'].includes(key)))
    : {};
  const value = Object.keys(kept).length > 0 ? { ...rest, meta: kept } : rest;
  const sorted = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(sorted)
      : typeof item === 'object' && item !== null
        ? Object.fromEntries(
            Object.entries(item)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, sorted(v)])
          )
        : item;
  return JSON.stringify(sorted(value));
}

type Found =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly existing: fhir.FhirResource }
  | { readonly kind: 'many'; readonly count: number };

export async function planWrites(
  entries: readonly PortableEntry[],
  target: FhirGateway,
  locationOf: (source: string) => string,
  required: RequiredSearchParams = {}
): Promise<PlannedWrites> {
  const found = await inParallel(entries, 8, async (entry): Promise<Found> => {
    const query = entry.request.ifNoneExist;
    if (query === undefined) return { kind: 'none' };
    const matches = await findWithRequired(target, entry.request.url, query, required);
    const [only] = matches;
    return matches.length === 1 && only
      ? { kind: 'one', existing: only }
      : matches.length > 1
        ? { kind: 'many', count: matches.length }
        : { kind: 'none' };
  });
  const addresses = new Map<string, string>();
  entries.forEach((entry, i) => {
    const hit = found[i];
    if (hit?.kind === 'one') addresses.set(entry.fullUrl, `${hit.existing.resourceType}/${hit.existing.id ?? ''}`);
  });
  const pointAtTarget = (resource: fhir.FhirResource): fhir.FhirResource =>
    rewriteReferences(resource, (reference) => {
      const existing = reference.reference === undefined ? undefined : addresses.get(reference.reference);
      return existing === undefined ? reference : { ...reference, reference: existing };
    });

  const actions: PlannedAction[] = [];
  const issues: ImportIssue[] = [];
  const writes: fhir.BundleEntry[] = [];
  entries.forEach((entry, i) => {
    const hit = found[i] ?? { kind: 'none' };
    const resource = pointAtTarget(entry.resource);
    const base = {
      resourceType: entry.resource.resourceType,
      fullUrl: entry.fullUrl,
      source: entry.source,
      ...(entry.identifier ? { identifier: `${entry.identifier.system}|${entry.identifier.value}` } : {}),
      description: recordDescription(entry.resource),
    };
    if (hit.kind === 'many') {
      issues.push({
        severity: 'error',
        location: locationOf(entry.source),
        message: `The target holds ${String(hit.count)} ${entry.resource.resourceType} records with the identifier ${base.identifier ?? ''}: it cannot tell which one this is.`,
        rule: 'identifier',
      });
      actions.push({ ...base, action: 'create' });
      return;
    }
    if (hit.kind === 'none') {
      if (entry.request.ifNoneExist === undefined) {
        issues.push({
          severity: 'warning',
          location: locationOf(entry.source),
          message: `${base.description} has no identifier: importing the same input again would create it again.`,
          rule: 'identifier',
        });
      }
      actions.push({ ...base, action: 'create' });
      writes.push({ fullUrl: entry.fullUrl, resource, request: { ...entry.request } });
      return;
    }
    const existing = hit.existing;
    const address = `${existing.resourceType}/${existing.id ?? ''}`;
    if (CONTEXT.has(existing.resourceType) || comparable(resource) === comparable(existing)) {
      actions.push({ ...base, action: 'match', existing: address });
      return;
    }
    actions.push({ ...base, action: 'update', existing: address });
    const version = existing.meta?.versionId;
    writes.push({
      fullUrl: `${target.baseUrl}/${address}`,
      resource: { ...resource, id: existing.id ?? '' },
      request: { method: 'PUT', url: address, ...(version !== undefined ? { ifMatch: `W/"${version}"` } : {}) },
    });
  });
  return { actions, issues, transaction: { resourceType: 'Bundle', type: 'transaction', entry: writes } };
}
