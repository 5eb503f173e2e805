/**
 * The search criteria of conditional interactions (`If-None-Exist`, `PUT Type?criteria`, conditional PATCH and
 * DELETE): checked and normalised like any search, and never empty. A conditional create or update acts on at
 * most one match; more than one is a 412 (R4 http.html#ccreate, #cond-update).
 */
import { parseSearchRequest } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import type { InteractionContext } from './interaction.ts';
import type { Problem } from './outcomes.ts';
import { problem } from './outcomes.ts';
import { normaliseSearch } from './search-normalise.ts';

export function criteriaQuery(
  ctx: Pick<InteractionContext, 'base'>,
  resourceType: string,
  query: URLSearchParams
): string | Problem {
  const search = normaliseSearch(resourceType, query, { base: ctx.base, lenient: false });
  if (!search.ok) {
    return search.problem;
  }
  search.engineQuery.delete('_count');
  search.engineQuery.delete('_offset');
  if (search.engineQuery.size === 0) {
    return problem(400, 'required', `A conditional interaction on ${resourceType} needs search criteria.`);
  }
  return search.engineQuery.toString();
}

/** At most one match, or the 412 that R4 prescribes when the criteria are not selective enough. */
export async function singleMatch(
  ctx: Pick<InteractionContext, 'base' | 'repo'>,
  resourceType: string,
  query: URLSearchParams
): Promise<Resource[] | Problem> {
  const criteria = criteriaQuery(ctx, resourceType, query);
  if (typeof criteria !== 'string') {
    return criteria;
  }
  const found = await ctx.repo.searchResources({ ...parseSearchRequest(`${resourceType}?${criteria}`), count: 2 });
  if (found.length > 1) {
    return problem(412, 'multiple-matches', `More than one ${resourceType} matches ${criteria}.`);
  }
  return found;
}
