/**
 * The behaviours the sandbox EHR can take (`--behave open|epic|oracle|medplum`) and their rule tables.
 * `open` is the sandbox's own behaviour and the default.
 */
import type { Behaviour, BehaviourRules } from './behaviour-rules.ts';
import { medplumRules, OPEN_RULES } from './open-rules.ts';
import { EPIC_RULES, ORACLE_RULES } from './vendor-rules.ts';

export { BEHAVIOURS, isBehaviour, type Behaviour, type BehaviourRules } from './behaviour-rules.ts';

export const DEFAULT_BEHAVIOUR: Behaviour = 'open';

export interface BehaviourOptions {
  /**
   * `medplum` only: run transaction Bundles atomically, as a Medplum project with transactions enabled does.
   * Default false: a transaction runs like a batch, and entries before a failing one stay written.
   */
  readonly atomicTransactions?: boolean;
}

export function behaviourRules(behaviour: Behaviour, options: BehaviourOptions = {}): BehaviourRules {
  switch (behaviour) {
    case 'open':
      return OPEN_RULES;
    case 'epic':
      return EPIC_RULES;
    case 'oracle':
      return ORACLE_RULES;
    case 'medplum':
      return medplumRules(options.atomicTransactions ?? false);
  }
}
