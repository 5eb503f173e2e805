/**
 * After a conflict (409/412), which records someone else changed: those the save meant to update (it carried
 * `If-Match`) whose version on the server is no longer the one loaded. Servers often do not say which entry failed.
 * @see https://hl7.org/fhir/R4/http.html#concurrency
 */
import type * as fhir from 'fhir/r4';
import { recordWords } from './sections.ts';

/** `W/"3"` → `3`. */
function versionOf(etag: string): string {
  return etag.replace(/^W\//, '').replaceAll('"', '');
}

/** The changed records in words, e.g. `a goal or objective (Goal/g1)`; empty when none can be told. */
export function changedRecords(request: fhir.Bundle, fresh: readonly fhir.FhirResource[]): string[] {
  const versions = new Map(fresh.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r.meta?.versionId]));
  return (request.entry ?? []).flatMap((entry) => {
    const ifMatch = entry.request?.ifMatch;
    const address = entry.request?.url.split('?')[0] ?? '';
    if (ifMatch === undefined || !versions.has(address)) return [];
    const now = versions.get(address);
    const type = address.split('/')[0] ?? '';
    return now !== undefined && now !== versionOf(ifMatch) ? [`${recordWords(type)} (${address})`] : [];
  });
}
