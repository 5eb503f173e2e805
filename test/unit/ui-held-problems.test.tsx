// @vitest-environment jsdom
/**
 * Problems the EHR already holds (issue 5 §1, "never offers an edit it cannot save"): where the chosen strategy
 * cannot update the EHR's Conditions (a companion store, or a server that creates but does not update Condition),
 * their Condition fields are locked with the reason beside them, while the plan's own choices about them (role in
 * the plan, removal) and new problems stay open. The real profile and chooser; a stand-in companion save records
 * what it was asked to save (test/integration/strategy-companion.test.ts saves it for real).
 */
import type * as fhir from 'fhir/r4';
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { serverProfile, type ServerProfile } from '../../src/fhir/server-profile.ts';
import { chooseStrategy, type StrategyChoice } from '../../src/workspace/strategies/choose-strategy.ts';
import { transactionStrategy } from '../../src/workspace/strategies/transaction.ts';
import type { StrategyInput, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { HELD_PROBLEM_REASON } from '../../src/workspace/held-problems.ts';
import { fieldAnchor } from '../../src/workspace/sections.ts';
import { exampleRecords } from './workspace-example-records.ts';
import {
  buttonNamed,
  click,
  field,
  idleGateway,
  renderWorkspace,
  setupFor,
  typeAndLeave,
  type Rendered,
} from './ui-workspace-harness.tsx';

const TYPES = ['CarePlan', 'Goal', 'Condition', 'Consent', 'ServiceRequest', 'Observation', 'DocumentReference'];
const RECORDS = exampleRecords('george-smith');

/** A server taking transactions; `conditionCreateOnly` leaves out Condition update. */
function profileOf(publisher: string | undefined, conditionCreateOnly = false): ServerProfile {
  const interactions = (type: string): fhir.CapabilityStatementRestResourceInteraction[] => [
    { code: 'read' },
    { code: 'search-type' },
    { code: 'create' },
    ...(conditionCreateOnly && type === 'Condition' ? [] : [{ code: 'update' as const }]),
  ];
  return serverProfile({
    smartConfiguration: undefined,
    grantedScope: undefined,
    capabilityStatement: {
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
            interaction: interactions(type),
          })),
        },
      ],
    },
  });
}

function companionChoice(saves: StrategyInput[]): StrategyChoice {
  const recording: WriteStrategy = {
    kind: 'companion',
    explanation: 'Stand-in for the companion strategy.',
    edits: 'plan',
    save: (input) => {
      saves.push(input);
      const response: fhir.Bundle = { resourceType: 'Bundle', type: 'batch-response' };
      return Promise.resolve({ kind: 'sent', requests: 1, result: { kind: 'saved', response, locations: [] } });
    },
  };
  const store = { gateway: { ...idleGateway, baseUrl: 'http://store.example/fhir' }, profile: profileOf(undefined) };
  return chooseStrategy(
    profileOf('Epic'),
    idleGateway,
    { companion: () => recording },
    { ...store, label: 'the plan store' }
  );
}

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

function open(writing: StrategyChoice): HTMLElement {
  rendered = renderWorkspace(setupFor(RECORDS, { writing }), RECORDS);
  const { page } = rendered;
  click(buttonNamed(page, 'Start a revision'));
  return page;
}

const control = (page: HTMLElement, path: string): HTMLInputElement => field(page, fieldAnchor(path));

const DIAGNOSIS_FIELDS = ['diagnoses[0].clinicalStatus', 'diagnoses[0].category', 'diagnoses[0].onset'];
const CONCERN_FIELDS = [
  'presentingConcerns[0].concern',
  'presentingConcerns[0].onset.date',
  'presentingConcerns[0].onset.text',
  'presentingConcerns[0].status',
  'presentingConcerns[0].note',
];

function reasons(page: HTMLElement, section: string): (string | null)[] {
  return [...page.querySelectorAll(`#plan-section-${section} .held-problem`)].map((p) => p.textContent);
}

function removeButtons(page: HTMLElement, section: string): HTMLButtonElement[] {
  return [...page.querySelectorAll<HTMLButtonElement>(`#plan-section-${section} li.item-card > button`)].filter((b) =>
    b.textContent.startsWith('Remove')
  );
}

describe('problems the EHR holds, with a companion store', () => {
  test('their Condition fields are locked with the reason beside each, role and removal stay open', () => {
    const page = open(companionChoice([]));
    const diagnoses = page.querySelectorAll('#plan-section-diagnoses li.item-card').length;
    const concerns = page.querySelectorAll('#plan-section-concerns li.item-card').length;
    expect(diagnoses).toBe(2);
    expect(concerns).toBe(4);
    expect(reasons(page, 'diagnoses')).toEqual(Array<string>(diagnoses).fill(HELD_PROBLEM_REASON));
    expect(reasons(page, 'concerns')).toEqual(Array<string>(concerns).fill(HELD_PROBLEM_REASON));
    expect(HELD_PROBLEM_REASON).toBe(
      'As the EHR holds it: this EHR does not let apps change problems; the change can be written in a progress note.'
    );
    for (const path of [...DIAGNOSIS_FIELDS, ...CONCERN_FIELDS])
      expect([path, control(page, path).disabled]).toEqual([path, true]);
    expect(control(page, 'diagnoses[0].role').disabled).toBe(false);
    expect(removeButtons(page, 'diagnoses').map((b) => b.disabled)).toEqual([false, false]);
    expect(removeButtons(page, 'concerns').every((b) => !b.disabled)).toBe(true);
  });

  test('a new concern can be added and edited, and a changed role is what Save sends', async () => {
    const saves: StrategyInput[] = [];
    const page = open(companionChoice(saves));
    typeAndLeave(field(page, 'new-presenting-concern'), 'Avoids friends since the move');
    const add = field(page, 'new-presenting-concern').parentElement?.querySelector('button');
    if (!add) throw new Error('no Add button beside the new concern');
    click(add);
    expect(control(page, 'presentingConcerns[4].concern').value).toBe('Avoids friends since the move');
    expect(control(page, 'presentingConcerns[4].status').disabled).toBe(false);
    expect(reasons(page, 'concerns')).toHaveLength(4);

    const role = page.querySelector<HTMLSelectElement>(`#${fieldAnchor('diagnoses[1].role')}`);
    if (role === null) throw new Error('no role select');
    const before = role.value;
    const after = before === 'focus' ? 'comorbidity' : 'focus';
    act(() => {
      role.value = after;
      role.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => {
      buttonNamed(page, 'Save plan').click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(saves).toHaveLength(1);
    expect(saves[0]?.plan.diagnoses[1]?.role).toBe(after);
    expect(saves[0]?.plan.presentingConcerns.map((c) => c.concern.text)).toContain('Avoids friends since the move');
  });
});

describe('problems on a server that updates them, or only creates them', () => {
  test('a transactional server that updates Conditions: every problem field is open and no reason shows', () => {
    const page = open(chooseStrategy(profileOf(undefined), idleGateway, { transaction: transactionStrategy }));
    expect(reasons(page, 'diagnoses')).toEqual([]);
    expect(reasons(page, 'concerns')).toEqual([]);
    for (const path of [...DIAGNOSIS_FIELDS, ...CONCERN_FIELDS])
      expect([path, control(page, path).disabled]).toEqual([path, false]);
  });

  test('a server that creates but does not update Conditions: held problems are locked, the sections stay open', () => {
    const writing = chooseStrategy(profileOf(undefined, true), idleGateway, { transaction: transactionStrategy });
    expect(writing.kind === 'chosen' ? writing.lockedSections?.has('diagnoses') : 'not chosen').not.toBe(true);
    const page = open(writing);
    expect(reasons(page, 'diagnoses')).toHaveLength(2);
    for (const path of DIAGNOSIS_FIELDS) expect([path, control(page, path).disabled]).toEqual([path, true]);
    expect(control(page, 'diagnoses[0].role').disabled).toBe(false);
    expect(field(page, 'new-presenting-concern').disabled).toBe(false);
  });
});
