/**
 * What the workspace shows after a save, from the transport's `SaveResult` (issue 4 §5). Every kind keeps the
 * clinician's edits; only `saved` lets the draft go.
 */
import type * as fhir from 'fhir/r4';
import type { SaveResult } from '../fhir/save-result.ts';
import type { ConflictChanges } from './conflict-changes.ts';
import { recordWords, sectionOfExpression, type SectionId } from './sections.ts';

export interface ShownIssue {
  readonly message: string;
  /** The FHIRPath the server named, shown as text. */
  readonly expression?: string;
  /** The section the issue can be fixed in, when the path says. */
  readonly section?: SectionId;
}

export type SaveView =
  | { readonly kind: 'saved' }
  | {
      readonly kind: 'conflict';
      /** What changed, in words: "a goal or objective (Goal/123)"; empty when the server did not say. */
      readonly changed: readonly string[];
      /** What changed on the server and in the working plan since it was opened, per section, once known. */
      readonly sections?: ConflictChanges;
    }
  | {
      readonly kind: 'rejected';
      readonly status: number;
      readonly issues: readonly ShownIssue[];
      readonly partly: boolean;
    }
  | { readonly kind: 'expired' }
  | { readonly kind: 'unreachable'; readonly message: string };

/** The record an entry of the request wrote: `Goal/123` for an update, `Goal` (new) for a create. */
function entryRecord(request: fhir.Bundle, index: number | undefined): string | undefined {
  const entry = index === undefined ? undefined : request.entry?.[index];
  const type = entry?.resource?.resourceType;
  if (type === undefined) return undefined;
  const url = entry?.request?.url.split('?')[0] ?? type;
  return url.includes('/') ? `${recordWords(type)} (${url})` : `${recordWords(type)} (new)`;
}

export function saveView(result: SaveResult, request: fhir.Bundle): SaveView {
  switch (result.kind) {
    case 'saved':
      return { kind: 'saved' };
    case 'conflict': {
      const record = entryRecord(request, result.entryIndex);
      return { kind: 'conflict', changed: record === undefined ? [] : [record] };
    }
    case 'rejected': {
      const issues = result.issues.map((issue): ShownIssue => {
        const section = sectionOfExpression(issue.expression) ?? sectionOfEntry(request, issue.entryIndex);
        return {
          message: issue.message,
          ...(issue.expression === undefined ? {} : { expression: issue.expression }),
          ...(section === undefined ? {} : { section }),
        };
      });
      const shown = issues.length > 0 ? issues : [{ message: `The server refused the save (HTTP ${result.status}).` }];
      return { kind: 'rejected', status: result.status, issues: shown, partly: result.written === 'some' };
    }
    case 'unauthorized':
      return { kind: 'expired' };
    case 'unreachable':
      return { kind: 'unreachable', message: result.error.message };
  }
}

function sectionOfEntry(request: fhir.Bundle, index: number | undefined): SectionId | undefined {
  const type = index === undefined ? undefined : request.entry?.[index]?.resource?.resourceType;
  return sectionOfExpression(type);
}
