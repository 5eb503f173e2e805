/** One item of the completeness check (issue 4 §4): a question, whether the plan answers it, why, and where to fix it. */

export type CompletenessItemId =
  // The guide's seven questions.
  | 'concerns-defined'
  | 'interventions-tailored'
  | 'timeline'
  | 'measurable-goals'
  | 'milestones'
  | 'mutual-agreement'
  | 'progress-tracking'
  // What insurers require.
  | 'date-of-service'
  | 'session-times'
  | 'place-of-service'
  | 'client-identification'
  | 'provider-credentials';

export interface CompletenessItem {
  readonly id: CompletenessItemId;
  /** `guide`: the seven questions of a good plan; `insurer`: what payers require on the record. */
  readonly group: 'guide' | 'insurer';
  readonly question: string;
  readonly passed: boolean;
  /** Why it passed or failed, in a sentence or two the clinician can act on. */
  readonly why: string;
  /** When it failed: the fields that fix it (e.g. `goals[1].objectives`), for the UI to link to; empty when passed. */
  readonly paths: readonly string[];
}

export function passed(
  id: CompletenessItemId,
  group: CompletenessItem['group'],
  question: string,
  why: string
): CompletenessItem {
  return { id, group, question, passed: true, why, paths: [] };
}

export function failed(
  id: CompletenessItemId,
  group: CompletenessItem['group'],
  question: string,
  why: string,
  paths: readonly string[]
): CompletenessItem {
  return { id, group, question, passed: false, why, paths };
}

/** "“Sleep better”, “Return to work” and 1 more": names in a sentence, short enough for a checklist. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  if (quoted.length <= 2) return quoted.join(' and ');
  return `${quoted.slice(0, 2).join(', ')} and ${quoted.length - 2} more`;
}
