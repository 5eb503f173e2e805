/** What a rule reports: which rule, how serious, a sentence a clinician understands, and the field to fix. */

export type RuleId =
  // Structure: ids and references. The edit functions keep these true; plans read from elsewhere may break them.
  | 'unique-ids'
  | 'goal-addresses-exist'
  | 'intervention-goal-exists'
  | 'measurement-goal-exists'
  | 'note-goal-exists'
  | 'assessment-exists'
  // Goals, objectives and their targets.
  | 'target-measure'
  | 'target-value'
  | 'target-unit'
  | 'target-due-after-start'
  | 'objective-due-within-goal'
  // Numbers.
  | 'amount-range'
  | 'positive-number'
  // Session, review, signatures.
  | 'session-times-on-date'
  | 'session-end-after-start'
  | 'review-interval'
  | 'client-signature-signer'
  | 'guardian-signature-for-minor'
  | 'guardian-signature-for-adult'
  | 'supervisor-cosigns'
  | 'incomplete-reason-signer'
  // Dates and text.
  | 'calendar-date'
  | 'zoned-datetime'
  | 'period-order'
  | 'blank-text';

/** The rules about ids and references, which every sequence of edits keeps free of violations. */
export const STRUCTURAL_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'unique-ids',
  'goal-addresses-exist',
  'intervention-goal-exists',
  'measurement-goal-exists',
  'note-goal-exists',
  'assessment-exists',
]);

/** `error`: the plan is wrong and should not be signed or saved like this; `warning`: unusual, worth a look. */
export type Severity = 'error' | 'warning';

export interface RuleViolation {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** A sentence a clinician understands. */
  readonly message: string;
  /** The field to fix, e.g. `goals[2].targets[0].value.unit`, for the UI to link to. */
  readonly path: string;
}

export interface RuleOptions {
  /** The age at which a client signs for themselves without a guardian; defaults to 18 (it varies by jurisdiction). */
  readonly ageOfMajority?: number;
}

export const DEFAULT_AGE_OF_MAJORITY = 18;
