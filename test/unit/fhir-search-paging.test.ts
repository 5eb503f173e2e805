import type * as fhir from 'fhir/r4';
import { describe, expect, test } from 'vitest';
import { remainingPages } from '../../src/fhir/search-paging.ts';

const BASE = 'https://ehr.example/fhir';

function page(links: Record<string, string>, total?: number): fhir.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total === undefined ? {} : { total }),
    link: Object.entries(links).map(([relation, url]) => ({ relation, url })),
  };
}

describe('the pages left after the first', () => {
  test('with _offset links and a total, every remaining page URL is written down at once', () => {
    const first = page(
      {
        self: `${BASE}/Observation?patient=p1&_count=500`,
        next: `${BASE}/Observation?patient=p1&_count=500&_offset=500`,
      },
      1700
    );
    expect(remainingPages(first, 100)).toEqual({
      kind: 'offsets',
      urls: [500, 1000, 1500].map((offset) => `${BASE}/Observation?patient=p1&_count=500&_offset=${offset}`),
      truncated: false,
    });
  });

  test("HAPI's _getpagesoffset pages by what the server served, even when it served fewer than asked", () => {
    const first = page({ next: `${BASE}?_getpages=abc&_getpagesoffset=300&_count=300&_bundletype=searchset` }, 700);
    const rest = remainingPages(first, 100);
    expect(rest.kind === 'offsets' && rest.urls.map((url) => new URL(url).searchParams.get('_getpagesoffset'))).toEqual(
      ['300', '600']
    );
  });

  test('maxPages cuts the list and says so', () => {
    const first = page({ next: `${BASE}/Observation?_offset=10` }, 1000);
    expect(remainingPages(first, 3)).toMatchObject({ kind: 'offsets', truncated: true, urls: { length: 3 } });
  });

  test('without a total, or with a cursor instead of an offset, the next link can only be followed', () => {
    expect(remainingPages(page({ next: `${BASE}/Observation?_offset=10` }), 100)).toEqual({
      kind: 'opaque',
      next: `${BASE}/Observation?_offset=10`,
    });
    expect(remainingPages(page({ next: `${BASE}?_cursor=xyz` }, 50), 100)).toEqual({
      kind: 'opaque',
      next: `${BASE}?_cursor=xyz`,
    });
    expect(remainingPages(page({ self: `${BASE}/Goal` }, 3), 100)).toEqual({ kind: 'none' });
  });
});
