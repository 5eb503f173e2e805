// @vitest-environment jsdom
/**
 * The workspace says how Save works on this server and why (issue 5 §1), offers only the edits that strategy can
 * save, and chooses again when the server refuses a write: the real profile, chooser and transactional strategy,
 * with stand-ins for the strategies other tests cover, in front of a fake server.
 */
import type * as fhir from 'fhir/r4';
import { act, useMemo, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, test } from 'vitest';
import { FhirError } from '../../src/fhir/fhir-error.ts';
import type { FhirGateway } from '../../src/fhir/gateway.ts';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import { CapabilityPanel } from '../../src/ui/CapabilityPanel.tsx';
import { LoadedWorkspace } from '../../src/ui/LoadedWorkspace.tsx';
import { useWriteStrategy } from '../../src/ui/use-write-strategy.ts';
import { chooseStrategy } from '../../src/workspace/strategies/choose-strategy.ts';
import type { StrategyFactories } from '../../src/workspace/strategies/registry.ts';
import { transactionStrategy } from '../../src/workspace/strategies/transaction.ts';
import type { StrategyInput, StrategyKind, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { exampleRecords } from './workspace-example-records.ts';
import {
  buttonNamed,
  click,
  field,
  idleGateway,
  memoryStorage,
  setupFor,
  typeAndLeave,
} from './ui-workspace-harness.tsx';

const TARGET_VALUE = 'plan-field-goals-0-targets-0-value-value';
const TYPES = [
  'CarePlan',
  'Goal',
  'Condition',
  'Consent',
  'ServiceRequest',
  'Observation',
  'DocumentReference',
  'Provenance',
];

function statementOf(publisher: string | undefined, readOnly: readonly string[] = []): fhir.CapabilityStatement {
  const all: fhir.CapabilityStatementRestResourceInteraction[] = [
    { code: 'read' },
    { code: 'search-type' },
    { code: 'create' },
    { code: 'update' },
  ];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    ...(publisher === undefined ? {} : { publisher }),
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'transaction' }],
        resource: TYPES.map((type) => ({
          type: type as fhir.CapabilityStatementRestResource['type'],
          interaction: readOnly.includes(type) ? all.slice(0, 2) : all,
        })),
      },
    ],
  };
}

function profileOf(publisher: string | undefined): ServerProfile {
  return serverProfile({
    smartConfiguration: undefined,
    capabilityStatement: statementOf(publisher),
    grantedScope: undefined,
  });
}

/** A strategy that keeps what it was asked to save and reports it saved. */
function recording(kind: StrategyKind, saves: StrategyInput[]): WriteStrategy {
  return {
    kind,
    explanation: `Stand-in for the ${kind} strategy.`,
    edits: kind === 'note' ? 'note' : 'plan',
    save: (input) => {
      saves.push(input);
      const response: fhir.Bundle = { resourceType: 'Bundle', type: 'batch-response' };
      return Promise.resolve({ kind: 'sent', requests: 1, result: { kind: 'saved', response, locations: [] } });
    },
  };
}

interface WorkspaceProps {
  readonly profile: ServerProfile;
  readonly gateway: FhirGateway;
  readonly factories: StrategyFactories;
}

const RECORDS = exampleRecords('george-smith');

/** The workspace as the session screen wires it: the strategy from the profile, chosen again after a refusal. */
function Workspace({ profile, gateway, factories }: WorkspaceProps): ReactElement {
  const { writing, onRefused } = useWriteStrategy(profile, gateway, factories);
  // Each rendering keeps its own drafts, so no test restores another's.
  const storage = useMemo(() => memoryStorage(), []);
  const setup = useMemo(
    () => setupFor(RECORDS, { gateway, writing, onRefused, storage }),
    [gateway, writing, onRefused, storage]
  );
  const records = useMemo(() => ({ resources: [...RECORDS], roundTrips: 1, requests: 1, incomplete: [] }), []);
  return (
    <LoadedWorkspace
      setup={setup}
      records={records}
      refresh={() => Promise.resolve(records)}
      peek={() => Promise.resolve(records)}
    />
  );
}

let root: Root | undefined;
let page: HTMLElement;
afterEach(() => {
  act(() => {
    root?.unmount();
  });
  page.remove();
  root = undefined;
});

function render(props: WorkspaceProps): HTMLElement {
  page = document.createElement('div');
  document.body.append(page);
  const created = createRoot(page);
  root = created;
  act(() => {
    created.render(<Workspace {...props} />);
  });
  return page;
}

function notice(): Element | null {
  return page.querySelector('[aria-label="How this plan is saved"]');
}

async function pressAndSettle(name: string): Promise<void> {
  await act(async () => {
    buttonNamed(page, name).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
}

describe('how Save works here, and why', () => {
  test('a server with atomic transactions: the notice says one transaction, and why when asked', () => {
    render({ profile: profileOf(undefined), gateway: idleGateway, factories: { transaction: transactionStrategy } });
    expect(notice()?.querySelector('p')?.textContent).toBe(
      'Saves in one transaction. Saves the whole plan in one transaction: the server writes all of it or, if anything is refused, none of it.'
    );
    expect([...(notice()?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'This server lets the app create and update the plan and its goals.',
      'The server takes transactions (from its CapabilityStatement).',
    ]);
    expect(notice()?.querySelector('summary')?.textContent).toBe('Why this server is saved to this way');
  });

  test('a refused transaction (405) switches to ordered steps, says why, and the edits are saved that way', async () => {
    const refusing: FhirGateway = {
      ...idleGateway,
      request: () => Promise.reject(new FhirError(405, idleGateway.baseUrl, 'HTTP 405')),
    };
    const saves: StrategyInput[] = [];
    render({
      profile: profileOf(undefined),
      gateway: refusing,
      factories: { transaction: transactionStrategy, sequential: () => recording('sequential', saves) },
    });
    click(buttonNamed(page, 'Start a revision'));
    typeAndLeave(field(page, TARGET_VALUE), '7');
    await pressAndSettle('Save plan');

    expect(notice()?.querySelector('strong')?.textContent).toBe('Saves in ordered steps.');
    expect(notice()?.textContent).toContain(
      'The server refused a transaction with 405 when saving (refused while saving).'
    );
    expect(field(page, TARGET_VALUE).value).toBe('7');
    expect(saves).toHaveLength(0);

    await pressAndSettle('Save plan');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.plan.goals[0]?.targets[0]?.value).toMatchObject({ value: 7 });
  });

  test('a server that will not take consents: the contract is locked and the notice says why, the rest stays open', () => {
    const profile = serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: statementOf(undefined, ['Consent']),
      grantedScope: undefined,
    });
    render({ profile, gateway: idleGateway, factories: { transaction: transactionStrategy } });
    click(buttonNamed(page, 'Start a revision'));
    expect(notice()?.querySelector('.strategy-locked li')?.textContent).toBe(
      'Treatment contract: Consent create: no, the server does not support create for Consent (from its ' +
        'CapabilityStatement); Consent update: no, the server does not support update for Consent (from its ' +
        'CapabilityStatement).'
    );
    const contract = [
      ...page.querySelectorAll<HTMLInputElement>('#plan-section-contract input, #plan-section-contract textarea'),
    ];
    expect(contract.length).toBeGreaterThan(0);
    expect(contract.every((control) => control.disabled)).toBe(true);
    expect(field(page, TARGET_VALUE).disabled).toBe(false);
  });

  test('a server that takes notes only: the plan is read-only, record keeping stays open, Save files a note', async () => {
    const saves: StrategyInput[] = [];
    render({ profile: profileOf('Epic'), gateway: idleGateway, factories: { note: () => recording('note', saves) } });
    expect(notice()?.querySelector('strong')?.textContent).toBe('Saves as a clinical note.');
    const why = [...(notice()?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(why[0]).toBe('This server does not let apps write care plans.');
    expect(why).toContain(
      'CarePlan create: no, Epic lets no app create CarePlan through its public API (from the known rules for this server).'
    );
    // No edit it cannot save: no revision, the plan's own fields are locked ...
    expect([...page.querySelectorAll('button')].some((b) => b.textContent === 'Start a revision')).toBe(false);
    expect(field(page, TARGET_VALUE).disabled).toBe(true);
    // ... while record keeping (a new score) stays open.
    const addScore = page.querySelector('form.add-score button[type="submit"]');
    expect(addScore).not.toBeNull();
    expect((addScore as HTMLButtonElement | null)?.disabled).toBe(false);

    await pressAndSettle('Save as clinical note');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.plan.id).toBeDefined();
  });
});

describe('what the app may do here', () => {
  test('the panel names the recognised vendor and the facts that decide reading and saving', () => {
    const profile = serverProfile({
      smartConfiguration: undefined,
      capabilityStatement: statementOf('Oracle Health'),
      grantedScope: undefined,
    });
    const writing = chooseStrategy(profile, idleGateway);
    page = document.createElement('div');
    document.body.append(page);
    const created = createRoot(page);
    root = created;
    act(() => {
      created.render(
        <CapabilityPanel
          session={{
            gateway: idleGateway,
            serverUrl: idleGateway.baseUrl,
            launch: 'open',
            patient: undefined,
            user: undefined,
            requestedScope: '',
            grantedScope: undefined,
            smartConfiguration: undefined,
            capabilityStatement: { status: 'loaded', value: statementOf('Oracle Health') },
            context: { needPatientBanner: true },
            style: { status: 'absent' },
          }}
          profile={profile}
          writing={writing}
        />
      );
    });
    expect(page.querySelector('summary')?.textContent).toBe(
      'What this app may do here (read plans; saves file them as clinical notes)'
    );
    expect(page.querySelector('.server-vendor')?.textContent).toBe(
      'This server describes itself as Oracle Health, so the app also follows the known rules for Oracle Health.'
    );
    const facts = Object.fromEntries(
      [...page.querySelectorAll('.server-profile-facts > div')].map((row): [string, string] => [
        row.querySelector('dt')?.textContent ?? '',
        row.querySelector('dd')?.textContent ?? '',
      ])
    );
    expect(facts).toEqual({
      'Transaction Bundles':
        'not taken (Oracle Health takes no transaction Bundles, from the known rules for this server)',
      'A record changed by someone else is answered with': '409',
      'A new record is answered with': 'only its address (the app reads it back)',
      'Searches that must name a category': 'CarePlan (category=assess-plan)',
    });
  });
});
