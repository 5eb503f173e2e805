// @vitest-environment jsdom
/**
 * The workspace on a server where only a note can be saved: it says so, keeps the plan read-only, offers the
 * record keeping that saves (adding a diagnosis to the chart), lists what Save will file, and hands the plan with
 * the new diagnosis to the note strategy when the clinician saves. The strategy here records what it is given:
 * the workspace is under test, the strategy has tests of its own (test/integration/strategy-note.test.ts).
 */
import { act } from 'react';
import { afterEach, expect, test } from 'vitest';
import type { StrategyInput, StrategyOutcome, WriteStrategy } from '../../src/workspace/strategies/write-strategy.ts';
import { buttonNamed, click, renderWorkspace, setupFor, typeAndLeave, type Rendered } from './ui-workspace-harness.tsx';
import { exampleRecords } from './workspace-example-records.ts';

let rendered: Rendered | undefined;

const NOTHING: StrategyOutcome = { kind: 'nothing-to-save' };
const FILED: StrategyOutcome = {
  kind: 'sent',
  requests: 1,
  result: {
    kind: 'saved',
    response: { resourceType: 'Bundle', type: 'batch-response', entry: [] },
    locations: [],
  },
};

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

function recordingNoteStrategy(saves: StrategyInput[], outcome: StrategyOutcome = NOTHING): WriteStrategy {
  return {
    kind: 'note',
    explanation: 'This server does not let this app write care plans or goals, so Save files a plan of care note.',
    edits: 'note',
    save: (input) => {
      saves.push(input);
      return Promise.resolve(outcome);
    },
  };
}

function region(page: HTMLElement, name: string): HTMLElement {
  const found = [...page.querySelectorAll<HTMLElement>('section')].find((section) => {
    const label = section.getAttribute('aria-label') ?? '';
    const heading = section.getAttribute('aria-labelledby');
    const labelledBy = heading === null ? '' : (page.querySelector(`#${CSS.escape(heading)}`)?.textContent ?? '');
    return label === name || labelledBy === name;
  });
  if (found === undefined) throw new Error(`no region named ${name}`);
  return found;
}

test('in note mode the plan is read-only, a diagnosis can be added to the chart, and Save hands it to the note', async () => {
  const records = exampleRecords('george-smith');
  const saves: StrategyInput[] = [];
  const strategy = recordingNoteStrategy(saves);
  const setup = setupFor(records, { writing: { kind: 'chosen', strategy, because: ['CarePlan create: no.'] } });
  rendered = renderWorkspace(setup, records);
  const { page } = rendered;

  expect(region(page, 'How this plan is saved').textContent).toContain('Saves as a clinical note.');
  // The plan's own fields are the EHR's: not editable here.
  const title = page.querySelector<HTMLInputElement>('#plan-section-session input');
  expect(title?.disabled).toBe(true);

  const panel = region(page, 'Add to the chart');
  expect(panel.textContent).toContain('Nothing new yet');
  const search = [...panel.querySelectorAll('input')].find((input) => input.type === 'search');
  if (search === undefined) throw new Error('no diagnosis search');
  expect(search.disabled).toBe(false);
  typeAndLeave(search, 'Panic disorder');
  click(buttonNamed(panel, 'Add as written'));

  const pending = panel.querySelector('[aria-label="Filed with the note"]');
  expect(pending?.textContent).toContain('Panic disorder (problem list)');

  await act(async () => {
    buttonNamed(page, 'Save as clinical note').click();
    await Promise.resolve();
  });
  expect(saves).toHaveLength(1);
  const added = saves[0]?.plan.diagnoses.find((d) => d.condition.text === 'Panic disorder');
  expect(added).toMatchObject({ category: 'problem-list-item', condition: { text: 'Panic disorder', codes: [] } });
});

test('in note mode a successful save says the plan was filed as a clinical note, not written in one step', async () => {
  const records = exampleRecords('george-smith');
  const saves: StrategyInput[] = [];
  const strategy = recordingNoteStrategy(saves, FILED);
  const setup = setupFor(records, { writing: { kind: 'chosen', strategy, because: ['CarePlan create: no.'] } });
  rendered = renderWorkspace(setup, records);
  const { page } = rendered;

  await act(async () => {
    buttonNamed(page, 'Save as clinical note').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(saves).toHaveLength(1);
  expect(page.querySelector('.save-ok')?.textContent).toBe(
    'Saved. The plan was filed in the client’s chart as a clinical note.'
  );
});
