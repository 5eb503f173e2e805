/**
 * Whatever an integrator or a server hands the reader, as a list of resources: a Bundle of any type
 * (collection, searchset, transaction, document, batch-response, history; https://hl7.org/fhir/R4/bundle.html),
 * Bundles inside Bundles, an array of resources, or a single resource. Entries the reader cannot use are
 * reported, never dropped silently: entries without a resource (a response status, a deleted version), search
 * outcomes (OperationOutcome), older versions of a record in a history Bundle, and JSON that is no resource.
 */
import type * as fhir from 'fhir/r4';
import { repairResource } from './input-shape.ts';
import type { NotUnderstood } from './read-context.ts';
import { isObject, type Json } from '../plan/json-object.ts';

export interface InputEntry {
  readonly resource: fhir.FhirResource;
  /** The Bundle fullUrl it came with: what `urn:uuid:` and absolute references point at. */
  readonly fullUrl?: string;
}

export interface PlanInput {
  /** The resources, shapes repaired (Bundles opened up), in input order. */
  readonly entries: readonly InputEntry[];
  readonly notUnderstood: readonly NotUnderstood[];
}

/** The entries as resources the index opens up again, each with its fullUrl (a one-entry Bundle carries it). */
export function entriesAsResources(entries: readonly InputEntry[]): fhir.FhirResource[] {
  return entries.map(({ resource, fullUrl }) =>
    fullUrl === undefined ? resource : { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl, resource }] }
  );
}

function issuesText(outcome: Json): string {
  const issues = Array.isArray(outcome.issue) ? (outcome.issue as unknown[]) : [];
  const texts = issues.flatMap((i) => {
    if (!isObject(i)) return [];
    const details = isObject(i.details) && typeof i.details.text === 'string' ? i.details.text : undefined;
    const diagnostics = typeof i.diagnostics === 'string' ? i.diagnostics : undefined;
    return [details ?? diagnostics ?? (typeof i.code === 'string' ? i.code : '')].filter((t) => t !== '');
  });
  return texts.length > 0 ? `: ${texts.join('; ')}` : '';
}

/** Opens up `json` into resources; every part it cannot use is in `notUnderstood`. */
export function planInput(json: unknown): PlanInput {
  const entries: InputEntry[] = [];
  const notUnderstood: NotUnderstood[] = [];
  const seen = new Set<string>();

  const add = (value: unknown, where: string, fullUrl: string | undefined): void => {
    const id = isObject(value) && typeof value.id === 'string' ? value.id : undefined;
    const type = isObject(value) && typeof value.resourceType === 'string' ? value.resourceType : undefined;
    const name = type !== undefined && id !== undefined ? `${type}/${id}` : (fullUrl ?? where);
    const resource = repairResource(value, where, (path, reason) => {
      notUnderstood.push({ resource: name, path, reason });
    });
    if (!resource || type === undefined) return;
    if (type === 'Bundle') {
      openBundle(resource, fullUrl ?? (typeof resource.id === 'string' ? `Bundle/${resource.id}` : where));
      return;
    }
    if (type === 'OperationOutcome') {
      notUnderstood.push({
        resource: name,
        path: 'OperationOutcome',
        reason: `the server said${issuesText(resource)}`,
      });
      return;
    }
    const address = typeof resource.id === 'string' ? `${type}/${resource.id}` : undefined;
    if (address !== undefined && seen.has(address)) {
      // A history Bundle lists the newest version first (https://hl7.org/fhir/R4/http.html#history).
      notUnderstood.push({
        resource: address,
        path: type,
        reason: 'another copy or an older version; the first is read',
      });
      return;
    }
    if (address !== undefined) seen.add(address);
    const typed = resource as unknown as fhir.FhirResource;
    entries.push(fullUrl === undefined ? { resource: typed } : { resource: typed, fullUrl });
  };

  const openBundle = (bundle: Json, name: string): void => {
    const items = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
    items.forEach((entry, i) => {
      const where = `Bundle.entry[${i}]`;
      if (!isObject(entry)) return;
      const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
      if (entry.resource === undefined || entry.resource === null) {
        const status =
          isObject(entry.response) && typeof entry.response.status === 'string' ? entry.response.status : '';
        const method = isObject(entry.request) && typeof entry.request.method === 'string' ? entry.request.method : '';
        const what = method === 'DELETE' ? 'a deletion' : status !== '' ? `a response (${status})` : 'nothing';
        notUnderstood.push({ resource: fullUrl ?? name, path: where, reason: `an entry without a resource: ${what}` });
        return;
      }
      add(entry.resource, where, fullUrl);
    });
  };

  if (Array.isArray(json))
    json.forEach((item, i) => {
      add(item, `[${i}]`, undefined);
    });
  else add(json, '(input)', undefined);
  return { entries, notUnderstood };
}
