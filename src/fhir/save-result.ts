/**
 * What a save came to, as a union the workspace handles exhaustively, and the reading of a server's
 * OperationOutcome into issues that point at a Bundle entry and the FHIRPath of the field to highlight.
 * @see https://hl7.org/fhir/R4/http.html#transaction-response
 * @see https://hl7.org/fhir/R4/operationoutcome-definitions.html#OperationOutcome.issue.expression
 */
import type * as fhir from 'fhir/r4';
import type { FhirError } from './fhir-error.ts';
import type { ConflictStatus } from './server-traits.ts';
import type { RefusalKind } from './write-refusal.ts';

export interface SavedEntry {
  /** Position in the request (and response) Bundle. */
  readonly entryIndex: number;
  /** The request entry's `fullUrl`, e.g. the `urn:uuid:` of a new resource. */
  readonly fullUrl?: string;
  /** Where the resource now is, e.g. `Goal/123/_history/1`. */
  readonly location?: string;
  readonly etag?: string;
  readonly status: string;
}

export interface SaveIssue {
  /** The Bundle entry the issue is about, when the server said. */
  readonly entryIndex?: number;
  /** FHIRPath from the resource's type, e.g. `Condition.subject`: the field to highlight. */
  readonly expression?: string;
  readonly message: string;
  readonly severity: fhir.OperationOutcomeIssue['severity'];
}

/** `nothing` for an atomic transaction; `some` when a server ran the entries one by one and only some failed. */
export type Written = 'nothing' | 'some';

export type SaveResult =
  | { readonly kind: 'saved'; readonly response: fhir.Bundle; readonly locations: readonly SavedEntry[] }
  /** Someone else changed a resource since it was loaded (stale `If-Match`, or a 409 from the server). */
  | {
      readonly kind: 'conflict';
      readonly status: ConflictStatus;
      readonly outcome: fhir.OperationOutcome | undefined;
      readonly entryIndex?: number;
      readonly written: Written;
    }
  | {
      readonly kind: 'rejected';
      readonly status: number;
      readonly outcome: fhir.OperationOutcome | undefined;
      readonly issues: readonly SaveIssue[];
      readonly written: Written;
      /**
       * Set when the server refused the write itself, not its content (403, 405: write-refusal.ts); the workspace
       * learns from it which write the server profile no longer offers (runtime-refusal.ts). Left out where the
       * refusing server is not the one the profile describes (a companion store's refusal).
       */
      readonly refusal?: RefusalKind;
    }
  /** The token expired or was revoked: relaunch (the draft is kept), then save again. */
  | { readonly kind: 'unauthorized'; readonly outcome: fhir.OperationOutcome | undefined }
  /**
   * No usable answer (no connection, or a response that cannot be read): whether the save applied is unknown.
   * Reload before retrying; `If-Match` and `If-None-Exist` keep a retry from overwriting or duplicating.
   */
  | { readonly kind: 'unreachable'; readonly error: FhirError };

const ENTRY_PATH = /^Bundle\.entry\[(\d+)\](.*)$/;
const ENTRY_MENTION = /Bundle\.entry\[(\d+)\]/;
/** The location prefix the sandbox (and others) put before an entry's diagnostics. */
const ENTRY_PREFIX = /^Bundle\.entry\[\d+\](?: \([^)]*\))?:\s*/;

/** One issue per OperationOutcome issue, each with the entry and relative FHIRPath where the server gave them. */
export function saveIssues(outcome: fhir.OperationOutcome | undefined, request: fhir.Bundle): SaveIssue[] {
  return (outcome?.issue ?? []).map((issue) => {
    const expression = issue.expression?.[0] ?? issue.location?.[0];
    const entryIndex = entryIndexOf(issue, request);
    const message =
      issue.diagnostics ?? issue.details?.text ?? issue.details?.coding?.[0]?.display ?? `${issue.code} (no details)`;
    return {
      ...(entryIndex === undefined ? {} : { entryIndex }),
      ...withExpression(expression, request),
      message: message.replace(ENTRY_PREFIX, ''),
      severity: issue.severity,
    };
  });
}

/** The entry an outcome is about: the first issue that names one. */
export function outcomeEntryIndex(
  outcome: fhir.OperationOutcome | undefined,
  request: fhir.Bundle
): number | undefined {
  for (const issue of outcome?.issue ?? []) {
    const index = entryIndexOf(issue, request);
    if (index !== undefined) {
      return index;
    }
  }
  return undefined;
}

/**
 * From `Bundle.entry[n]` in the expression or the diagnostics; failing that, from a `Type/id` in the
 * diagnostics that is the target of exactly one entry (servers that name the resource, not the entry).
 */
function entryIndexOf(issue: fhir.OperationOutcomeIssue, request: fhir.Bundle): number | undefined {
  const texts = [...(issue.expression ?? []), ...(issue.location ?? []), issue.diagnostics ?? ''];
  for (const text of texts) {
    const match = ENTRY_MENTION.exec(text);
    if (match) {
      const index = Number(match[1]);
      return index < (request.entry?.length ?? 0) ? index : undefined;
    }
  }
  const targets = (request.entry ?? []).map((entry) => entry.request?.url.split('?')[0] ?? '');
  const named = targets.flatMap((target, index) =>
    /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]+$/.test(target) && texts.some((text) => mentions(text, target)) ? [index] : []
  );
  return named.length === 1 ? named[0] : undefined;
}

function mentions(text: string, reference: string): boolean {
  const at = text.indexOf(reference);
  const after = text.charAt(at + reference.length);
  return at >= 0 && !/[A-Za-z0-9\-.]/.test(after);
}

/**
 * `Bundle.entry[2].resource.subject` becomes `Condition.subject`, relative to the entry's resource; a path into
 * the entry's `request` names no field, so it is dropped.
 */
function withExpression(expression: string | undefined, request: fhir.Bundle): { expression?: string } {
  const match = expression === undefined ? null : ENTRY_PATH.exec(expression);
  if (!match) {
    return expression === undefined ? {} : { expression };
  }
  const type = request.entry?.[Number(match[1])]?.resource?.resourceType;
  const rest = match[2] ?? '';
  if (type === undefined || !(rest === '' || rest === '.resource' || rest.startsWith('.resource.'))) {
    return {};
  }
  return { expression: rest.startsWith('.resource.') ? `${type}.${rest.slice('.resource.'.length)}` : type };
}
