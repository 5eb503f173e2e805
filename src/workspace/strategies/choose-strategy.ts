/**
 * Which way to save on this server (issue 5 §1–2, DESIGN.md §3), from its profile:
 * - the plan resources can be created and updated, and transactions are atomic: one transaction;
 * - they can be written, but transactions are missing, not atomic or unknown: ordered requests with conditional
 *   create (`sequential`);
 * - they cannot be written, but notes (DocumentReference) can be created: with a companion store configured
 *   that takes plans, the plan there and the note in the EHR (`companion`); otherwise the plan as a clinical note;
 * - neither: read-only.
 * Each choice carries the facts that decided it, in words, with where each fact came from.
 */
import type { FhirGateway } from '../../fhir/gateway.ts';
import { accessWords, sourceWords, type ServerProfile } from '../../fhir/server-profile.ts';
import type { PlanInteraction } from '../../smart/capabilities.ts';
import { heldProblemLock } from '../held-problems.ts';
import { lockedSections } from '../section-access.ts';
import type { SectionId } from '../sections.ts';
import type { CompanionStore } from './companion.ts';
import { STRATEGY_FACTORIES, type StrategyFactories } from './registry.ts';
import type { StrategyKind, WriteStrategy } from './write-strategy.ts';

export type StrategyChoice =
  | {
      readonly kind: 'chosen';
      readonly strategy: WriteStrategy;
      readonly because: readonly string[];
      /** Sections whose records this server will not take, with why; only for strategies that edit the plan. */
      readonly lockedSections?: ReadonlyMap<SectionId, string>;
      /** Why the Condition fields of problems the EHR holds cannot change here (held-problems.ts), if they cannot. */
      readonly heldProblems?: string;
    }
  | { readonly kind: 'read-only'; readonly reasons: readonly string[] };

/** A plan is its CarePlan and its Goals: both must be creatable and updatable for a structured save. */
const PLAN_TYPES = ['CarePlan', 'Goal'] as const;
const WRITES: readonly PlanInteraction[] = ['create', 'update'];

const KIND_WORDS: Readonly<Record<StrategyKind, string>> = {
  transaction: 'in one transaction',
  sequential: 'in ordered steps',
  note: 'as a clinical note',
  companion: 'in a companion store',
};

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Why the plan itself cannot be written, one sentence per refused write; empty when it can. */
export function planWriteBlockers(profile: ServerProfile): string[] {
  return PLAN_TYPES.flatMap((type) =>
    WRITES.flatMap((interaction) => {
      const access = profile.access[type][interaction];
      return access.allowed === 'no' ? [sentence(accessWords(type, interaction, access))] : [];
    })
  );
}

function transactionWords(profile: ServerProfile): string {
  const { reason } = profile.transactions;
  return sentence(`${reason.text} (${sourceWords(reason.source)})`);
}

/** Why the companion store can (or cannot) keep the plan, in words. */
function companionWords(companion: CompanionStore): { takesPlans: boolean; because: string[] } {
  const store = `${companion.label.charAt(0).toUpperCase()}${companion.label.slice(1)}`;
  const blockers = planWriteBlockers(companion.profile);
  if (blockers.length > 0) {
    return {
      takesPlans: false,
      because: [`${store} is configured but does not take plans:`, ...blockers],
    };
  }
  const run = companion.profile.transactions.run === 'atomic' ? 'in one transaction' : 'in ordered steps';
  return {
    takesPlans: true,
    because: [
      `${store} (${companion.gateway.baseUrl}) is configured for this server and lets the app create and update plans; the plan is saved there ${run}.`,
    ],
  };
}

function decide(
  profile: ServerProfile,
  companion: CompanionStore | undefined
): { kind: StrategyKind; because: string[] } | { kind: 'read-only'; reasons: string[] } {
  const blockers = planWriteBlockers(profile);
  if (blockers.length === 0) {
    const because = ['This server lets the app create and update the plan and its goals.', transactionWords(profile)];
    return { kind: profile.transactions.run === 'atomic' ? 'transaction' : 'sequential', because };
  }
  const notes = profile.access.DocumentReference.create;
  if (notes.allowed !== 'no') {
    const because = ['This server does not let apps write care plans.', ...blockers];
    const store = companion === undefined ? undefined : companionWords(companion);
    return {
      kind: store?.takesPlans === true ? 'companion' : 'note',
      because: [...because, ...(store?.because ?? [])],
    };
  }
  return { kind: 'read-only', reasons: [...blockers, sentence(accessWords('DocumentReference', 'create', notes))] };
}

export function chooseStrategy(
  profile: ServerProfile,
  gateway: FhirGateway,
  factories: StrategyFactories = STRATEGY_FACTORIES,
  companion?: CompanionStore
): StrategyChoice {
  const decision = decide(profile, companion);
  if (decision.kind === 'read-only') return decision;
  const factory = factories[decision.kind];
  if (factory === undefined) {
    const missing = `This server needs the plan saved ${KIND_WORDS[decision.kind]}, which this version of the app cannot do yet.`;
    return { kind: 'read-only', reasons: [missing, ...decision.because] };
  }
  const strategy = factory(gateway, profile, companion);
  // In a companion store the plan's records are written there, so the companion's profile says what is locked.
  const writesTo = strategy.kind === 'companion' && companion !== undefined ? companion.profile : profile;
  const locked = strategy.edits === 'plan' ? lockedSections(writesTo) : new Map<SectionId, string>();
  const held = strategy.edits === 'plan' ? heldProblemLock(strategy.kind, profile) : undefined;
  return {
    kind: 'chosen',
    strategy,
    because: decision.because,
    ...(locked.size > 0 ? { lockedSections: locked } : {}),
    ...(held !== undefined ? { heldProblems: held } : {}),
  };
}
