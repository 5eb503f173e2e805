/**
 * The write strategies this build can use, by kind. A kind without a factory here is never chosen: the workspace
 * is read-only on such a server and says why.
 */
import type { FhirGateway } from '../../fhir/gateway.ts';
import type { ServerProfile } from '../../fhir/server-profile.ts';
import { noteStrategy } from './note.ts';
import { sequentialStrategy } from './sequential.ts';
import { transactionStrategy } from './transaction.ts';
import type { StrategyKind, WriteStrategy } from './write-strategy.ts';

export type StrategyFactory = (gateway: FhirGateway, profile: ServerProfile) => WriteStrategy;

export type StrategyFactories = Readonly<Partial<Record<StrategyKind, StrategyFactory>>>;

export const STRATEGY_FACTORIES: StrategyFactories = {
  transaction: (gateway) => transactionStrategy(gateway),
  note: (gateway, profile) => noteStrategy(gateway, profile),
  sequential: (gateway, profile) => sequentialStrategy(gateway, profile),
};
