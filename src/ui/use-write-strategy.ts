import { useCallback, useMemo, useState } from 'react';
import type { FhirGateway } from '../fhir/gateway.ts';
import { withRefusal, type RuntimeRefusal, type ServerProfile } from '../fhir/server-profile.ts';
import { chooseStrategy, type StrategyChoice } from '../workspace/strategies/choose-strategy.ts';
import type { CompanionStore } from '../workspace/strategies/companion.ts';
import type { StrategyFactories } from '../workspace/strategies/registry.ts';

export interface WriteStrategyHandle {
  /** The launch profile narrowed by every refusal met so far. */
  readonly profile: ServerProfile;
  readonly writing: StrategyChoice;
  /** Takes a refused write into the profile; the strategy is chosen again from it. */
  readonly onRefused: (refusal: RuntimeRefusal) => void;
}

/**
 * The write strategy for this session (issue 5 §1): chosen from the profile at launch, and chosen again whenever
 * the server refuses a write (403/405) that the profile had allowed.
 */
export function useWriteStrategy(
  launchProfile: ServerProfile,
  gateway: FhirGateway,
  factories?: StrategyFactories,
  companion?: CompanionStore
): WriteStrategyHandle {
  const [refusals, setRefusals] = useState<readonly RuntimeRefusal[]>([]);
  const profile = useMemo(() => refusals.reduce(withRefusal, launchProfile), [launchProfile, refusals]);
  const writing = useMemo(
    () => chooseStrategy(profile, gateway, factories, companion),
    [profile, gateway, factories, companion]
  );
  const onRefused = useCallback((refusal: RuntimeRefusal) => {
    setRefusals((before) => [...before, refusal]);
  }, []);
  return { profile, writing, onRefused };
}
