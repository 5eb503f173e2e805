/**
 * Turns the engine's search result into a searchset a client can page through: absolute `fullUrl`s, and
 * `self`, `first`, `previous`, `next` and `last` links on our base that carry the client's own parameters, so
 * following `next` runs the same search one page on.
 * @see https://hl7.org/fhir/R4/http.html#paging
 */
import type * as fhir from 'fhir/r4';
import type { NormalisedSearch } from './search-normalise.ts';

export interface SearchPage {
  readonly base: string;
  readonly resourceType: string;
  readonly search: NormalisedSearch;
}

export function finishSearchBundle(bundle: fhir.Bundle, page: SearchPage): fhir.Bundle {
  const { base, resourceType, search } = page;
  const total = bundle.total ?? 0;
  const link = (relation: string, offset: number): fhir.BundleLink => ({
    relation,
    url: pageUrl(base, resourceType, search, offset),
  });
  const links = [link('self', search.offset)];
  if (search.count > 0) {
    const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / search.count) * search.count;
    links.push(link('first', 0));
    if (search.offset > 0) {
      links.push(link('previous', Math.max(0, search.offset - search.count)));
    }
    if (search.offset + search.count < total) {
      links.push(link('next', search.offset + search.count));
    }
    links.push(link('last', lastOffset));
  }
  const entry = (bundle.entry ?? []).map((entry) => withFullUrl(entry, base, search.elements));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: links,
    ...(entry.length ? { entry } : {}),
  };
}

function pageUrl(base: string, resourceType: string, search: NormalisedSearch, offset: number): string {
  const query = new URLSearchParams(search.linkQuery);
  query.set('_count', String(search.count));
  if (offset > 0) {
    query.set('_offset', String(offset));
  }
  return `${base}/${resourceType}?${query.toString()}`;
}

function withFullUrl(entry: fhir.BundleEntry, base: string, elements?: readonly string[]): fhir.BundleEntry {
  const resource = entry.resource;
  if (!resource?.id) {
    return entry;
  }
  const isMatch = entry.search?.mode !== 'include';
  return {
    fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
    ...entry,
    resource: elements && isMatch ? subset(resource, elements) : resource,
  };
}

/**
 * `_elements`: only the named top-level elements plus the mandatory ones, tagged SUBSETTED as R4 requires.
 * @see https://hl7.org/fhir/R4/search.html#elements
 */
function subset(resource: fhir.Resource, elements: readonly string[]): fhir.Resource {
  const keep = new Set(['resourceType', 'id', 'meta', ...elements]);
  const out = Object.fromEntries(Object.entries(resource).filter(([key]) => keep.has(key))) as fhir.Resource;
  const tag = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };
  return { ...out, meta: { ...out.meta, tag: [...(out.meta?.tag ?? []), tag] } };
}
