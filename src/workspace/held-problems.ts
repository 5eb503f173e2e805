/**
 * Problems the EHR already holds and the chosen strategy cannot change (issue 5 §1: "never offers an edit it cannot
 * save"). A companion store cites the EHR's Conditions by absolute URL and never writes them back, and a server
 * whose profile allows creating but not updating Condition refuses the change: on such a server the Condition's own
 * fields (status, onset, text, ...) are locked for those problems, while the plan's choices about them (role in the
 * plan, removal, goals linked to them) live on the CarePlan and Goals (DESIGN.md §4) and stay open. New problems
 * still go to the EHR as new Conditions.
 */
import type * as fhir from 'fhir/r4';
import { isFromCompanion } from '../fhir/companion-records.ts';
import type { ServerProfile } from '../fhir/server-profile.ts';
import { businessKeyOf } from '../mapping/identifiers.ts';
import type { StrategyKind } from './strategies/write-strategy.ts';

/** Shown beside every locked problem. */
export const HELD_PROBLEM_REASON =
  'As the EHR holds it: this EHR does not let apps change problems; the change can be written in a progress note.';

/**
 * Why the Condition fields of problems the EHR holds cannot change with this strategy, or undefined when they can.
 * `ehr` is the profile of the server the problems were read from.
 */
export function heldProblemLock(kind: StrategyKind, ehr: ServerProfile): string | undefined {
  switch (kind) {
    // The companion strategy writes the EHR's problems nowhere: it only cites them (companion.ts).
    case 'companion':
      return HELD_PROBLEM_REASON;
    case 'transaction':
    case 'sequential':
      return ehr.access.Condition.update.allowed === 'no' ? HELD_PROBLEM_REASON : undefined;
    // A note saves no plan content; the whole plan is read-only there.
    case 'note':
      return undefined;
  }
}

/**
 * The model ids (business key, else `Condition/<id>`, as planFromFhir gives them) of the Conditions read from the
 * EHR; those kept on a companion store are written there and stay editable.
 */
export function heldProblemIds(loaded: readonly fhir.FhirResource[]): ReadonlySet<string> {
  return new Set(
    loaded
      .filter((r): r is fhir.Condition => r.resourceType === 'Condition' && !isFromCompanion(r))
      .map((r) => businessKeyOf(r) ?? `Condition/${r.id ?? ''}`)
  );
}
