/**
 * The server profile and the strategy chosen from it, for the sandbox in each behaviour, computed exactly as the
 * app does at launch: from `/metadata`, `/.well-known/smart-configuration` and the scope granted to the app's own
 * scope request. The strategies themselves are stand-ins here (the choice is what is tested; each strategy's saves
 * are tested in its own strategy-*.test.ts).
 */
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFetchGateway } from '../../src/fhir/fetch-gateway.ts';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import type { SandboxOptions } from '../../src/sandbox/server.ts';
import { smartConfigurationFromJson } from '../../src/smart/smart-configuration.ts';
import { chooseStrategy, type StrategyChoice } from '../../src/workspace/strategies/choose-strategy.ts';
import type { StrategyFactories } from '../../src/workspace/strategies/registry.ts';
import type { StrategyKind, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { smartConfigurationOf, startBehaveSession, type BehaveSession } from './support/behave-fixture.ts';

function standIn(kind: StrategyKind): WriteStrategy {
  return {
    kind,
    explanation: `stand-in ${kind}`,
    edits: kind === 'note' ? 'note' : 'plan',
    save: () => Promise.reject(new Error('not saving in this test')),
  };
}

const EVERY_KIND: StrategyFactories = {
  transaction: () => standIn('transaction'),
  sequential: () => standIn('sequential'),
  note: () => standIn('note'),
};

interface Launched {
  readonly session: BehaveSession;
  readonly profile: ServerProfile;
  readonly choice: StrategyChoice;
  /** The choice with the strategies this build ships. */
  readonly built: StrategyChoice;
}

async function launchedOn(options: SandboxOptions): Promise<Launched> {
  const session = await startBehaveSession({ seed: 'records', ...options });
  const statement = (await (await session.fhir('GET', 'metadata')).json()) as fhir.CapabilityStatement;
  const smartConfiguration = smartConfigurationFromJson(await smartConfigurationOf(session.sandbox));
  const profile = serverProfile({
    smartConfiguration,
    capabilityStatement: statement,
    grantedScope: session.grantedScope,
  });
  const gateway = createFetchGateway({ baseUrl: session.sandbox.fhirBaseUrl });
  return {
    session,
    profile,
    choice: chooseStrategy(profile, gateway, EVERY_KIND),
    built: chooseStrategy(profile, gateway),
  };
}

function chosenKind(choice: StrategyChoice): string {
  return choice.kind === 'chosen' ? choice.strategy.kind : 'read-only';
}

function reasonsOf(choice: StrategyChoice): readonly string[] {
  return choice.kind === 'chosen' ? choice.because : choice.reasons;
}

describe.each([
  { label: 'open', options: { behave: 'open' } as const },
  { label: 'epic', options: { behave: 'epic' } as const },
  { label: 'oracle', options: { behave: 'oracle' } as const },
  { label: 'medplum (transactions off)', options: { behave: 'medplum', atomicTransactions: false } as const },
  { label: 'medplum (transactions on)', options: { behave: 'medplum', atomicTransactions: true } as const },
])('the sandbox behaving as $label', ({ label, options }) => {
  let launched: Launched;

  beforeAll(async () => {
    launched = await launchedOn(options);
  });

  afterAll(async () => {
    await launched.session.close();
  });

  const expected = {
    open: 'transaction',
    epic: 'note',
    oracle: 'note',
    'medplum (transactions off)': 'sequential',
    'medplum (transactions on)': 'sequential',
  }[label];

  test(`is saved to with the ${expected ?? '?'} strategy, and the reasons say why`, () => {
    expect(chosenKind(launched.choice)).toBe(expected);
    expect(chosenKind(launched.built)).toBe(expected);
    expect(launched.built.kind === 'chosen' ? launched.built.strategy.edits : undefined).toBe(
      expected === 'note' ? 'note' : 'plan'
    );
    expect(reasonsOf(launched.choice).length).toBeGreaterThan(0);
  });
});

describe('what the profile knows about each sandbox behaviour', () => {
  const running: Launched[] = [];
  async function on(options: SandboxOptions): Promise<Launched> {
    const launched = await launchedOn(options);
    running.push(launched);
    return launched;
  }

  afterAll(async () => {
    await Promise.all(running.map((launched) => launched.session.close()));
  });

  test('an open server is recognised as no vendor; its transactions count as atomic from its statement', async () => {
    const { profile, choice } = await on({ behave: 'open' });
    expect(profile.vendor).toBeUndefined();
    expect(profile.transactions.run).toBe('atomic');
    expect(profile.transactions.reason.source).toBe('CapabilityStatement');
    expect(profile.access.CarePlan.create.allowed).toBe('yes');
    expect(profile.access.Goal.update.allowed).toBe('yes');
    expect(profile.requiredSearchParams).toEqual({});
    expect(profile.createReturnsBody).toBe(true);
    expect(reasonsOf(choice)).toContain('The server takes transactions (from its CapabilityStatement).');
  });

  test('Epic is recognised from its statement: plan resources read-only, searches by category, no _include', async () => {
    const { profile, choice } = await on({ behave: 'epic' });
    expect(profile.vendor).toBe('Epic');
    expect(profile.transaction).toBe('no');
    expect(profile.batch).toBe('no');
    expect(profile.access.CarePlan.create.allowed).toBe('no');
    const sources = profile.access.CarePlan.create.reasons.map((reason) => reason.source);
    expect(sources).toContain('CapabilityStatement');
    expect(sources).toContain('vendor rule');
    // The grant was trimmed to what Epic offers: no CarePlan write scope came back.
    expect(sources).toContain('granted permissions');
    expect(profile.access.DocumentReference.create.allowed).toBe('yes');
    expect(profile.access.Condition.create.allowed).toBe('yes');
    expect(profile.requiredSearchParams['CarePlan']).toContainEqual({ category: '38717003' });
    expect(profile.requiredSearchParams['Condition']).toContainEqual({ category: 'problem-list-item' });
    expect(profile.types?.['CarePlan']?.searchInclude).toEqual([]);
    expect(profile.types?.['CarePlan']?.searchRevInclude).toEqual(['Provenance:target']);
    expect(reasonsOf(choice)[0]).toBe('This server does not let apps write care plans.');
    expect(reasonsOf(choice)).toContainEqual(expect.stringMatching(/^CarePlan create: no, .*CapabilityStatement/));
  });

  test('Oracle Health is recognised: empty 201s, 409 on a stale version, CarePlan searched as assess-plan', async () => {
    const { profile } = await on({ behave: 'oracle' });
    expect(profile.vendor).toBe('Oracle Health');
    expect(profile.createReturnsBody).toBe(false);
    expect(profile.conflictStatuses).toEqual([409]);
    expect(profile.requiredSearchParams['CarePlan']).toEqual([{ category: 'assess-plan' }]);
    expect(profile.access.Goal.update.allowed).toBe('no');
    expect(profile.access.DocumentReference.update.allowed).toBe('yes');
  });

  test('Medplum with transactions off says so in its statement: a transaction runs like a batch', async () => {
    const { profile } = await on({ behave: 'medplum' });
    expect(profile.vendor).toBe('Medplum');
    expect(profile.conflictStatuses).toEqual([412]);
    expect(profile.transactions).toEqual({
      run: 'as-batch',
      reason: { source: 'CapabilityStatement', text: 'a transaction runs like a batch, not atomically' },
    });
  });

  test('Medplum with transactions on cannot be told apart from its statement, so the vendor rule keeps it safe', async () => {
    const { profile } = await on({ behave: 'medplum', atomicTransactions: true });
    expect(profile.transactions.run).toBe('as-batch');
    expect(profile.transactions.reason.source).toBe('vendor rule');
  });
});
