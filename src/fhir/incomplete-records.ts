/**
 * What a load could not bring, or may not have been given. Searches that failed are reported by the loader;
 * this module reads the signs that a server answered but left records out: a searchset tagged SUBSETTED that
 * nobody asked to be subsetted, resources or Bundles labelled REDACTED or MASKED, and OperationOutcome warnings
 * in the searchset. EHRs hold back records they treat as sensitive (mental-health, substance use) and some do so
 * without any sign, so a server known to do it (a vendor rule) makes every empty search of a clinical type
 * "may be incomplete" rather than "none". Pure: no IO.
 * @see https://hl7.org/fhir/R4/search.html#errors (OperationOutcome entries, search.mode `outcome`)
 * @see https://hl7.org/fhir/R4/security-labels.html (REDACTED, MASKED, SUBSETTED)
 */
import type * as fhir from 'fhir/r4';

export interface IncompleteSearch {
  readonly search: string;
  readonly reason: string;
  /** The HTTP status, when there was one. */
  readonly status?: number;
  readonly outcome?: fhir.OperationOutcome;
  /** True when the search was answered but the server left, or may have left, records out (not a failure). */
  readonly withheld?: true;
}

/** Types whose records EHRs filter by sensitivity: an empty answer from such a server is not proof of none. */
export const SENSITIVE_TYPES: readonly string[] = [
  'CarePlan',
  'Goal',
  'Condition',
  'Observation',
  'DocumentReference',
  'Procedure',
  'ServiceRequest',
  'Encounter',
];

/** Codes of http://terminology.hl7.org/CodeSystem/v3-ObservationValue that mark data left out or hidden. */
const HIDDEN_LABELS: ReadonlySet<string> = new Set(['REDACTED', 'MASKED']);
/** IssueType codes that say some information was not, or might not have been, returned. */
const WITHHOLDING_ISSUES: ReadonlySet<string> = new Set(['suppressed', 'incomplete', 'too-costly', 'throttled']);

function labelled(meta: fhir.Meta | undefined, codes: ReadonlySet<string>): boolean {
  return [...(meta?.tag ?? []), ...(meta?.security ?? [])].some((coding) => codes.has(coding.code ?? ''));
}

function issueText(issue: fhir.OperationOutcomeIssue): string {
  return issue.diagnostics ?? issue.details?.text ?? issue.details?.coding?.[0]?.display ?? issue.code;
}

/**
 * The reasons one searchset page gives to think records were left out. `subsetRequested`: the search asked
 * for `_elements` or `_summary`, so a SUBSETTED tag is the answer to our own request, not a filter.
 */
export function withheldSigns(page: fhir.Bundle, subsetRequested: boolean): string[] {
  const signs: string[] = [];
  if (!subsetRequested && labelled(page.meta, new Set(['SUBSETTED']))) {
    signs.push('The server says it sent only part of the results.');
  }
  const resources = (page.entry ?? []).flatMap((entry) =>
    entry.resource ? [entry.resource as fhir.FhirResource] : []
  );
  if (labelled(page.meta, HIDDEN_LABELS) || resources.some((resource) => labelled(resource.meta, HIDDEN_LABELS))) {
    signs.push('The server masked or removed parts of what it sent.');
  }
  for (const resource of resources) {
    if (resource.resourceType !== 'OperationOutcome') {
      continue;
    }
    for (const issue of resource.issue) {
      if (issue.severity !== 'information' || WITHHOLDING_ISSUES.has(issue.code)) {
        signs.push(`The server said: ${issueText(issue)}`);
      }
    }
  }
  return signs;
}

/** How many of a searchset's entries are matches of `resourceType` (not includes, not outcomes). */
export function matchCount(page: fhir.Bundle, resourceType: string): number {
  return (page.entry ?? []).filter(
    (entry) => entry.resource?.resourceType === resourceType && (entry.search?.mode ?? 'match') === 'match'
  ).length;
}

/**
 * Collects the signs across the pages of a load and turns them into one report per resource type, so that a
 * server asked once per category (Epic's CarePlans) is reported once, and an empty type is judged over all its
 * searches together.
 */
export class WithheldRecords {
  readonly #signs = new Map<string, Set<string>>();
  readonly #matches = new Map<string, number>();

  /** Records one loaded page of a search of `resourceType` whose URL was `url`. */
  see(resourceType: string, url: string, page: fhir.Bundle): void {
    const subsetRequested = /[?&](_elements|_summary)=/.test(url);
    const signs = this.#signs.get(resourceType) ?? new Set<string>();
    withheldSigns(page, subsetRequested).forEach((sign) => signs.add(sign));
    this.#signs.set(resourceType, signs);
    this.#matches.set(resourceType, (this.#matches.get(resourceType) ?? 0) + matchCount(page, resourceType));
  }

  /**
   * One entry per type with signs; when `filtersSensitive` (a vendor rule), one per sensitive type that came
   * back empty. Types whose searches failed are not seen here: the loader reports those already.
   */
  report(filtersSensitive: boolean): IncompleteSearch[] {
    const out: IncompleteSearch[] = [];
    for (const [resourceType, signs] of this.#signs) {
      const empty = (this.#matches.get(resourceType) ?? 0) === 0;
      if (signs.size > 0) {
        out.push({ search: resourceType, reason: [...signs].join(' '), withheld: true });
      } else if (empty && filtersSensitive && SENSITIVE_TYPES.includes(resourceType)) {
        out.push({
          search: resourceType,
          reason: `No ${resourceType} came back, but this server can hold back records it treats as sensitive.`,
          withheld: true,
        });
      }
    }
    return out;
  }
}
