/**
 * The servers that let an app write everything: `open` (the sandbox's own behaviour, the default, like HAPI or
 * the SMART launcher) and `medplum` (a Medplum server as shipped).
 */
import { SERVED_TYPE_INTERACTIONS } from '../fhir/served-types.ts';
import type { BehaviourRules } from './behaviour-rules.ts';

const EVERYTHING = { interactions: SERVED_TYPE_INTERACTIONS };

/** Every interaction on every type, atomic transactions, 412 on a stale version, bodies on create. */
export const OPEN_RULES: BehaviourRules = {
  name: 'open',
  title: 'Open FHIR server',
  summary: 'Every resource can be read and written; batch and atomic transaction Bundles; 412 on a stale version.',
  types: {},
  otherTypes: EVERYTHING,
  refusal: { status: 405, code: 'not-supported' },
  batch: true,
  transaction: 'atomic',
  conflictStatus: 412,
  updateNeedsIfMatch: false,
  createResponse: 'representation',
  conditional: true,
  updateCreate: true,
  includes: 'any',
  revIncludes: 'any',
  smart: { wildcardScopes: true, refresh: 'offline-and-online', trimToInteractions: false },
};

/**
 * Medplum as shipped: everything can be written, a stale `If-Match` gets 412, and a transaction Bundle is run
 * entry by entry like a batch (earlier entries stay when a later one fails) unless the project enables
 * transactions. Medplum's engine does exactly this when its `transactions` setting is off (fhir-router
 * `BatchProcessor.isTransaction()`); `atomicTransactions` stands for turning the setting on.
 * @see https://www.medplum.com/docs/fhir-datastore/fhir-batch-requests
 */
export function medplumRules(atomicTransactions: boolean): BehaviourRules {
  return {
    ...OPEN_RULES,
    name: 'medplum',
    title: 'Medplum-like',
    summary: atomicTransactions
      ? 'Everything can be written; transactions are atomic (enabled); 412 on a stale version.'
      : 'Everything can be written; a transaction Bundle runs as a batch (not atomic); 412 on a stale version.',
    transaction: atomicTransactions ? 'atomic' : 'as-batch',
  };
}
