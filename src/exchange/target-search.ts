/** Searches on the target server with a ready-made query (the same text a conditional create sends). */
import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../fhir/gateway.ts';

/** The matches of `Type?query` on the target (first page: a business identifier matches few records). */
export async function findOnTarget<T extends fhir.FhirResource = fhir.FhirResource>(
  target: FhirGateway,
  resourceType: string,
  query: string
): Promise<T[]> {
  const { body } = await target.request<fhir.Bundle>({ method: 'GET', url: `${resourceType}?${query}` });
  return (body?.entry ?? []).flatMap((entry) => {
    const resource = entry.resource as fhir.FhirResource | undefined;
    return resource?.resourceType === resourceType && entry.search?.mode !== 'include' ? [resource as T] : [];
  });
}

/** Runs `work` over `items` with at most `limit` at a time, results in order. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
