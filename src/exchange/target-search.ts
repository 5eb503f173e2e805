/** Searches on the target server with a ready-made query (the same text a conditional create sends). */
import type * as fhir from 'fhir/r4';
import type { FhirGateway, SearchParams } from '../fhir/gateway.ts';

/** Parameters a server insists on per type (Epic's CarePlan `category`): each element is one search variant. */
export type RequiredSearchParams = Readonly<Record<string, readonly SearchParams[]>>;

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

function variantQuery(query: string, variant: SearchParams): string {
  const extra = Object.entries(variant).flatMap(([name, value]) => {
    const values: readonly string[] = typeof value === 'string' ? [value] : value;
    return values.map((v) => `${encodeURIComponent(name)}=${encodeURIComponent(v)}`);
  });
  return [query, ...extra].join('&');
}

/**
 * `findOnTarget` on a server that refuses some searches without certain parameters: one search per variant
 * the server requires for the type, the matches together (each record once).
 */
export async function findWithRequired<T extends fhir.FhirResource = fhir.FhirResource>(
  target: FhirGateway,
  resourceType: string,
  query: string,
  required: RequiredSearchParams = {}
): Promise<T[]> {
  const variants = required[resourceType] ?? [];
  if (variants.length === 0) return findOnTarget<T>(target, resourceType, query);
  const pages = await Promise.all(variants.map((v) => findOnTarget<T>(target, resourceType, variantQuery(query, v))));
  const seen = new Set<string>();
  return pages.flat().filter((resource) => {
    const key = resource.id ?? JSON.stringify(resource);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
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
