/**
 * What is left of a search after its first page. Following `next` links one after another makes the number of
 * sequential round trips grow with the record; when the link pages by offset and the total is known, every
 * remaining page's URL can be written down at once and fetched in parallel. Opaque links (a server-side cursor)
 * can only be followed. Pure: no IO.
 * @see https://hl7.org/fhir/R4/http.html#paging
 */
import type * as fhir from 'fhir/r4';

/** Offset parameters in next links: R4's `_offset` (Medplum, the sandbox) and HAPI's `_getpagesoffset`. */
const OFFSET_PARAMS = ['_offset', '_getpagesoffset'] as const;

export type RemainingPages =
  | { readonly kind: 'none' }
  /** Absolute URLs of every remaining page, in order; `truncated` when maxPages cut the list short. */
  | { readonly kind: 'offsets'; readonly urls: string[]; readonly truncated: boolean }
  | { readonly kind: 'opaque'; readonly next: string };

/** The `next` link of a searchset page, if any. */
export function nextLink(page: fhir.Bundle): string | undefined {
  return page.link?.find((link) => link.relation === 'next')?.url;
}

/**
 * @param first the first page of a search
 * @param maxPages the most pages to list beyond the first
 */
export function remainingPages(first: fhir.Bundle, maxPages: number): RemainingPages {
  const next = nextLink(first);
  if (next === undefined) {
    return { kind: 'none' };
  }
  const nextUrl = parseUrl(next);
  const param = OFFSET_PARAMS.find((name) => nextUrl?.searchParams.has(name));
  const nextOffset = param === undefined ? undefined : wholeNumber(nextUrl?.searchParams.get(param));
  if (nextUrl === undefined || param === undefined || nextOffset === undefined || typeof first.total !== 'number') {
    return { kind: 'opaque', next };
  }
  const self = first.link?.find((link) => link.relation === 'self')?.url;
  const selfOffset = wholeNumber(self === undefined ? undefined : parseUrl(self)?.searchParams.get(param)) ?? 0;
  // The step is what the server actually served per page, which may be less than the `_count` asked for.
  const step = nextOffset - selfOffset;
  if (step <= 0) {
    return { kind: 'opaque', next };
  }
  const urls: string[] = [];
  for (let offset = nextOffset; offset < first.total && urls.length < maxPages; offset += step) {
    const url = new URL(nextUrl);
    url.searchParams.set(param, String(offset));
    urls.push(url.toString());
  }
  return { kind: 'offsets', urls, truncated: nextOffset + urls.length * step < first.total };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    // A relative or malformed link: nothing to compute from, so it is followed as given.
    return undefined;
  }
}

function wholeNumber(text: string | null | undefined): number | undefined {
  return text != null && /^\d+$/.test(text) ? Number(text) : undefined;
}
