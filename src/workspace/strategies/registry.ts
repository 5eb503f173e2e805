/**
 * The write strategies this build can use, by kind. A kind without a factory here is never chosen: the workspace
 * is read-only on such a server and says why.
 */
import type { FhirGateway } from '../../fhir/gateway.ts';
import type { ServerProfile } from '../../fhir/server-profile.ts';
import { companionStrategy, type CompanionStore } from './companion.ts';
import { noteStrategy } from './note.ts';
import { sequentialStrategy } from './sequential.ts';
import { transactionStrategy } from './transaction.ts';
import type { StrategyKind, WriteStrategy } from './write-strategy.ts';

/** `companion` is the practice's companion store, when the runtime config names one for this server. */
export type StrategyFactory = (
  gateway: FhirGateway,
  profile: ServerProfile,
  companion: CompanionStore | undefined
) => WriteStrategy;

export type StrategyFactories = Readonly<Partial<Record<StrategyKind, StrategyFactory>>>;

export const STRATEGY_FACTORIES: StrategyFactories = {
  transaction: (gateway) => transactionStrategy(gateway),
  note: (gateway, profile) => noteStrategy(gateway, profile),
  sequential: (gateway, profile) => sequentialStrategy(gateway, profile),
  // Chosen only with a companion store; without one the plan can only be filed as a note.
  companion: (gateway, profile, companion) =>
    companion === undefined ? noteStrategy(gateway, profile) : companionStrategy(gateway, profile, companion),
};
