/**
 * Where each record sits in the input as given, by the address the reader gives it (`Type/id`, else its full
 * URL): `Bundle.entry[3].resource`, `[2]` (a list), or the resource type (one resource). Issues found on a
 * record are reported at these places, so the user can find them in the file.
 */

import { isObject } from '../plan/json-object.ts';

export function inputLocations(json: unknown): ReadonlyMap<string, string> {
  const places = new Map<string, string>();
  const visit = (value: unknown, location: string, fullUrl: string | undefined): void => {
    if (!isObject(value) || typeof value.resourceType !== 'string') return;
    if (value.resourceType === 'Bundle') {
      const entries = Array.isArray(value.entry) ? (value.entry as unknown[]) : [];
      const prefix = location === 'Bundle' ? 'Bundle' : location;
      entries.forEach((entry, i) => {
        if (!isObject(entry)) return;
        const url = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
        visit(entry.resource, `${prefix}.entry[${String(i)}].resource`, url);
      });
      return;
    }
    const address = typeof value.id === 'string' ? `${value.resourceType}/${value.id}` : fullUrl;
    if (address !== undefined && !places.has(address)) places.set(address, location);
    if (fullUrl !== undefined && !places.has(fullUrl)) places.set(fullUrl, location);
  };
  if (Array.isArray(json)) {
    json.forEach((item, i) => {
      visit(item, `[${String(i)}]`, undefined);
    });
  } else if (isObject(json)) visit(json, typeof json.resourceType === 'string' ? json.resourceType : '', undefined);
  return places;
}
