// @vitest-environment jsdom
/**
 * A plan started in the workspace is written (CarePlan.created, printed as "Plan written") at the local time with
 * the local offset, as every "now" of the app is (workspace/clock.ts zonedNow), not at the UTC time of
 * `toISOString()`, which the print view and the PDF would show as if it were local.
 */
import { act } from 'react';
import { afterEach, expect, test } from 'vitest';
import { zonedNow } from '../../src/workspace/clock.ts';
import type { StrategyInput, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { buttonNamed, click, renderWorkspace, setupFor, type Rendered } from './ui-workspace-harness.tsx';
import { exampleRecords } from './workspace-example-records.ts';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

function recordingStrategy(saves: StrategyInput[]): WriteStrategy {
  return {
    kind: 'transaction',
    explanation: 'Saves the whole plan in one transaction.',
    edits: 'plan',
    save: (input) => {
      saves.push(input);
      return Promise.resolve({ kind: 'nothing-to-save' });
    },
  };
}

test('a started plan is written at the local time with its offset', async () => {
  const records = exampleRecords('john-doe').filter((r) => r.resourceType !== 'CarePlan');
  const saves: StrategyInput[] = [];
  const setup = setupFor(records, {
    writing: { kind: 'chosen', strategy: recordingStrategy(saves), because: [] },
  });
  rendered = renderWorkspace(setup, records);
  const { page } = rendered;
  click(buttonNamed(page, 'Start a plan'));
  await act(async () => {
    buttonNamed(page, 'Save plan').click();
    await Promise.resolve();
  });
  expect(saves).toHaveLength(1);
  const created = saves[0]?.plan.created;
  expect(created).toBe(zonedNow(setup.now(), { seconds: true }));
  expect(created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
});
