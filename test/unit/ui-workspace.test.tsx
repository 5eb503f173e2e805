// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { SECTIONS } from '../../src/workspace/sections.ts';
import { exampleRecords } from './workspace-example-records.ts';
import {
  buttonNamed,
  click,
  field,
  memoryStorage,
  renderWorkspace,
  setupFor,
  typeAndLeave,
  type Rendered,
} from './ui-workspace-harness.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

function open(overrides: Parameters<typeof setupFor>[1] = {}): HTMLElement {
  const records = exampleRecords('george-smith');
  rendered = renderWorkspace(setupFor(records, overrides), records);
  return rendered.page;
}

const TARGET_VALUE = 'plan-field-goals-0-targets-0-value-value';

describe('the plan workspace with a loaded plan', () => {
  test('shows the current plan with every section, each reachable from the section navigation', () => {
    const page = open();
    expect(page.querySelector('.plan-title')?.textContent).toBe('Treatment plan: George Smith (revised August 2026)');
    const headings = [...page.querySelectorAll('.plan-section > h2')].map((h) => h.textContent);
    expect(headings).toEqual(SECTIONS.map((s) => s.title));
    const links = [...page.querySelectorAll('nav[aria-label="Plan sections"] a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(SECTIONS.map((s) => `#plan-section-${s.id}`));
    expect(field(page, TARGET_VALUE).value).toBe('10');
  });

  test('a signed plan is read-only until a revision is started, and says so', () => {
    const page = open();
    expect(page.querySelector('[aria-label="Read-only"]')?.textContent).toContain('This plan has been signed');
    expect(field(page, TARGET_VALUE).disabled).toBe(true);
    click(buttonNamed(page, 'Start a revision'));
    expect(page.querySelector('[aria-label="Read-only"]')).toBeNull();
    expect(field(page, TARGET_VALUE).disabled).toBe(false);
  });

  test('editing a goal target changes the plan, shows the new value and keeps a draft', async () => {
    const storage = memoryStorage();
    const page = open({ storage });
    click(buttonNamed(page, 'Start a revision'));
    typeAndLeave(field(page, TARGET_VALUE), '7');
    expect(field(page, TARGET_VALUE).value).toBe('7');
    expect(page.querySelector('#save-blocked')?.textContent).toBe('You have unsaved changes.');
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const kept = JSON.parse(storage.items.get('draft-key') ?? '{}') as {
      plan?: { goals?: { targets?: { value?: { value?: number } }[] }[] };
    };
    expect(kept.plan?.goals?.[0]?.targets?.[0]?.value?.value).toBe(7);
  });

  test('a refused edit shows its message next to the field it names', () => {
    const page = open();
    click(buttonNamed(page, 'Start a revision'));
    const remove = buttonNamed(page, /^Remove Major depressive disorder/);
    click(remove);
    const message = page.querySelector('#plan-field-diagnoses-0-message');
    expect(message?.textContent).toMatch(/goal/i);
    expect(remove.getAttribute('aria-describedby')).toBe('plan-field-diagnoses-0-message');
    expect(page.querySelector('.plan-section#plan-section-diagnoses')?.textContent).toContain(
      'Major depressive disorder'
    );
  });

  test('a rule the plan breaks is shown next to its field', () => {
    const page = open();
    click(buttonNamed(page, 'Start a revision'));
    typeAndLeave(field(page, 'plan-field-goals-0-targets-0-measure'), '   ');
    const measure = field(page, 'plan-field-goals-0-targets-0-measure');
    expect(measure.getAttribute('aria-invalid')).toBe('true');
    expect(page.querySelector('#plan-field-goals-0-targets-0-measure-message')?.textContent).toMatch(
      /what is measured/
    );
  });

  test('without write access every control is disabled, the reasons are given and Save says why not', () => {
    const page = open({
      writing: {
        kind: 'read-only',
        reasons: ['Creating CarePlan is not possible: the server does not offer CarePlan'],
      },
    });
    expect(page.querySelector('[aria-label="Read-only"]')?.textContent).toContain('the server does not offer CarePlan');
    expect([...page.querySelectorAll('button')].some((b) => b.textContent === 'Start a revision')).toBe(false);
    const controls = [
      ...page.querySelectorAll<HTMLInputElement>(
        '.plan-sections input, .plan-sections select, .plan-sections textarea'
      ),
    ];
    expect(controls.length).toBeGreaterThan(20);
    expect(controls.every((c) => c.disabled)).toBe(true);
    expect(buttonNamed(page, 'Save plan').disabled).toBe(true);
    expect(page.querySelector('#save-blocked')?.textContent).toBe('Saving is not possible here (see Read-only above).');
  });
});

describe('the completeness check', () => {
  test('each failing item links to the field that fixes it, and following the link focuses that field', () => {
    const records = exampleRecords('john-doe').filter((r) => r.resourceType !== 'CarePlan');
    rendered = renderWorkspace(setupFor(records), records);
    const page = rendered.page;
    click(buttonNamed(page, 'Start a plan'));
    const panel = page.querySelector('.completeness');
    expect(panel?.querySelector('summary')?.textContent).toMatch(/items need attention$/);
    const fixStart = [...(panel?.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent.endsWith('session.start')
    );
    if (fixStart === undefined) throw new Error('the check asks for the start time');
    click(fixStart);
    expect(document.activeElement?.id).toBe('plan-field-session-start');
  });
});

describe('lists from the keyboard', () => {
  test('Enter in a "new item" field adds the item and empties the field; an empty field adds nothing', () => {
    const records = exampleRecords('john-doe').filter((r) => r.resourceType !== 'CarePlan');
    rendered = renderWorkspace(setupFor(records), records);
    const page = rendered.page;
    click(buttonNamed(page, 'Start a plan'));
    const label = [...page.querySelectorAll('label')].find((l) => l.textContent === 'New strength');
    const input = field(page, label?.htmlFor ?? 'missing');
    const strengths = (): string[] =>
      [...(page.querySelector('#plan-section-strengths')?.querySelectorAll('li') ?? [])].map(
        (li) => li.querySelector('input')?.value ?? ''
      );
    const before = strengths();
    const pressEnter = (): void => {
      act(() => {
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      });
    };

    pressEnter();
    expect(strengths()).toEqual(before);
    typeAndLeave(input, 'Close to his coach');
    pressEnter();
    expect(strengths()).toEqual([...before, 'Close to his coach']);
    expect(input.value).toBe('');
  });
});
