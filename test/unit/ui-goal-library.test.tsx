// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import * as catalog from '../../src/catalog/goal-library/index.ts';
import { sequentialIds } from '../../src/plan/index.ts';
import { GoalLibrary, renderGoalLibrary, type GoalLibraryModule } from '../../src/ui/goals/GoalLibrary.tsx';
import type { GoalLibraryContext, PickedGoal } from '../../src/ui/goals/GoalsSection.tsx';
import { buttonNamed, click, renderWorkspace, setupFor, type Rendered } from './ui-workspace-harness.tsx';
import { exampleRecords } from './workspace-example-records.ts';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | undefined;
let page: HTMLElement | undefined;

afterEach(() => {
  act(() => {
    root?.unmount();
  });
  page?.remove();
  root = undefined;
  page = undefined;
});

const depression = catalog.libraryEntry('depression');

function context(addresses: readonly string[] = []): GoalLibraryContext {
  return { today: '2026-03-02', newId: sequentialIds('lib'), addresses };
}

async function renderLibrary(options: {
  readonly onPick?: (picked: PickedGoal) => void;
  readonly disabled?: boolean;
  readonly addresses?: readonly string[];
  readonly load?: () => Promise<GoalLibraryModule>;
}): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  page = container;
  const created = createRoot(container);
  root = created;
  await act(async () => {
    created.render(
      <GoalLibrary
        onPick={options.onPick ?? (() => undefined)}
        disabled={options.disabled ?? false}
        context={context(options.addresses)}
        load={options.load ?? (() => Promise.resolve(catalog))}
      />
    );
    await Promise.resolve();
  });
  return container;
}

function choose(container: HTMLElement, title: string): void {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === 'Presenting problem');
  const select = container.querySelector<HTMLSelectElement>(`select[id="${label?.htmlFor ?? ''}"]`);
  if (select === null) throw new Error('no presenting-problem select');
  const option = [...select.options].find((candidate) => candidate.textContent === title);
  if (option === undefined) throw new Error(`no option ${title}`);
  act(() => {
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function addButtons(container: HTMLElement): HTMLButtonElement[] {
  return [...container.querySelectorAll('button')].filter((button) => button.textContent === 'Add this goal');
}

describe('goal library picker', () => {
  test('the presenting-problem select is labelled and lists every problem the library covers', async () => {
    const container = await renderLibrary({});
    const select = container.querySelector('select');
    const label = container.querySelector(`label[for="${select?.id ?? ''}"]`);
    expect(label?.textContent).toBe('Presenting problem');
    const titles = [...(select?.options ?? [])].map((option) => option.textContent).slice(1);
    expect(titles).toEqual(catalog.libraryProblems().map((problem) => problem.title));
    expect(addButtons(container)).toHaveLength(0);
  });

  test('choosing Depression lists its starting goals with their objectives and interventions', async () => {
    const container = await renderLibrary({});
    choose(container, depression.title);
    const headings = [...container.querySelectorAll('.library-goal h4')].map((heading) => heading.textContent);
    expect(headings).toEqual(depression.goals.map((goal) => goal.description));
    const first = depression.goals[0];
    const text = container.querySelector('.library-goal')?.textContent ?? '';
    expect(text).toContain(first?.objectives[0]?.description);
    expect(text).toContain(first?.interventions[0]?.application);
    expect(addButtons(container)).toHaveLength(depression.goals.length);
  });

  test('pressing Add this goal picks the goal with interventions linked to its own ids', async () => {
    const onPick = vi.fn<(picked: PickedGoal) => void>();
    const container = await renderLibrary({ onPick, addresses: ['diagnosis-1'] });
    choose(container, depression.title);
    act(() => {
      addButtons(container)[0]?.click();
    });
    expect(onPick).toHaveBeenCalledTimes(1);
    const picked = onPick.mock.calls[0]?.[0];
    const template = depression.goals[0];
    expect(picked?.goal.description.text).toBe(template?.description);
    expect(picked?.goal.startDate).toBe('2026-03-02');
    expect(picked?.goal.addresses).toEqual(['diagnosis-1']);
    expect(picked?.interventions).toHaveLength(template?.interventions.length ?? -1);
    const ownIds = new Set([picked?.goal.id, ...(picked?.goal.objectives.map((objective) => objective.id) ?? [])]);
    for (const intervention of picked?.interventions ?? []) {
      expect(intervention.goalIds.length).toBeGreaterThan(0);
      expect(intervention.goalIds.every((id) => ownIds.has(id))).toBe(true);
    }
    expect(container.querySelector('[role="status"]')?.textContent).toContain(template?.description);
  });

  test('when the workspace is read-only every Add this goal button is disabled and nothing is picked', async () => {
    const onPick = vi.fn<(picked: PickedGoal) => void>();
    const container = await renderLibrary({ onPick, disabled: true });
    choose(container, depression.title);
    const buttons = addButtons(container);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((button) => button.disabled)).toBe(true);
    act(() => {
      buttons[0]?.click();
    });
    expect(onPick).not.toHaveBeenCalled();
  });

  test('a library that fails to load says so instead of showing an empty picker', async () => {
    const container = await renderLibrary({ load: () => Promise.reject(new Error('offline')) });
    expect(container.textContent).toContain('could not be loaded');
    expect(container.querySelector('select')).toBeNull();
  });

  test('without a loader the library is imported on demand', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    page = container;
    const created = createRoot(container);
    root = created;
    act(() => {
      created.render(<GoalLibrary onPick={() => undefined} disabled={false} context={context()} />);
    });
    expect(container.textContent).toContain('Loading the goal library');
    await settleUntil(() => container.querySelector('select') !== null);
    expect(container.querySelector('select')?.options.length).toBe(catalog.libraryProblems().length + 1);
  });
});

/** Lets the dynamic import and React's updates run, inside act, until `done` holds (or a second has passed). */
async function settleUntil(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !done(); attempt += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

describe('goal library in the workspace', () => {
  let rendered: Rendered | undefined;
  afterEach(() => {
    rendered?.unmount();
    rendered = undefined;
  });

  test('a library goal added to a revision brings its objectives and its interventions into the plan', async () => {
    const records = exampleRecords('george-smith');
    rendered = renderWorkspace(setupFor(records, { renderGoalLibrary }), records);
    const workspace = rendered.page;
    await settleUntil(() => workspace.querySelector('.goal-library select') !== null);
    click(buttonNamed(workspace, 'Start a revision'));
    await settleUntil(() => workspace.querySelector('.goal-library select') !== null);
    const goalsBefore = workspace.querySelectorAll('.goal-card').length;
    const interventionsBefore = workspace.querySelectorAll('.item-card:not(.library-goal)').length;
    choose(workspace, depression.title);
    const template = depression.goals[0];
    click(addButtons(workspace)[0] ?? buttonNamed(workspace, 'Add this goal'));
    const cards = workspace.querySelectorAll('.goal-card');
    expect(cards.length).toBe(goalsBefore + 1);
    expect(cards[cards.length - 1]?.querySelector('h3')?.textContent).toBe(
      `Goal ${String(goalsBefore + 1)}: ${template?.description ?? ''}`
    );
    expect(cards[cards.length - 1]?.textContent).toContain(template?.objectives[0]?.description);
    expect(workspace.querySelectorAll('.item-card:not(.library-goal)').length).toBe(
      interventionsBefore + (template?.interventions.length ?? 0)
    );
  });
});
