import type * as fhir from 'fhir/r4';
import type { FhirGateway } from '../fhir/gateway.ts';
import type { CompanionSource } from '../fhir/load-merged-records.ts';
import type { Concept } from '../plan/index.ts';
import type { DraftStorage } from '../workspace/draft-store.ts';
import type { RuntimeRefusal } from '../fhir/server-profile.ts';
import type { ServerTraits } from '../fhir/server-traits.ts';
import type { StrategyChoice } from '../workspace/strategies/choose-strategy.ts';
import type { GoalLibraryRenderer } from './goals/GoalsSection.tsx';

/** What the workspace needs from the launched session, resolved once. */
export interface WorkspaceSetup {
  readonly gateway: FhirGateway;
  readonly patient: fhir.Patient;
  /** The signed-in user when a practitioner: author and provider of a new plan. */
  readonly practitioner: fhir.Practitioner | undefined;
  /** The encounter of the launch context (its id), when the EHR sent one: a new plan's session comes from it. */
  readonly encounterId?: string;
  /** How Save works on this server (a write strategy and why), or why nothing can be saved here. */
  readonly writing: StrategyChoice;
  /** The companion store the plan is kept in, when the companion strategy is in use: loading merges it in. */
  readonly companion?: CompanionSource;
  /** Search parameters the server insists on per type (Epic's CarePlan `category`), for the import's lookups. */
  readonly requiredSearchParams?: ServerTraits['requiredSearchParams'];
  /** Told when the server refused a write (403/405), so the profile and the strategy are updated. */
  readonly onRefused?: (refusal: RuntimeRefusal) => void;
  readonly storage: DraftStorage;
  /** Where drafts for this server and client are kept. */
  readonly draftKey: string;
  readonly now: () => Date;
  /** Diagnosis search from the catalog; defaults to the diagnoses on the record. */
  readonly searchDiagnoses: ((query: string) => readonly Concept[]) | undefined;
  /** The goal library from the catalog; absent until it ships. */
  readonly renderGoalLibrary: GoalLibraryRenderer | undefined;
  /** The launch page, for "launch again" when the session expired. */
  readonly relaunchHref: string;
}
